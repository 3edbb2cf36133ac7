import { describe, expect, it } from 'vitest';
import { closedYearLabel, type YearStatus } from './year-status';

const list: YearStatus[] = [
  { year: 2026, status: 'open', closedAt: null, closedBy: null, ruleVersion: 3 },
  { year: 2025, status: 'closed', closedAt: '2026-01-05T02:00:00.000Z', closedBy: 'admin', ruleVersion: 1 },
];

describe('closedYearLabel', () => {
  it('names the frozen rule version of a closed year and nothing for an open or unknown one', () => {
    expect(closedYearLabel(list, 2025)).toBe('已结账（评分规则第1版）');
    expect(closedYearLabel(list, 2026)).toBeNull();
    expect(closedYearLabel(list, 2019)).toBeNull();
    expect(closedYearLabel(undefined, 2025)).toBeNull();
  });
});
