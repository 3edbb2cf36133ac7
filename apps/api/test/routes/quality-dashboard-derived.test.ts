import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso, type Dashboard, type OrgTreeNode } from '@wj/domain/schemas';
import { deriveTotals, partsInOrder, rankingOf, totalsOf, totalsOfParts } from '../../src/modules/quality/commission-totals.js';
import type { GapTally, UnitPart } from '../../src/modules/quality/unit-parts.js';
import type { YearParts } from '../../src/modules/quality/year-parts.js';
import { dashboardJson } from '../../src/modules/quality/dashboard-json.js';
import { defaultAsOf, QualityService } from '../../src/modules/quality/service.js';
import { dashboard } from '../../src/modules/quality/views.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * After a write the server's dashboard state is derived from the previous
 * one (modules/quality/commission-totals.ts, layered-map.ts): the written
 * unit's old subtotals taken away, its new ones added. Here each dashboard
 * after a write is checked against one a new service computes from nothing.
 */
let ctx: TestContext;
let admin: Client;
const year = Number(todayIso().slice(0, 4));
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
});
afterAll(() => ctx.close());

/** The committee's dashboard from a service that has computed nothing yet. */
async function fromScratch(years: number[]): Promise<unknown> {
  const fresh = new QualityService(ctx.db);
  const scope = { all: true, unitId: null, branchId: null };
  const ys = await fresh.parts(year, defaultAsOf(year));
  const prev = years.includes(year - 1) ? await fresh.parts(year - 1, `${year - 1}-12-31`) : null;
  return JSON.parse(dashboardJson(dashboard(ys, scope, years, prev)).json);
}

describe('the dashboard after writes', () => {
  it('equals one computed from scratch after writes to two units, one by one, and after a branch is added to a unit', async () => {
    const read = async () => {
      const res = await admin('/api/quality/dashboard');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Dashboard;
    };
    const first = await read();
    expect(first).toEqual(await fromScratch(first.years));
    const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
    const units = root.children.filter((u) => u.children.some((c) => c.kind === 'branch')).sort((a, b) => a.id - b.id);
    // The first unit by id holds the first place of many 问题清单 lines; the second is one of the others.
    const [a, b] = [units[0]!, units[Math.floor(units.length / 2)]!];
    let last = first;
    for (const unit of [a, b]) {
      const branch = unit.children.find((c) => c.kind === 'branch')!;
      const res = await admin({ method: 'POST', url: `/api/orgs/${branch.id}/meetings`, payload: { type: 'general_meeting', date: defaultAsOf(year), topic: '支部党员大会', expected: 9, present: 9 } });
      expect(res.statusCode, res.body).toBe(201);
      const got = await read();
      expect(got).toEqual(await fromScratch(got.years));
      // The sums kept with the state, first places of the 问题清单 lines included, are the sums over its units.
      const yp = await ctx.app.quality.parts(year, defaultAsOf(year));
      expect(totalsOf(yp)).toEqual(totalsOfParts(partsInOrder(yp)));
      last = got;
    }
    // A new branch (an org added to unit b): no meetings, no members, gaps of its own.
    const created = await admin({ method: 'POST', url: `/api/orgs/${b.id}/branches`, payload: { kind: 'branch', name: '新设测试党支部', branchCategory: 'in_service', department: '康复医学科', foundedDate: '2025-03-01' } });
    expect(created.statusCode, created.body).toBe(201);
    const got = await read();
    expect(got.counts.branches).toBe(last.counts.branches + 1);
    expect(got).toEqual(await fromScratch(got.years));
  });
});

/** A unit's subtotals with the given 问题清单 tallies of one line (its branches') and unit total. */
function part(unitId: number, total: number, firsts: [firstOrg: number, firstGap: number, count: number][]): UnitPart {
  const branchGaps = firsts.map(([firstOrg, firstGap, count]): GapTally => ({
    key: 'branch_secretary|regulation|', code: 'branch_secretary' as GapTally['code'], tier: 'regulation', variant: null, count, red: count, amber: 0, firstOrg, firstGap,
  }));
  const rank = { orgId: unitId, name: `单位${unitId}`, institutionName: null, total, grade: 'fair' as const };
  return {
    branchCount: 3, inService: 10, retired: 2, totalSum: 3 * total + 0.1, belowPass: 1, grades: { good: 1, fair: 1, poor: 1 }, buckets: [1, 0, 1, 0, 1],
    dimSum: { leadership: 240.3, political: 0, team: 0, role: 0 } as UnitPart['dimSum'], dimCount: { leadership: 3, political: 0, team: 0, role: 0 } as UnitPart['dimCount'],
    problems: firsts.length, branchGaps, unitGaps: [], row: {} as UnitPart['row'], rank, dims: null,
  };
}
const state = (parts: [number, UnitPart][]): YearParts => ({ parts: new Map(parts) } as unknown as YearParts);

describe('the committee totals derived after a change to some units', () => {
  it('equal the totals summed over the units, a line\'s first place found again among the others when its unit lost it', () => {
    const [p1, p2, p3] = [part(1, 80, [[11, 0, 2]]), part(2, 90, [[20, 1, 1]]), part(3, 80, [[30, 0, 3]])];
    const s0 = state([[1, p1], [2, p2], [3, p3]]);
    totalsOf(s0);
    rankingOf(s0);
    // Unit 1's first place moves later (still the first), then goes with the line; unit 2 goes; unit 4 comes, ranked in a tie.
    const steps: [number, UnitPart | null][][] = [[[1, part(1, 85, [[15, 0, 1]])]], [[1, part(1, 70, [])], [2, null]], [[4, part(4, 80, [[12, 2, 1]])]]];
    let prev = s0;
    for (const step of steps) {
      const parts = new Map(prev.parts);
      for (const [id, p] of step) if (p) parts.set(id, p); else parts.delete(id);
      const next = state([...parts]);
      deriveTotals(prev, next, step.map(([id]) => id));
      const summed = state([...next.parts]);
      expect(totalsOf(next)).toEqual(totalsOfParts(partsInOrder(summed)));
      expect(rankingOf(next)).toEqual(rankingOf(summed));
      prev = next;
    }
    expect([...totalsOf(prev).branchGaps.values()]).toMatchObject([{ count: 4, firstOrg: 12, firstGap: 2 }]);
    expect(rankingOf(prev).map((r) => r.orgId)).toEqual([3, 4, 1]);
  });
});
