import { describe, expect, test } from 'vitest';
import { DEFAULT_RULES, RuleSetSchema, withDefaults, type RuleSet } from '../../src/quality/rules.js';
import { scoreBranch } from '../../src/quality/score.js';
import { branch } from './builders.js';

/** Which indicators judge a 离退休党支部 is a rule-set setting (issue 13), not code. */
const AT_END = { year: 2025, asOf: '2025-12-31' };
const statusOf = (rules: RuleSet, code: string, category: 'retired' | 'in_service') => {
  const f = branch();
  f.category = category;
  f.brands = [];
  f.projects = [];
  f.vanguardPosts = [];
  return scoreBranch(f, rules, AT_END).indicators.find((i) => i.code === code)!.status;
};

describe('indicators for 离退休党支部', () => {
  test.each(['brand', 'secretary_project', 'vanguard_post'])('%s does not apply to a retirees\' branch by default, and does to an in-service one', (code) => {
    expect(statusOf(DEFAULT_RULES, code, 'retired')).toBe('na');
    expect(statusOf(DEFAULT_RULES, code, 'in_service')).not.toBe('na');
  });

  test('switching the setting on judges a retirees\' branch on 品牌 too', () => {
    const rules = structuredClone(DEFAULT_RULES);
    rules.indicators.brand.appliesToRetired = true;
    expect(statusOf(rules, 'brand', 'retired')).toBe('unmet');
  });

  test('a stored rule set from before the setting gets its defaults; a wrong type is refused in Chinese', () => {
    const old = structuredClone(DEFAULT_RULES) as unknown as { indicators: Record<string, Record<string, unknown>> };
    delete old.indicators.brand!.appliesToRetired;
    const parsed = RuleSetSchema.parse(withDefaults(old));
    expect(parsed.indicators.brand.appliesToRetired).toBe(false);
    expect(parsed.indicators.general_meeting.appliesToRetired).toBe(true);
    old.indicators.brand!.appliesToRetired = 'yes';
    const bad = RuleSetSchema.safeParse(old);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('创建支部品牌是否考核离退休党支部必须是布尔值');
  });
});
