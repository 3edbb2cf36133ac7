import { describe, expect, test } from 'vitest';
import { DEFAULT_RULES } from '../../src/quality/rules.js';
import { unitTodos } from '../../src/quality/todo.js';
import { scoreUnit } from '../../src/quality/unit.js';
import { unit } from './builders.js';

const todos = (f: ReturnType<typeof unit>, asOf: string) => unitTodos(f, DEFAULT_RULES, { asOf });
const gaps = (f: ReturnType<typeof unit>, asOf: string) => scoreUnit(f, [], DEFAULT_RULES, { year: Number(asOf.slice(0, 4)), asOf }).gaps.map((g) => g.code);

describe('a unit\'s own 待办', () => {
  test('a sound unit owes nothing', () => {
    expect(todos(unit(), '2026-06-30')).toEqual([]);
  });

  const noPlan = unit((u) => { u.plan = null; });

  test.each([
    ['2026-01-02', 'due'],
    ['2026-03-31', 'due'],
    ['2026-04-01', 'overdue'],
  ])('年度计划 not submitted, on %s: %s by 31 March', (asOf, status) => {
    expect(todos(noPlan, asOf).map((i) => [i.kind, i.dueDate, i.status, i.gapCode])).toEqual([['unit_plan', '2026-03-31', status, 'unit_plan']]);
    expect(gaps(noPlan, asOf)).toContain('unit_plan');
  });

  test('the plan submitted: item and gap gone; a late plan is not an item', () => {
    expect(todos(unit((u) => { u.plan = { submittedDate: '2026-03-20' }; }), '2026-03-25')).toEqual([]);
    expect(todos(unit((u) => { u.plan = { submittedDate: '2026-05-20' }; }), '2026-06-01')).toEqual([]);
  });

  test('no 专职党务干部: an item to settle the gap', () => {
    const f = unit((u) => { u.partyWorkers = [{ fullTime: false, startDate: '2020-01-01', endDate: null }]; });
    expect(todos(f, '2026-06-30').map((i) => [i.kind, i.gapCode, i.target.form])).toEqual([['unit_worker', 'unit_full_time_worker', 'party_workers']]);
  });

  test('责任清单 behind the year\'s progress: an item; on schedule: none', () => {
    const behind = unit((u) => { u.responsibilityItems = { total: 19, done: 5 }; });
    expect(todos(behind, '2026-10-15').map((i) => i.kind)).toEqual(['unit_responsibility']);
    expect(gaps(behind, '2026-10-15')).toContain('unit_responsibility');
    expect(todos(unit((u) => { u.responsibilityItems = { total: 19, done: 15 }; }), '2026-10-15')).toEqual([]);
  });
});
