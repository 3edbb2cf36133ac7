import { qualityKeys } from '@/lib/quality-keys';

/** The 总览's queries, under ['quality'] so that any write refreshing the scores refreshes them. */
export const dashboardKeys = {
  dashboard: (year: number | undefined) => [...qualityKeys.all, 'dashboard', { year }] as const,
  /** 历年对比 of the user's scope (not under qualityKeys.years(), the list of years on offer). */
  yearsSummary: () => [...qualityKeys.all, 'years-summary', { unitId: undefined }] as const,
  gaps: (year: number | undefined, unitId?: number) => [...qualityKeys.all, 'gaps', { year, unitId }] as const,
};
