import { z } from 'zod';
import { INSTITUTION_TYPES } from '../enums.js';
import { idText } from './common.js';
import { RuleSetSchema } from '../quality/rules.js';
import { dateField, optionalText, todayIso } from './fields.js';

/** API shapes of the quality model's results (the model itself: @wj/domain/quality). */
const DimensionScoreSchema = z.object({ score: z.number(), weight: z.number(), earned: z.number(), possible: z.number(), applicable: z.boolean() });
const GradeSchema = z.enum(['good', 'fair', 'poor']);
const SeveritySchema = z.enum(['red', 'amber']);
/** 党内法规 / 本委工作要求 / 提醒 (quality/sources.ts). */
const TierSchema = z.enum(['regulation', 'commission', 'reminder']);

export const GapSchema = z.object({
  code: z.string(), severity: SeveritySchema, message: z.string(), source: z.string(), recommendation: z.string(), points: z.number(),
  tier: TierSchema, variant: z.string().nullable(),
});
export const IndicatorResultSchema = z.object({
  code: z.string(), dimension: z.string(), status: z.enum(['met', 'partial', 'unmet', 'na']), earned: z.number(), possible: z.number(),
  detail: z.string(), name: z.string(), source: z.string(), tier: TierSchema.exclude(['reminder']),
});

/** The query's fields, for routes that take some of them (`.pick`); QualityQuerySchema adds the check between them. */
export const QualityQueryFieldsSchema = z.object({
  year: z.coerce.number({ error: 'year 必须是数字' }).int('year 必须是整数').min(2000, 'year 超出范围').max(2100, 'year 超出范围').optional(),
  asOf: dateField('asOf ').refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'asOf 超出范围（应在 2000—2100 年之间）').optional(),
  unitId: idText('unitId').optional(),
});
/**
 * year, asOf and unitId of a quality query. An asOf before the chosen year's
 * first day is refused (400): a score of 2026 "as of 2025" means nothing, and
 * quietly moving it to 1 January would answer a question nobody asked. Later
 * dates are not refused but clamped (qualityPeriod).
 */
export const QualityQuerySchema = QualityQueryFieldsSchema.superRefine((q, ctx) => {
  if (q.year !== undefined && q.asOf !== undefined && q.asOf < `${q.year}-01-01`) {
    ctx.addIssue({ code: 'custom', path: ['asOf'], message: `asOf 早于所选年度（应在 ${q.year} 年内）` });
  }
});
export type QualityQuery = z.infer<typeof QualityQuerySchema>;

/**
 * Which year and as-of date a quality query (or 待办's asOf) means — the one
 * place a caller's date is bounded, so that scores are only ever computed and
 * cached for dates inside the year and not after today:
 * - no year: the year of asOf (after clamping to today), else this year
 *   (or the latest year with records when there is none yet this year);
 * - asOf after today → today; after the year's end → the year's end or
 *   today, whichever is earlier; none → that same default (a past year is
 *   judged whole, the current one up to today);
 * - before the year's first day → refused by QualityQuerySchema; a caller
 *   that skipped the schema gets the year's first day (never later than today).
 * A year after this one has no date in it that is not in the future: it is
 * judged as of today, like the current year.
 */
export function qualityPeriod(q: { year?: number; asOf?: string }, dataYears: readonly number[], today = todayIso()): { year: number; asOf: string } {
  const thisYear = Number(today.slice(0, 4));
  const latest = dataYears.length ? Math.max(...dataYears) : thisYear;
  const asked = q.asOf !== undefined && q.asOf > today ? today : q.asOf;
  const year = q.year ?? (asked ? Number(asked.slice(0, 4)) : Math.min(thisYear, latest));
  const end = `${year}-12-31`;
  const upper = end < today ? end : today;
  const start = `${year}-01-01`;
  const lower = start < upper ? start : upper;
  const asOf = asked === undefined || asked > upper ? upper : asked < lower ? lower : asked;
  return { year, asOf };
}

const Dimensions = z.object({ leadership: DimensionScoreSchema, political: DimensionScoreSchema, team: DimensionScoreSchema, role: DimensionScoreSchema });

export const BranchScoreRowSchema = z.object({
  orgId: z.number().int(), name: z.string(), unitId: z.number().int(), unitName: z.string(),
  total: z.number(), grade: GradeSchema, dimensions: Dimensions,
  /** Problems (党内法规 and 本委工作要求); reminders are counted apart, so a branch with full marks has 0. */
  gapCount: z.number().int(), redCount: z.number().int(), reminderCount: z.number().int(), memberCount: z.number().int(),
});
export type BranchScoreRow = z.infer<typeof BranchScoreRowSchema>;

export const ScoreListSchema = <T extends z.ZodType>(item: T) => z.object({ year: z.number().int(), asOf: z.string(), ruleVersion: z.number().int(), items: z.array(item) });
export const BranchScoreListSchema = ScoreListSchema(BranchScoreRowSchema);

export const BranchScoreDetailSchema = BranchScoreRowSchema.extend({
  year: z.number().int(), asOf: z.string(), ruleVersion: z.number().int(), passLine: z.number(),
  indicators: z.array(IndicatorResultSchema), gaps: z.array(GapSchema),
});
export type BranchScoreDetail = z.infer<typeof BranchScoreDetailSchema>;

