import type { UnitPlan } from '@wj/domain/schemas';

export type PlanStatus = 'on_time' | 'late' | 'missing' | 'not_due';

/**
 * The year's plan is due in the first quarter (DESIGN.md, 责任落实: “annual
 * party-work plan submitted in Q1”): after 31 March it is 逾期; the current
 * year without one is 未提交.
 */
export function planStatus(year: number, plan: UnitPlan | undefined, currentYear: number): PlanStatus {
  if (!plan) return year <= currentYear ? 'missing' : 'not_due';
  return plan.submittedDate > `${year}-03-31` ? 'late' : 'on_time';
}

export const PLAN_STATUS_TAG: Record<PlanStatus, { color: string; label: string }> = {
  on_time: { color: 'success', label: '按时提交' },
  late: { color: 'warning', label: '逾期提交' },
  missing: { color: 'error', label: '未提交' },
  not_due: { color: 'default', label: '未到期' },
};

/** One row per year with a plan, plus the current year even when it has none (that is the gap to see). */
export function planRows(plans: UnitPlan[], currentYear: number): { year: number; plan: UnitPlan | undefined }[] {
  const years = new Set([currentYear, ...plans.map((p) => p.year)]);
  return [...years].sort((a, b) => b - a).map((year) => ({ year, plan: plans.find((p) => p.year === year) }));
}
