import {
  BRANCH_DIMENSIONS, indicatorsOf, RULE_FIELDS, RuleSetSchema,
  type Dimension, type IndicatorDef, type RuleField, type RuleSet,
} from '@wj/domain/quality';
import type { FieldIssue, FieldPath } from '@/lib/form-errors';

export const WEIGHT_FIELDS = RULE_FIELDS.filter((f) => f.group === 'weights' && f.path.startsWith('dimensions.'));
export const OTHER_WEIGHT_FIELDS = RULE_FIELDS.filter((f) => f.group === 'weights' && !f.path.startsWith('dimensions.'));
export const GRADING_FIELDS = RULE_FIELDS.filter((f) => f.group === 'grading');
export const RULE_DIMENSIONS: readonly Dimension[] = [...BRANCH_DIMENSIONS, 'responsibility'];

export interface IndicatorSection {
  indicator: IndicatorDef;
  fields: RuleField[];
}

/** One dimension of the form: each indicator with its points and thresholds, then any field tied to no indicator. */
export function dimensionSections(d: Dimension): { indicators: IndicatorSection[]; loose: RuleField[] } {
  const inGroup = RULE_FIELDS.filter((f) => f.group === d);
  return {
    indicators: indicatorsOf(d).map((indicator) => ({
      indicator,
      // Points first, then that indicator's thresholds in catalogue order.
      fields: inGroup.filter((f) => f.indicator === indicator.code).sort((a, b) => Number(b.path.startsWith('indicators.')) - Number(a.path.startsWith('indicators.'))),
    })),
    loose: inGroup.filter((f) => !f.indicator),
  };
}

/** The weighted dimensions must add up to 100 (RuleSetSchema says the same on save). */
export function weightSum(rules: Pick<RuleSet, 'dimensions'> | undefined): number {
  return BRANCH_DIMENSIONS.reduce((s, d) => s + (Number(rules?.dimensions?.[d]?.weight) || 0), 0);
}

const FORM_PATHS = new Set([
  ...RULE_FIELDS.map((f) => f.path),
  ...RULE_DIMENSIONS.flatMap((d) => indicatorsOf(d).map((i) => `indicators.${i.code}.enabled`)),
]);

/** Whether a rule path (a zod issue's or a server detail's field) is an input on the form. */
export const isRuleFormField = (name: FieldPath) => FORM_PATHS.has(name.join('.'));

/** The number a percent field shows: stored 0.8, shown 80 (rounded so 0.7 does not read 70.00000000000001). */
export const toPercent = (v: unknown) => (typeof v === 'number' ? Math.round(v * 10000) / 100 : v);
export const fromPercent = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 10000 : v);

/** Client-side check with the API's own schema before anything is sent. */
export function checkRules(values: RuleSet): { ok: true; rules: RuleSet } | { ok: false; issues: (FieldIssue & { path: string })[] } {
  const parsed = RuleSetSchema.safeParse(values);
  if (parsed.success) return { ok: true, rules: parsed.data };
  // Dot paths, the same shape as the server's `details[].field`.
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}
