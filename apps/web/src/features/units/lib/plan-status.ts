import { planStatusOf, type PlanStatus, type RuleParams } from '@wj/domain/quality';
import type { UnitPlan } from '@wj/domain/schemas';

export type { PlanStatus };

/**
 * The year's plan as the score judges it (quality/unit.ts planStatusOf): due
 * by the end of the month the rule set names (planDueMonth, default March);
 * later is 逾期; none once that day has passed is 未提交, before it 未到期.
 */
export function planStatus(year: number, plan: UnitPlan | undefined, today: string, params: Pick<RuleParams, 'planDueMonth'>): PlanStatus {
  return planStatusOf(year, plan?.submittedDate ?? null, today, params);
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
