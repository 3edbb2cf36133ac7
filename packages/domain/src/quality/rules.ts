import { z } from 'zod';
import {
  BRANCH_DIMENSIONS, DIMENSION_LABELS, INDICATOR_BY_CODE, INDICATOR_CODES, indicatorsOf,
  type BranchDimension, type Dimension, type IndicatorCode,
} from './catalogue.js';
import { PARAM_KEYS, PARAMS, type ParamKey, type ParamMeta, type RuleParams } from './params.js';
import { isValidFrequency } from './periods.js';

/**
 * The scoring rule set. Stored as JSON in a versioned table (the newest row is
 * in force); every score is recomputed from it, so changing a weight or a
 * threshold changes the scores at once.
 *
 * - A branch's score per dimension is earned/possible over its applicable
 *   indicators, scaled to 100; its total is the weighted mean of the
 *   dimensions that have anything applicable (the four weights sum to 100).
 * - A unit's total mixes the mean of its branches' totals with its own
 *   责任落实 score: (100 − responsibilityWeight)% + responsibilityWeight%.
 */
/**
 * One indicator's settings. `appliesToRetired`: whether a 离退休党支部 is judged
 * on it (default: not for 双带头人, 班子年龄, 发展党员, 高层次人才, 品牌, 书记项目
 * and 先锋岗 — a retirees' branch has no 业务 to lead and recruits no one).
 */
export interface IndicatorRule { enabled: boolean; points: number; appliesToRetired: boolean }

/** Indicators a retirees' branch is not judged on by default. */
export const RETIRED_EXEMPT_DEFAULT: readonly IndicatorCode[] = [
  'secretary_dual_leader', 'committee_age', 'recruitment', 'talent_recruitment', 'brand', 'secretary_project', 'vanguard_post',
];
export interface RuleSet {
  dimensions: Record<BranchDimension, { weight: number }>;
  /** Share (in %) of the unit's own 责任落实 score in the unit total. */
  responsibilityWeight: number;
  passLine: number;
  goodLine: number;
  indicators: Record<IndicatorCode, IndicatorRule>;
  params: RuleParams;
}

/** Default points within each dimension (each dimension's points sum to 100). */
const DEFAULT_POINTS: Record<IndicatorCode, number> = {
  secretary_dual_leader: 20, committee_complete: 20, committee_term: 20, committee_age: 10, secretary_party_age: 10, secretary_part_time: 20,
  general_meeting: 15, committee_meeting: 15, group_meeting: 10, party_lecture: 15, theme_day: 15, life_meeting: 10, member_review: 10, attendance: 10,
  branch_size: 15, study_hours: 25, recruitment: 20, talent_recruitment: 15, roster_complete: 25,
  brand: 30, secretary_project: 40, vanguard_post: 30,
  unit_plan: 25, unit_full_time_worker: 25, unit_secretary_review: 25, unit_responsibility: 25,
};

export const DEFAULT_RULES: RuleSet = {
  dimensions: { leadership: { weight: 30 }, political: { weight: 30 }, team: { weight: 20 }, role: { weight: 20 } },
  responsibilityWeight: 30,
  passLine: 60,
  goodLine: 85,
  indicators: Object.fromEntries(INDICATOR_CODES.map((c) => [c, {
    enabled: true, points: DEFAULT_POINTS[c], appliesToRetired: !RETIRED_EXEMPT_DEFAULT.includes(c),
  }])) as Record<IndicatorCode, IndicatorRule>,
  params: Object.fromEntries(PARAM_KEYS.map((k) => [k, PARAMS[k].default])) as RuleParams,
};

function rangeText(m: Pick<ParamMeta, 'min' | 'max' | 'percent'>): string {
  return m.percent ? `${m.min * 100}% 到 ${m.max * 100}%` : `${m.min} 到 ${m.max}`;
}

