import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '@wj/domain/schemas';
import { closeDemoYears } from '../../src/modules/quality/close-demo-years.js';
import { build, type TestContext } from '../helpers/build.js';

/** The demo's past years stand closed from the first load (年度结账), and starting again closes nothing twice. */
let ctx: TestContext;
beforeAll(async () => { ctx = await build(); });
afterAll(() => ctx.close());

describe('closeDemoYears', () => {
  it('closes every past year with records under the rules in force, once; the running year stays open', async () => {
    const thisYear = Number(todayIso().slice(0, 4));
    const admin = await ctx.as('admin');
    const before = (await admin('/api/years')).json() as { year: number; status: string }[];
    const past = before.filter((y) => y.year < thisYear).map((y) => y.year).sort();
    expect(past).toContain(thisYear - 1);
    expect(before.every((y) => y.status === 'open')).toBe(true);

    expect(await closeDemoYears(ctx.db)).toEqual(past);
    expect(await closeDemoYears(ctx.db)).toEqual([]);
    const after = (await admin('/api/years')).json() as { year: number; status: string; closedBy: string | null; ruleVersion: number }[];
    for (const y of after) {
      if (y.year < thisYear) expect(y, String(y.year)).toMatchObject({ status: 'closed', closedBy: 'system', ruleVersion: 1 });
      else expect(y.status).toBe('open');
    }
    const dash = (await admin(`/api/quality/dashboard?year=${thisYear - 1}`)).json() as { ruleVersion: number; counts: { members: number } };
    expect(dash.ruleVersion).toBe(1);
    expect(dash.counts.members).toBeGreaterThan(0);
  });
});
