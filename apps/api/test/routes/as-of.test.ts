import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TodoList } from '@wj/domain/quality';
import { qualityPeriod, todayIso } from '@wj/domain/schemas';
import { AsOfBudget } from '../../src/modules/quality/as-of-budget.js';
import { coldRuns } from '../../src/modules/quality/cold-compute.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/** Whole-commission score computations (in the score worker or not; a refresh after a write computes its units only). */
const fullComputations = () => coldRuns.whole;

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const TODAY = todayIso();
const THIS_YEAR = Number(TODAY.slice(0, 4));

describe('qualityPeriod: the one clamp of a caller\'s date', () => {
  const today = '2026-06-15';
  const years = [2026, 2025];
  it.each([
    ['a date after today → today', { year: 2026, asOf: '2026-09-01' }, { year: 2026, asOf: '2026-06-15' }],
    ['a date years ahead, no year → this year, today', { asOf: '2099-03-01' }, { year: 2026, asOf: '2026-06-15' }],
    ['a past year, a date after its end → its end', { year: 2025, asOf: '2026-03-01' }, { year: 2025, asOf: '2025-12-31' }],
    ['this year, a date after its end → today (earlier than the end)', { year: 2026, asOf: '2026-12-31' }, { year: 2026, asOf: '2026-06-15' }],
    ['a date inside the year and before today is kept', { year: 2025, asOf: '2025-04-30' }, { year: 2025, asOf: '2025-04-30' }],
    ['no asOf, a past year → judged whole', { year: 2025 }, { year: 2025, asOf: '2025-12-31' }],
    ['nothing → this year up to today', {}, { year: 2026, asOf: '2026-06-15' }],
    ['a date before the year (schema skipped) → the year\'s first day', { year: 2026, asOf: '2025-03-01' }, { year: 2026, asOf: '2026-01-01' }],
    ['a year after this one → as of today', { year: 2030 }, { year: 2030, asOf: '2026-06-15' }],
  ])('%s', (_label, q, want) => {
    expect(qualityPeriod(q, years, today)).toEqual(want);
  });
});

describe('AsOfBudget', () => {
  it('admits 4 dates a minute (sliding), answers others from the nearest admitted or free date, 429 when the year has none', () => {
    let t = 0;
    const b = new AsOfBudget(4, 60_000, () => t);
    expect(b.pick(2026, '2026-11-30', '2026-11-30')).toBe('2026-11-30'); // free: not counted
    for (const d of ['2026-01-10', '2026-03-01', '2026-05-01', '2026-07-01']) expect(b.pick(2026, d, '2026-11-30')).toBe(d);
    expect(b.pick(2026, '2026-01-10', '2026-11-30')).toBe('2026-01-10'); // admitted already
    expect(b.pick(2026, '2026-02-01', '2026-11-30')).toBe('2026-01-10'); // 22 days from 01-10, 28 from 03-01
    expect(b.pick(2026, '2026-08-01', '2026-11-30')).toBe('2026-07-01');
    expect(b.pick(2026, '2026-11-20', '2026-11-30')).toBe('2026-11-30'); // the free date is nearest
    expect(() => b.pick(2019, '2019-05-01', null)).toThrow(expect.objectContaining({ statusCode: 429 }));
    t = 30_000;
    expect(b.pick(2026, '2026-02-01', '2026-11-30')).toBe('2026-01-10'); // still inside the minute
    t = 60_000;
    expect(b.pick(2026, '2026-02-01', '2026-11-30')).toBe('2026-02-01'); // the first four have left the window
  });
});