/** A number field whose every message names it in Chinese. */
function numberField(label: string, m: Pick<ParamMeta, 'min' | 'max' | 'integer' | 'percent' | 'frequency'>) {
  const intMsg = m.min >= 1 ? `${label}必须为正整数` : `${label}必须为非负整数`;
  const typeMsg = m.integer ? intMsg : `${label}必须是数字`;
  let s = z.number({ error: (iss) => (iss.input === undefined ? `缺少${label}` : typeMsg) });
  if (m.integer) {
    s = s.int(intMsg).min(m.min, m.min >= 1 ? intMsg : `${label}不能小于 ${m.min}`).max(m.max, `${label}不能大于 ${m.max}`);
  } else {
    const msg = `${label}应在 ${rangeText(m)} 之间`;
    s = s.min(m.min, msg).max(m.max, msg);
  }
  if (m.frequency) s = s.refine(isValidFrequency, `${label}应能按月均分全年（1、2、3、4、6、12 或 12 的整数倍）`);
  return s;
}

const weightMeta = { min: 0, max: 100, integer: true } as const;

const pointsLabel = (c: IndicatorCode) => `${INDICATOR_BY_CODE[c].name}分值`;

const IndicatorsSchema = z.object(Object.fromEntries(INDICATOR_CODES.map((c) => {
  const name = INDICATOR_BY_CODE[c].name;
  return [c, z.object({
    enabled: z.boolean({ error: `${name}是否启用必须是布尔值` }),
    points: numberField(pointsLabel(c), { min: 0, max: 100, integer: false }),
    appliesToRetired: z.boolean({ error: `${name}是否考核离退休党支部必须是布尔值` }).default(!RETIRED_EXEMPT_DEFAULT.includes(c)),
  }, { error: `缺少指标“${name}”的设置` })];
})));

const ParamsSchema = z.object(Object.fromEntries(PARAM_KEYS.map((k) => [k, numberField(PARAMS[k].label, PARAMS[k])])), { error: '缺少阈值参数设置' });

const RuleSetObject = z.object({
  dimensions: z.object(Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, z.object({
    weight: numberField(`${DIMENSION_LABELS[d]}权重`, weightMeta),
  }, { error: `缺少${DIMENSION_LABELS[d]}权重` })])), { error: '缺少维度权重设置' }),
  responsibilityWeight: numberField('单位得分中责任落实权重', weightMeta),
  passLine: numberField('合格线', { min: 0, max: 100, integer: false }),
  goodLine: numberField('优良线', { min: 0, max: 100, integer: false }),
  indicators: IndicatorsSchema,
  params: ParamsSchema,
}, { error: '评分规则必须是一个对象' });

export const RuleSetSchema = RuleSetObject.superRefine((raw, ctx) => {
  const r = raw as unknown as RuleSet;
  const sum = BRANCH_DIMENSIONS.reduce((s, d) => s + r.dimensions[d].weight, 0);
  if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['dimensions'], message: `各维度权重之和应为 100，当前为 ${sum}` });
  if (r.passLine >= r.goodLine) ctx.addIssue({ code: 'custom', path: ['passLine'], message: `合格线（${r.passLine}）应低于优良线（${r.goodLine}）` });
  for (const d of [...BRANCH_DIMENSIONS, 'responsibility'] as Dimension[]) {
    const live = indicatorsOf(d).some((def) => r.indicators[def.code].enabled && r.indicators[def.code].points > 0);
    if (!live) ctx.addIssue({ code: 'custom', path: ['indicators'], message: `${DIMENSION_LABELS[d]}至少需启用一项分值大于 0 的指标` });
  }
  const p = r.params;
  const order = (lo: ParamKey, hi: ParamKey, message: string) => {
    if (p[lo] > p[hi]) ctx.addIssue({ code: 'custom', path: ['params', lo], message });
  };
  order('committeeSizeMin', 'committeeSizeMax', `支委会人数下限（${p.committeeSizeMin}）不能大于上限（${p.committeeSizeMax}）`);
  order('branchSizeMin', 'branchSizeMax', `支部党员人数下限（${p.branchSizeMin}）不能大于上限（${p.branchSizeMax}）`);
  order('attendanceWarnMin', 'attendanceMin', '组织生活到会率预警线不能高于达标线');
}) as unknown as z.ZodType<RuleSet>;

