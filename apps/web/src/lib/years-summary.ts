import type { Tier } from '@wj/domain/quality';
import { apiGet } from './api-client';

/** One tier's share of a year's 问题清单: lines (类) and organisations across them (个). */
export interface TierCount { kinds: number; count: number }

/** One data year as GET /api/quality/years gives it (the dashboard and 问题清单 of that year). */
export interface YearSummary {
  year: number;
  asOf: string;
  ruleVersion: number | null;
  branchCount: number;
  averageScore: number | null;
  unitScore: number | null;
  grades: { good: number; fair: number; poor: number };
  branchesWithProblems: number;
  tiers: Record<Tier, TierCount>;
}

export interface YearsSummary { unitId: number | null; items: YearSummary[] }

/** 历年对比 for the caller's scope, or one unit of it; each feature keys it in its own keys.ts. */
export function getYearsSummary(unitId: number | undefined, signal?: AbortSignal): Promise<YearsSummary> {
  return apiGet<YearsSummary>('/quality/years', { unitId }, signal);
}