const NullableAverages = z.object({
  leadership: z.number().nullable(), political: z.number().nullable(), team: z.number().nullable(), role: z.number().nullable(), total: z.number().nullable(),
});
export const UnitScoreRowSchema = z.object({
  orgId: z.number().int(), name: z.string(), institutionName: z.string().nullable(), institutionType: z.enum(INSTITUTION_TYPES).nullable(),
  total: z.number(), grade: GradeSchema, responsibility: DimensionScoreSchema, branchAverage: NullableAverages,
  branchCount: z.number().int(), gapCount: z.number().int(), redCount: z.number().int(), reminderCount: z.number().int(),
  /** Problems of the unit's branches (their 问题数 summed). */
  branchGapCount: z.number().int(),
});
export type UnitScoreRow = z.infer<typeof UnitScoreRowSchema>;
export const UnitScoreListSchema = ScoreListSchema(UnitScoreRowSchema);
/** The 四强 averages over some branches (null: no branch where the dimension applies). */
export const DimensionAveragesSchema = z.object({ leadership: z.number().nullable(), political: z.number().nullable(), team: z.number().nullable(), role: z.number().nullable() });
export type DimensionAverages = z.infer<typeof DimensionAveragesSchema>;

export const UnitScoreDetailSchema = UnitScoreRowSchema.extend({
  year: z.number().int(), asOf: z.string(), ruleVersion: z.number().int(), passLine: z.number(),
  indicators: z.array(IndicatorResultSchema), gaps: z.array(GapSchema),
  /**
   * The 四强 averages over the unit's branches (the dashboard's radar compares them with the commission's): with the
   * unit's detail rather than in the dashboard, which would otherwise carry them for every unit (a third of its bytes at province size).
   */
  dimensions: DimensionAveragesSchema,
  branches: z.array(BranchScoreRowSchema),
});
export type UnitScoreDetail = z.infer<typeof UnitScoreDetailSchema>;

export const GapOrgSchema = z.object({
  orgId: z.number().int(), name: z.string(), unitId: z.number().int(), unitName: z.string(), severity: SeveritySchema, message: z.string(), total: z.number(),
});
export const GapLineSchema = z.object({
  code: z.string(), level: z.enum(['branch', 'unit']), dimension: z.string(), name: z.string(), source: z.string(), recommendation: z.string(),
  tier: TierSchema, variant: z.string().nullable(), basis: z.string(), localRule: z.string().nullable(),
  count: z.number().int(), red: z.number().int(), amber: z.number().int(), text: z.string(), severity: SeveritySchema,
  orgs: z.array(GapOrgSchema),
});
export type GapLine = z.infer<typeof GapLineSchema>;
export const GapCatalogueSchema = z.object({ year: z.number().int(), asOf: z.string(), items: z.array(GapLineSchema) });

export const DashboardSchema = z.object({
  year: z.number().int(), asOf: z.string(), ruleVersion: z.number().int(), years: z.array(z.number().int()),
  counts: z.object({ units: z.number().int(), branches: z.number().int(), members: z.number().int(), inService: z.number().int(), retired: z.number().int() }),
  averageScore: z.number().nullable(), passLine: z.number(), goodLine: z.number(),
  belowPassLine: z.number().int(),
  grades: z.object({ good: z.number().int(), fair: z.number().int(), poor: z.number().int() }),
  distribution: z.array(z.object({ label: z.string(), from: z.number(), to: z.number(), count: z.number().int() })),
  /** Best first; past RANKING_MAX units the answer carries only its two ends (rankingEnds, @wj/domain/quality). */
  unitRanking: z.array(z.object({ orgId: z.number().int(), name: z.string(), institutionName: z.string().nullable(), total: z.number(), grade: GradeSchema })),
  /** How many units lie between the two ends and are not in unitRanking (0: every unit of the scope is there). */
  unitRankingOmitted: z.number().int(),
  dimensionAverages: DimensionAveragesSchema,
  topGaps: z.array(GapLineSchema.omit({ orgs: true })),
  /** Lines of topGaps per tier: the heading “涉及违反党内法规制度的问题N类” counts `regulation` only. */
  tierCounts: z.object({ regulation: z.number().int(), commission: z.number().int(), reminder: z.number().int() }),
  previous: z.object({ year: z.number().int(), averageScore: z.number().nullable(), belowPassLine: z.number().int(), gapCount: z.number().int() }).nullable(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const RuleSetResponseSchema = z.object({
  version: z.number().int(), createdAt: z.string(), createdBy: z.string().nullable(), note: z.string().nullable(), rules: z.unknown(),
});
/**
 * A save of the rules: the whole rule set as GET answered it (no part filled in
 * from the defaults), checked field by field before anything is stored.
 */
export const RuleSetUpdateSchema = z.object({
  rules: RuleSetSchema,
  note: optionalText('说明', 200, { multiline: true }),
  baseVersion: z.number({ error: '缺少规则版本号 baseVersion' }).int('baseVersion 必须是整数').positive('baseVersion 必须是正整数'),
});