/** One editable number of the rule set, for a generic settings form. */
export interface RuleField {
  /** Dot path into RuleSet, e.g. 'params.generalMeetingPerYear', 'indicators.brand.points'. */
  path: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  integer: boolean;
  /** Stored 0–1, shown as %. */
  percent: boolean;
  /** Where the form groups it. */
  group: Dimension | 'weights' | 'grading';
  indicator?: IndicatorCode;
  hint?: string;
}

export const RULE_FIELDS: readonly RuleField[] = [
  ...BRANCH_DIMENSIONS.map((d): RuleField => ({
    path: `dimensions.${d}.weight`, label: `${DIMENSION_LABELS[d]}权重`, unit: '%', ...weightMeta, percent: false, group: 'weights', hint: '四个维度权重之和应为 100',
  })),
  { path: 'responsibilityWeight', label: '单位得分中责任落实权重', unit: '%', ...weightMeta, percent: false, group: 'weights', hint: '其余为所属支部平均分' },
  { path: 'passLine', label: '合格线', unit: '分', min: 0, max: 100, integer: false, percent: false, group: 'grading' },
  { path: 'goodLine', label: '优良线', unit: '分', min: 0, max: 100, integer: false, percent: false, group: 'grading' },
  ...INDICATOR_CODES.map((c): RuleField => ({
    path: `indicators.${c}.points`, label: pointsLabel(c), unit: '分', min: 0, max: 100, integer: false, percent: false,
    group: INDICATOR_BY_CODE[c].dimension, indicator: c,
  })),
  ...PARAM_KEYS.map((k): RuleField => {
    const m: ParamMeta = PARAMS[k];
    return {
      path: `params.${k}`, label: m.label, unit: m.unit, min: m.min, max: m.max, integer: m.integer, percent: m.percent ?? false, group: m.group,
      ...(m.indicator ? { indicator: m.indicator } : {}), ...(m.hint ? { hint: m.hint } : {}),
    };
  }),
];

export function getRuleValue(rules: RuleSet, path: string): unknown {
  let cur: unknown = rules;
  for (const key of path.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  return cur;
}

/** A copy of `rules` with the value at `path` replaced (not validated: parse with RuleSetSchema before saving). */
export function setRuleValue(rules: RuleSet, path: string, value: unknown): RuleSet {
  const copy = structuredClone(rules) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop();
  let cur = copy;
  for (const key of keys) {
    const next = cur[key];
    if (next === null || typeof next !== 'object') throw new Error(`规则路径不存在：${path}`);
    cur = next as Record<string, unknown>;
  }
  if (last === undefined) throw new Error('规则路径为空');
  cur[last] = value;
  return copy as unknown as RuleSet;
}

/**
 * Fills in what an older stored rule set lacks (an indicator or a parameter
 * added since) from DEFAULT_RULES. Does not validate.
 */
export function withDefaults(stored: unknown): unknown {
  if (stored === null || typeof stored !== 'object') return stored;
  const s = stored as Partial<Record<keyof RuleSet, unknown>>;
  const obj = (v: unknown) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const ind = obj(s.indicators);
  return {
    ...DEFAULT_RULES,
    ...s,
    dimensions: { ...DEFAULT_RULES.dimensions, ...obj(s.dimensions) },
    indicators: Object.fromEntries(INDICATOR_CODES.map((c) => [c, { ...DEFAULT_RULES.indicators[c], ...obj(ind[c]) }])),
    params: { ...DEFAULT_RULES.params, ...obj(s.params) },
  };
}

export type Grade = 'good' | 'fair' | 'poor';
export const GRADE_LABELS: Record<Grade, string> = { good: '优良', fair: '合格', poor: '不合格' };
/** Dashboard colours: good green, fair amber, poor red. */
export const GRADE_COLORS: Record<Grade, 'green' | 'amber' | 'red'> = { good: 'green', fair: 'amber', poor: 'red' };

export function passLine(rules: RuleSet = DEFAULT_RULES): number {
  return rules.passLine;
}

/** good ≥ goodLine (85), fair ≥ passLine (60), poor below. */
export function gradeOf(total: number, rules: RuleSet = DEFAULT_RULES): Grade {
  if (total >= rules.goodLine) return 'good';
  if (total >= rules.passLine) return 'fair';
  return 'poor';
}
