import { describe, expect, test } from 'vitest';
import { addYears, yearsBetween } from '../../src/quality/dates.js';
import { dueCount, endedMonths, isValidFrequency, periodsOf, periodsPhrase } from '../../src/quality/periods.js';

describe('dueCount — a period is due once its last day is reached', () => {
  test.each([
    // perYear, year, asOf, founded, due — the comment says which periods have ended.
    [4, 2026, '2026-03-30', null, 0], // Q1 not over
    [4, 2026, '2026-03-31', null, 1], // Q1
    [4, 2026, '2026-04-01', null, 1], // Q1
    [4, 2026, '2026-06-30', null, 2], // Q1–Q2
    [4, 2026, '2026-07-01', null, 2], // Q1–Q2
    [4, 2026, '2026-09-29', null, 2], // Q3 not over
    [4, 2026, '2026-09-30', null, 3], // Q1–Q3
    [4, 2026, '2026-12-31', null, 4], // whole year
    [4, 2025, '2026-03-01', null, 4], // past year: judged whole
    [4, 2027, '2026-12-31', null, 0], // future year: nothing yet
    [12, 2026, '2026-01-31', null, 1], // Jan
    [12, 2026, '2026-02-27', null, 1], // Feb not over
    [12, 2026, '2026-02-28', null, 2], // common year: Feb ends on the 28th
    [12, 2028, '2028-02-28', null, 1], // leap year: Feb not over yet
    [12, 2028, '2028-02-29', null, 2], // leap year: Feb ends on the 29th
    [12, 2026, '2026-12-31', null, 12],
    [1, 2026, '2026-12-30', null, 0], // a yearly item is due only when the year is over
    [1, 2026, '2026-12-31', null, 1],
    [24, 2026, '2026-06-30', null, 12], // twice a month: 6 months × 2
    [4, 2026, '2026-12-31', '2026-05-15', 2], // founded mid-Q2: Q3, Q4
    [12, 2026, '2026-12-31', '2026-05-15', 7], // founded mid-May: Jun–Dec
    [4, 2026, '2026-12-31', '2026-04-01', 3], // founded on the first day of Q2: Q2–Q4
    [4, 2026, '2026-12-31', '2025-08-01', 4], // founded in an earlier year
    [1, 2026, '2026-12-31', '2026-03-01', 0], // founded after 1 January: the year is not judged
  ] as const)('every %i per year, %i at %s (founded %s) → %i due', (perYear, year, asOf, founded, due) => {
    expect(dueCount(perYear, year, asOf, founded)).toBe(due);
  });

  test('endedMonths is the monthly due count', () => {
    expect(endedMonths(2026, '2026-06-30')).toBe(dueCount(12, 2026, '2026-06-30'));
    expect(endedMonths(2026, '2026-12-31', '2026-07-01')).toBe(6);
  });
});

describe('periodsOf', () => {
  test('months end on their real last day', () => {
    expect(periodsOf(12, 2028)[1]!.end).toBe('2028-02-29');
    expect(periodsOf(12, 2026)[1]!.end).toBe('2026-02-28');
    expect(periodsOf(4, 2026).map((p) => [p.start, p.end])).toEqual([
      ['2026-01-01', '2026-03-31'], ['2026-04-01', '2026-06-30'], ['2026-07-01', '2026-09-30'], ['2026-10-01', '2026-12-31'],
    ]);
  });

  test('labels and phrases name the periods in Chinese', () => {
    expect(periodsOf(4, 2026).map((p) => p.label)).toEqual(['第一季度', '第二季度', '第三季度', '第四季度']);
    expect(periodsOf(2, 2026).map((p) => p.label)).toEqual(['上半年', '下半年']);
    expect(periodsOf(3, 2026).map((p) => p.label)).toEqual(['1—4月', '5—8月', '9—12月']);
    const q = periodsOf(4, 2026);
    expect(periodsPhrase([q[0]!, q[2]!])).toBe('第一、三季度');
    const m = periodsOf(12, 2026);
    expect(periodsPhrase([m[2]!, m[4]!])).toBe('3、5月');
  });

  test.each([[1, true], [2, true], [3, true], [4, true], [6, true], [12, true], [24, true], [5, false], [7, false], [0, false], [-4, false], [2.5, false]])(
    'isValidFrequency(%s) = %s', (n, ok) => expect(isValidFrequency(n)).toBe(ok),
  );
  test('an invalid frequency is refused', () => expect(() => periodsOf(5, 2026)).toThrow(RangeError));
});

describe('dates', () => {
  test.each([
    ['1976-12-31', '2026-12-31', 50],
    ['1976-12-31', '2026-12-30', 49 + 364 / 365], // one day short of the 50th birthday (2026 has 365 days)
    ['2025-12-31', '2026-12-31', 1],
    ['2024-02-29', '2025-02-28', 1], // a leap-day birthday is reached on 28 Feb in common years
  ] as const)('yearsBetween(%s, %s) = %d', (a, b, y) => expect(yearsBetween(a, b)).toBeCloseTo(y, 9));
  test('addYears clamps 29 Feb', () => expect(addYears('2028-02-29', 1)).toBe('2029-02-28'));
});
