import type { TierCount, YearSummary, YearsSummary } from '@wj/domain/schemas';
import { apiGet } from './api-client';

/** 历年对比 for the caller's scope, or one unit of it; each feature keys it in its own keys.ts. */
export function getYearsSummary(unitId: number | undefined, signal?: AbortSignal): Promise<YearsSummary> {
  return apiGet<YearsSummary>('/quality/years', { unitId }, signal);
}

export type { TierCount, YearSummary, YearsSummary };
