/**
 * Query keys for every quality score the SPA shows (dashboard, gap lists,
 * branch and unit scores), all under ['quality']. Scores are computed from
 * facts that other features edit, and those features don't know these keys:
 * quality queries are therefore always stale (refetched on every mount) and a
 * feature that wants an immediate refresh may invalidate `qualityKeys.all`.
 */
export const qualityKeys = {
  all: ['quality'] as const,
  dashboard: (year: number | undefined) => [...qualityKeys.all, 'dashboard', { year }] as const,
  gaps: (year: number | undefined, unitId?: number) => [...qualityKeys.all, 'gaps', { year, unitId }] as const,
  years: () => [...qualityKeys.all, 'years'] as const,
  branch: (id: number, year: number | undefined) => [...qualityKeys.all, 'branch', id, { year }] as const,
  unit: (id: number, year: number | undefined) => [...qualityKeys.all, 'unit', id, { year }] as const,
};

/** A score must never look older than the last edit: refetch whenever shown (cached data stays on screen meanwhile). */
export const QUALITY_STALE_TIME = 0;
