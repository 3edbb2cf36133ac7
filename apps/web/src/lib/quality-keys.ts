/**
 * The ['quality'] key space: every score the SPA shows lives under it (the
 * dashboard's keys extend it in its feature's keys.ts).
 * Scores are computed from facts that other features edit, and those features
 * don't know these keys:
 * quality queries are therefore always stale (refetched on every mount) and a
 * feature that wants an immediate refresh may invalidate `qualityKeys.all`.
 */
export const qualityKeys = {
  all: ['quality'] as const,
  years: () => [...qualityKeys.all, 'years'] as const,
  /** The rule set in force as the web judges statuses by it (not the admin's editable copy). */
  rulesInForce: () => [...qualityKeys.all, 'rules', 'raw'] as const,
  branch: (id: number, year: number | undefined) => [...qualityKeys.all, 'branch', id, { year }] as const,
  /** A unit's score detail: the unit page's panel and the dashboard's 四强 radar read the same answer. */
  unit: (id: number, year: number | undefined) => [...qualityKeys.all, 'unit', id, { year }] as const,
  /** Each year's 年度结账 status (GET /api/years): closing or re-judging a year invalidates the whole prefix. */
  yearStatus: () => [...qualityKeys.all, 'year-status'] as const,
};

/** A score must never look older than the last edit: refetch whenever shown (cached data stays on screen meanwhile). */
export const QUALITY_STALE_TIME = 0;