describe('caller-chosen asOf on the routes', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeAll(async () => {
    ctx = await build();
    admin = await ctx.as('admin');
  });
  afterAll(() => ctx.close());

  it('a date after today is scored as today and shares today\'s cache entry', async () => {
    const first = await admin(`/api/quality/branches?year=${THIS_YEAR}&asOf=${addDays(TODAY, 1)}`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().asOf).toBe(TODAY);
    const before = fullComputations();
    for (const q of [`year=${THIS_YEAR}&asOf=${THIS_YEAR}-12-31`, 'asOf=2100-12-31', `year=${THIS_YEAR}`, '']) {
      const res = await admin(`/api/quality/branches?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ year: THIS_YEAR, asOf: TODAY });
    }
    expect(fullComputations()).toBe(before);
  });

  it('a past year\'s date after its end is the year\'s end; a date before the year is refused', async () => {
    const past = THIS_YEAR - 1;
    const res = await admin(`/api/quality/units?year=${past}&asOf=${THIS_YEAR}-01-15`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: past, asOf: `${past}-12-31` });
    const refused = await admin(`/api/quality/dashboard?year=${THIS_YEAR}&asOf=${past}-06-01`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('asOf');
  });

  it('a burst of 30 requests with 30 different dates costs at most 4 whole-commission computations', async () => {
    const year = THIS_YEAR - 1; // a whole past year: every date below is inside it and before today
    const dates = Array.from({ length: 30 }, (_, i) => addDays(`${year}-01-01`, 7 * i + 3));
    const before = fullComputations();
    // The periods the routes ask the service for: each distinct one is one computation at most (from the records, or from a closed year's frozen facts).
    const asked = vi.spyOn(ctx.app.quality, 'scores');
    const answers = await Promise.all(dates.map((d) => admin(`/api/quality/gaps?year=${year}&asOf=${d}`)));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const periods = new Set(asked.mock.calls.map(([y, d]) => `${y}|${d}`));
    asked.mockRestore();
    expect(periods.size).toBeGreaterThanOrEqual(1);
    expect([...periods].filter((p) => p !== `${year}|${year}-12-31`).length).toBeLessThanOrEqual(4);
    const computed = fullComputations() - before;
    // The admitted dates were computed (the count sees them), and no more than the budget.
    expect(computed).toBeGreaterThanOrEqual(1);
    expect(computed).toBeLessThanOrEqual(4);
    // Every answer names the date it is for: the asked one or one of the few computed, all in the asked year.
    const answered = new Set(answers.map((a) => (a.json() as { asOf: string }).asOf));
    expect(answered.size).toBeLessThanOrEqual(periods.size);
    for (const d of answered) expect(d.startsWith(String(year))).toBe(true);
    expect(answers.filter((a, i) => a.json().asOf === dates[i]).length).toBeLessThanOrEqual(4);
    // The budget spent, a year without any admitted date is refused rather than computed.
    const after = fullComputations();
    const refused = await admin('/api/quality/dashboard?year=2019&asOf=2019-05-01');
    expect(refused.statusCode).toBe(429);
    expect(fullComputations()).toBe(after);
    // The default period still goes through.
    const dash = await admin('/api/quality/dashboard');
    expect(dash.statusCode, dash.body).toBe(200);
    expect(dash.json().asOf).toBe(TODAY);
  });

  it('待办: a date after today is today; a burst of dates is answered for at most 4 dates besides today', async () => {
    const ahead = await admin(`/api/todos?asOf=${addDays(TODAY, 20)}`);
    expect(ahead.statusCode, ahead.body).toBe(200);
    expect((ahead.json() as TodoList).asOf).toBe(TODAY);
    // Dates of this year (any after today count as today): this year's free date is today, so none is refused.
    const dates = Array.from({ length: 30 }, (_, i) => addDays(`${THIS_YEAR}-01-01`, 3 * i));
    const answers = await Promise.all(dates.map((d) => admin(`/api/todos?asOf=${d}`)));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const answered = new Set(answers.map((a) => (a.json() as TodoList).asOf));
    expect(answered.size).toBeLessThanOrEqual(5);
    expect(answered.size).toBeGreaterThanOrEqual(1);
  });
});
