import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, RULE_FIELDS, setRuleValue } from '@wj/domain/quality';
import { checkRules, dimensionSections, fromPercent, isRuleFormField, RULE_DIMENSIONS, toPercent, weightSum, WEIGHT_FIELDS } from './rule-form';

describe('rule form', () => {
  it('places every editable number of RULE_FIELDS exactly once', () => {
    const placed = [
      ...WEIGHT_FIELDS, ...RULE_FIELDS.filter((f) => f.group === 'weights' && !WEIGHT_FIELDS.includes(f)), ...RULE_FIELDS.filter((f) => f.group === 'grading'),
      ...RULE_DIMENSIONS.flatMap((d) => {
        const s = dimensionSections(d);
        return [...s.indicators.flatMap((i) => i.fields), ...s.loose];
      }),
    ].map((f) => f.path);
    expect([...placed].sort()).toEqual(RULE_FIELDS.map((f) => f.path).sort());
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('lists the points before the thresholds of an indicator', () => {
    const meeting = dimensionSections('political').indicators.find((i) => i.indicator.code === 'general_meeting');
    expect(meeting?.fields.map((f) => f.path)).toEqual(['indicators.general_meeting.points', 'params.generalMeetingPerYear']);
  });

  it('refuses weights that do not add up to 100 with the schema’s Chinese message', () => {
    const rules = setRuleValue(DEFAULT_RULES, 'dimensions.leadership.weight', 25);
    expect(weightSum(rules)).toBe(95);
    const result = checkRules(rules);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual({ path: 'dimensions', message: '各维度权重之和应为 100，当前为 95' });
  });

  it('names the field of an out-of-range threshold so the form can show it there', () => {
    const result = checkRules(setRuleValue(DEFAULT_RULES, 'params.termYears', 9));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const issue = result.issues.find((i) => i.path === 'params.termYears');
      expect(issue?.message).toContain('支委会每届任期');
      expect(isRuleFormField(['params', 'termYears'])).toBe(true);
    }
    expect(isRuleFormField(['dimensions'])).toBe(false);
  });

  it('shows stored ratios as whole percentages and back', () => {
    expect(toPercent(0.7)).toBe(70);
    expect(fromPercent(70)).toBe(0.7);
    expect(toPercent(0.875)).toBe(87.5);
  });
});
