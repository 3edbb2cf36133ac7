import { describe, expect, test } from 'vitest';
import { averageOf, meanOfTenths, tenthsOf } from '../../src/quality/index.js';

describe('averages of one-decimal scores', () => {
  test('round half up exactly, where a float sum lands just below the half', () => {
    // (60.3 + 73.6) / 2 = 66.95 → 67.0; the float sum 133.89999999999998 / 2 rounds to 66.9.
    expect(Math.round(((60.3 + 73.6) / 2) * 10) / 10).toBe(66.9);
    expect(averageOf([60.3, 73.6])).toBe(67);
    // (80.1 + 80.2 + 80.2) / 3 = 80.1666… → 80.2; (70.0 + 70.1) / 2 = 70.05 → 70.1.
    expect(averageOf([80.1, 80.2, 80.2])).toBe(80.2);
    expect(averageOf([70, 70.1])).toBe(70.1);
    expect(averageOf([])).toBeNull();
  });

  test('a sum kept in tenths and the same scores averaged give the same figure', () => {
    const scores = [60.3, 73.6, 88.8, 91.5, 59.9];
    const sum = scores.reduce((s, x) => s + tenthsOf(x), 0);
    expect(sum).toBe(603 + 736 + 888 + 915 + 599);
    expect(meanOfTenths(sum, scores.length)).toBe(averageOf(scores));
    // Taking one score away from the kept sum is exact: the rest's average, as if summed afresh.
    expect(meanOfTenths(sum - tenthsOf(73.6), 4)).toBe(averageOf([60.3, 88.8, 91.5, 59.9]));
    expect(meanOfTenths(0, 0)).toBeNull();
  });
});
