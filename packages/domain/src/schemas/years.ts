import { z } from 'zod';

/** One tier's share of a year's 问题清单: how many lines (类) and how many organisations across them (个). */
export const TierCountSchema = z.object({ kinds: z.number().int(), count: z.number().int() });
export type TierCount = z.infer<typeof TierCountSchema>;

/** One data year in a scope (GET /api/quality/years), as the dashboard and the 问题清单 of that year show it. */
export const YearSummarySchema = z.object({
  year: z.number().int(),
  /** 31 December of a past year, else the as-of date the current year is judged to. */
  asOf: z.string(),
  /** The rule set it was judged under (null where it is not known, e.g. the report's previous year). */
  ruleVersion: z.number().int().nullable(),
  branchCount: z.number().int(),
  /** Mean of the branches' totals, one decimal (the dashboard's 平均分); null without branches. */
  averageScore: z.number().nullable(),
  /** The unit's own 综合得分 when one unit is asked for. */
  unitScore: z.number().nullable(),
  grades: z.object({ good: z.number().int(), fair: z.number().int(), poor: z.number().int() }),
  /** Branches with at least one problem (reminders left out). */
  branchesWithProblems: z.number().int(),
  tiers: z.object({ regulation: TierCountSchema, commission: TierCountSchema, reminder: TierCountSchema }),
});
export type YearSummary = z.infer<typeof YearSummarySchema>;

export const YearsSummarySchema = z.object({ unitId: z.number().int().nullable(), items: z.array(YearSummarySchema) });
export type YearsSummary = z.infer<typeof YearsSummarySchema>;

/** One year as GET /api/years gives it: a closed year (年度结账) is judged on its frozen records and rule version. */
export const YearStatusSchema = z.object({
  year: z.number().int(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** The rule version the year is judged under: the frozen one when closed, else the one in force. */
  ruleVersion: z.number().int(),
});
export type YearStatus = z.infer<typeof YearStatusSchema>;
