import { describe, expect, test } from 'vitest';
import { BRANCH_DIMENSIONS, INDICATORS, indicatorsOf } from '../../src/quality/catalogue.js';
import { DEFAULT_RULES } from '../../src/quality/rules.js';

describe('indicator catalogue', () => {
  test('codes are unique', () => {
    expect(new Set(INDICATORS.map((d) => d.code)).size).toBe(INDICATORS.length);
  });

  test.each(INDICATORS.map((d) => [d.code, d] as const))('%s is fully described', (_, d) => {
    expect(d.name).not.toBe('');
    expect(d.source).toMatch(/《|调研|讲话/);
    expect(d.recommendation).toMatch(/。$/);
    // Dashboard phrases follow a count: “5个支部…”, “3家单位…”.
    expect(d.gapPhrase).toMatch(d.scope === 'branch' ? /^个支部/ : /^家单位/);
    expect(d.dimension === 'responsibility').toBe(d.scope === 'unit');
    expect(DEFAULT_RULES.indicators[d.code]).toBeDefined();
  });

  test.each([...BRANCH_DIMENSIONS, 'responsibility' as const])('default points of %s sum to 100', (dim) => {
    expect(indicatorsOf(dim).reduce((s, d) => s + DEFAULT_RULES.indicators[d.code].points, 0)).toBe(100);
  });
});
