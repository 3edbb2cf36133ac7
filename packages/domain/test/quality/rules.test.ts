import { describe, expect, test } from 'vitest';
import { BRANCH_DIMENSIONS, DIMENSION_LABELS, indicatorsOf, INDICATOR_CODES } from '../../src/quality/catalogue.js';
import { PARAM_KEYS } from '../../src/quality/params.js';
import {
  DEFAULT_RULES, getRuleValue, gradeOf, passLine, RULE_FIELDS, RuleSetSchema, setRuleValue, withDefaults,
} from '../../src/quality/rules.js';
import { rulesWith } from './builders.js';

/** All messages of a failed parse. */
function messages(input: unknown): string[] {
  const r = RuleSetSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('RuleSetSchema', () => {
  test('accepts the defaults unchanged', () => {
    expect(RuleSetSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  test('weights must sum to 100, and the message says the current sum', () => {
    const r = rulesWith({ 'dimensions.leadership.weight': DEFAULT_RULES.dimensions.leadership.weight - 5 });
    const sum = BRANCH_DIMENSIONS.reduce((s, d) => s + r.dimensions[d].weight, 0);
    expect(messages(r)).toEqual([`各维度权重之和应为 100，当前为 ${sum}`]);
    expect(sum).toBe(95);
  });

  test('other weights that sum to 100 are fine', () => {
    expect(messages(rulesWith({ 'dimensions.leadership.weight': 40, 'dimensions.political.weight': 20 }))).toEqual([]);
  });

  test.each([0, -4, 2.5, '4', null])('党员大会每年次数 %s is refused by name', (v) => {
    expect(messages(rulesWith({ 'params.generalMeetingPerYear': v }))).toContain('党员大会每年次数必须为正整数');
  });

  test('a frequency that cannot split the year is refused', () => {
    expect(messages(rulesWith({ 'params.themeDayPerYear': 5 }))).toEqual(['主题党日每年次数应能按月均分全年（1、2、3、4、6、12 或 12 的整数倍）']);
    expect(messages(rulesWith({ 'params.themeDayPerYear': 24 }))).toEqual([]);
  });

  test('a missing field is named', () => {
    const { termYears: _omit, ...params } = DEFAULT_RULES.params;
    expect(messages({ ...DEFAULT_RULES, params })).toEqual(['缺少支委会每届任期']);
  });

  test.each([
    ['params.attendanceMin', 1.2, '组织生活到会率达标线应在 0% 到 100% 之间'],
    ['params.committeeSizeMin', 8, '支委会人数下限（8）不能大于上限（7）'],
    ['params.branchSizeMin', 60, '支部党员人数下限（60）不能大于上限（50）'],
    ['params.attendanceWarnMin', 0.85, '组织生活到会率预警线不能高于达标线'],
    ['passLine', 90, '合格线（90）应低于优良线（85）'],
    ['indicators.brand.points', -1, '创建支部品牌分值应在 0 到 100 之间'],
    ['indicators.brand.enabled', 'yes', '创建支部品牌是否启用必须是布尔值'],
    ['dimensions.team.weight', 20.5, '党员队伍强权重必须为非负整数'],
  ])('%s = %s → %s', (path, value, message) => {
    expect(messages(rulesWith({ [path]: value }))).toContain(message);
  });

  test('a dimension needs at least one live indicator', () => {
    const off = Object.fromEntries(indicatorsOf('role').map((d) => [`indicators.${d.code}.enabled`, false]));
    expect(messages(rulesWith(off))).toEqual([`${DIMENSION_LABELS.role}至少需启用一项分值大于 0 的指标`]);
  });
});

describe('RULE_FIELDS — a settings page can render and validate every number generically', () => {
  test('covers every parameter, every indicator and every weight', () => {
    const paths = RULE_FIELDS.map((f) => f.path);
    for (const k of PARAM_KEYS) expect(paths).toContain(`params.${k}`);
    for (const c of INDICATOR_CODES) expect(paths).toContain(`indicators.${c}.points`);
    for (const d of BRANCH_DIMENSIONS) expect(paths).toContain(`dimensions.${d}.weight`);
    expect(new Set(paths).size).toBe(paths.length);
  });

  test.each(RULE_FIELDS.map((f) => [f.path, f] as const))('%s: default within its bounds', (_, f) => {
    const v = getRuleValue(DEFAULT_RULES, f.path);
    expect(typeof v).toBe('number');
    expect(v as number).toBeGreaterThanOrEqual(f.min);
    expect(v as number).toBeLessThanOrEqual(f.max);
    if (f.integer) expect(Number.isInteger(v)).toBe(true);
  });

  test.each(RULE_FIELDS.map((f) => [f.path, f] as const))('%s: a value past its max is refused naming the field', (_, f) => {
    const over = f.max + (f.percent ? 0.5 : 1);
    const found = messages(setRuleValue(DEFAULT_RULES, f.path, over));
    expect(found.some((m) => m.includes(f.label))).toBe(true);
  });

  test('setRuleValue leaves the original untouched', () => {
    const r = setRuleValue(DEFAULT_RULES, 'params.passLine', 1);
    expect(getRuleValue(r, 'params.passLine')).toBe(1);
    expect(DEFAULT_RULES.params).not.toHaveProperty('passLine');
    expect(() => setRuleValue(DEFAULT_RULES, 'nope.deeper.x', 1)).toThrow('规则路径不存在');
  });
});

describe('withDefaults — an older stored rule set gains what was added since', () => {
  test('fills a missing parameter and indicator, keeps stored values', () => {
    const { projectLagMax: _p, ...params } = DEFAULT_RULES.params;
    const { vanguard_post: _v, ...indicators } = DEFAULT_RULES.indicators;
    const stored = { ...DEFAULT_RULES, passLine: 65, params, indicators };
    const r = RuleSetSchema.parse(withDefaults(stored));
    expect(r.params.projectLagMax).toBe(DEFAULT_RULES.params.projectLagMax);
    expect(r.indicators.vanguard_post).toEqual(DEFAULT_RULES.indicators.vanguard_post);
    expect(r.passLine).toBe(65);
  });
});

describe('gradeOf', () => {
  const good = DEFAULT_RULES.goodLine;
  const pass = passLine();
  test.each([
    [100, 'good'], [good, 'good'], [good - 0.1, 'fair'], [pass, 'fair'], [pass - 0.1, 'poor'], [0, 'poor'],
  ] as const)('%d → %s', (total, grade) => expect(gradeOf(total)).toBe(grade));
  test('follows the rule set', () => {
    const strict = rulesWith({ passLine: 70 });
    expect(passLine(strict)).toBe(70);
    expect(gradeOf(65, strict)).toBe('poor');
    expect(gradeOf(65)).toBe('fair');
  });
});
