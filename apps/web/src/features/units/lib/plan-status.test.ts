import { describe, expect, it } from 'vitest';
import type { UnitPlan } from '@wj/domain/schemas';
import { DEFAULT_RULES } from '@wj/domain/quality';
import { planRows, planStatus } from './plan-status';

const P = DEFAULT_RULES.params;
const JUNE = { ...P, planDueMonth: 6 };

const plan = (year: number, submittedDate: string): UnitPlan => ({
  id: year, unitId: 2, year, title: `${year}年党建工作计划`, content: null, fileName: null,
  submittedDate, version: 1, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'demo',
});

describe('planStatus', () => {
  it('counts a plan submitted by 31 March of its year as on time, even one sent the December before', () => {
    expect(planStatus(2026, plan(2026, '2026-03-31'), '2026-12-01', P)).toBe('on_time');
    expect(planStatus(2026, plan(2026, '2025-12-20'), '2026-12-01', P)).toBe('on_time');
  });
  it('marks a plan submitted after 31 March as late', () => {
    expect(planStatus(2026, plan(2026, '2026-04-01'), '2026-12-01', P)).toBe('late');
  });
  it('follows the rule set\'s deadline month, as the score does: 30 June when set to 6', () => {
    expect(planStatus(2026, plan(2026, '2026-06-30'), '2026-12-01', JUNE)).toBe('on_time');
    expect(planStatus(2026, plan(2026, '2026-07-01'), '2026-12-01', JUNE)).toBe('late');
    expect(planStatus(2026, undefined, '2026-05-01', JUNE)).toBe('not_due');
  });
  it('marks a year past its deadline without a plan as missing, before the deadline or in the future as not yet due', () => {
    expect(planStatus(2026, undefined, '2026-12-01', P)).toBe('missing');
    expect(planStatus(2026, undefined, '2026-03-15', P)).toBe('not_due');
    expect(planStatus(2027, undefined, '2026-12-01', P)).toBe('not_due');
  });
});

describe('planRows', () => {
  it('always lists the current year, newest first, so a missing plan shows', () => {
    const rows = planRows([plan(2025, '2025-02-01')], 2026);
    expect(rows.map((r) => [r.year, r.plan?.year])).toEqual([[2026, undefined], [2025, 2025]]);
  });
});
