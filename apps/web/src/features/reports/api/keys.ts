/** Query keys of the 报告 page. */
export const reportKeys = {
  all: ['reports'] as const,
  preview: (year: number | undefined, unitId: number | null) => [...reportKeys.all, 'preview', { year, unitId }] as const,
  draft: (year: number | undefined, unitId: number | null) => [...reportKeys.all, 'draft', { year, unitId }] as const,
};
