import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateGaps, BRANCH_DIMENSIONS, gradeOf, INDICATOR_BY_CODE, isProblem, type BranchScore, type UnitScore } from '@wj/domain/quality';
import type { Dashboard, OrgTreeNode } from '@wj/domain/schemas';
import type { YearScores } from '../../src/modules/quality/service.js';
import { ensureDemoUsers } from '../../src/auth/demo-users.js';
import { generateCommission, loadDemoData } from '../../src/demo/index.js';
import { build, type Client, type DemoLogin, type TestContext } from '../helpers/build.js';

/**
 * The dashboard is summed from per-unit subtotals (modules/quality/unit-parts.ts).
 * Here it is checked against a plain recomputation from the branch and unit
 * scores, written out in full below — every figure, for each role, before and
 * after writes that make the server recompute some units and keep the rest.
 */
let ctx: TestContext;
let admin: Client;
const year = 2026;
const asOf = '2026-11-20';
const period = `year=${year}&asOf=${asOf}`;
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
});
afterAll(() => ctx.close());

const r1 = (n: number) => Math.round(n * 10) / 10;
const avg = (xs: number[]) => (xs.length ? r1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/** What each role may see, straight from the org records: all, one unit, one branch. */
function seen(ys: YearScores, scope: { unitId?: number; branchId?: number }) {
  const unitOf = (id: number) => ys.orgs.get(id)?.unitId;
  const byId = <T extends { orgId: number }>(xs: T[]) => [...xs].sort((a, b) => a.orgId - b.orgId);
  const branches = byId(ys.branches.filter((b) => ys.orgs.has(b.orgId)
    && (scope.branchId !== undefined ? b.orgId === scope.branchId : scope.unitId === undefined || unitOf(b.orgId) === scope.unitId)));
  const units = scope.branchId !== undefined ? [] : byId(ys.units.filter((u) => ys.orgs.has(u.orgId) && (scope.unitId === undefined || unitOf(u.orgId) === scope.unitId)));
  return { branches, units };
}

/** The 四强 averages of some branches, recomputed plainly from their scores. */
const dims = (list: BranchScore[]) => Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, avg(list.filter((b) => b.dimensions[d].applicable).map((b) => b.dimensions[d].score))]));

function expected(ys: YearScores, prev: YearScores | null, years: number[], scope: { unitId?: number; branchId?: number }): Dashboard {
  const { branches, units } = seen(ys, scope);
  const rules = ys.rules.rules;
  const totals = branches.map((b) => b.total);
  const members = (b: BranchScore) => ys.memberCounts.get(b.orgId) ?? { inService: 0, retired: 0 };
  const inService = branches.reduce((n, b) => n + members(b).inService, 0);
  const retired = branches.reduce((n, b) => n + members(b).retired, 0);
  const lines = (scores: (BranchScore | UnitScore)[], level: 'branch' | 'unit') => aggregateGaps(scores, undefined, rules.params).map((g) => {
    const def = INDICATOR_BY_CODE[g.code];
    return {
      code: g.code, level, dimension: def.dimension, name: def.name, source: def.source, recommendation: def.recommendation,
      tier: g.tier, variant: g.variant, basis: def.basis, localRule: def.localRule, count: g.count, red: g.red, amber: g.amber, text: g.text,
      severity: g.red > 0 ? 'red' as const : 'amber' as const,
    };
  });
  const order = { regulation: 0, commission: 1, reminder: 2 } as const;
  const topGaps = [...lines(units, 'unit'), ...lines(branches, 'branch')]
    .sort((a, b) => order[a.tier] - order[b.tier] || (a.severity === b.severity ? b.count - a.count : a.severity === 'red' ? -1 : 1));
  const p = prev ? seen(prev, scope).branches : null;
  const buckets = [[0, 60], [60, 70], [70, 80], [80, 90], [90, 100.01]] as const;
  const ranked = [...units].sort((a, b) => b.total - a.total).map((u) => {
    const o = ys.orgs.get(u.orgId)!;
    return { orgId: u.orgId, name: o.name, institutionName: o.institutionName, total: u.total, grade: gradeOf(u.total, rules) };
  });
  return {
    year: ys.year, asOf: ys.asOf, ruleVersion: ys.rules.version, years,
    counts: { units: units.length, branches: branches.length, members: inService + retired, inService, retired },
    averageScore: avg(totals), passLine: rules.passLine, goodLine: rules.goodLine,
    belowPassLine: totals.filter((t) => t < rules.passLine).length,
    grades: { good: totals.filter((t) => t >= rules.goodLine).length, fair: totals.filter((t) => t >= rules.passLine && t < rules.goodLine).length, poor: totals.filter((t) => t < rules.passLine).length },
    distribution: buckets.map(([from, to]) => ({ label: from === 0 ? `${to}分以下` : `${from}–${Math.min(to, 100)}分`, from, to: Math.min(to, 100), count: totals.filter((t) => t >= from && t < to).length })),
    // Past 30 units, the best 15 and the worst 15, and how many lie between.
    unitRanking: ranked.length > 30 ? [...ranked.slice(0, 15), ...ranked.slice(-15)] : ranked,
    unitRankingOmitted: Math.max(0, ranked.length - 30),
    dimensionAverages: dims(branches) as Dashboard['dimensionAverages'],
    topGaps,
    tierCounts: { regulation: topGaps.filter((g) => g.tier === 'regulation').length, commission: topGaps.filter((g) => g.tier === 'commission').length, reminder: topGaps.filter((g) => g.tier === 'reminder').length },
    previous: prev && p ? {
      year: prev.year, averageScore: avg(p.map((b) => b.total)), belowPassLine: p.filter((b) => b.total < prev.rules.rules.passLine).length,
      gapCount: p.reduce((n, b) => n + b.gaps.filter(isProblem).length, 0),
    } : null,
  };
}

async function compareAll(logins: [DemoLogin, { unitId?: number; branchId?: number }][], c: TestContext = ctx) {
  const ctx = c;
  for (const [login, scope] of logins) {
    const res = await (await ctx.as(login))(`/api/quality/dashboard?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const got = res.json() as Dashboard;
    const ys = await ctx.app.quality.scores(year, asOf);
    const prev = await ctx.app.quality.scores(year - 1, `${year - 1}-12-31`);
    expect(got, login).toEqual(expected(ys, prev, got.years, scope));
    // Each unit's 四强 averages (the radar's) come with the unit's detail: as a plain recomputation over its branches.
    const { branches, units } = seen(ys, scope);
    for (const u of units) {
      const detail = await (await ctx.as(login))(`/api/quality/units/${u.orgId}?${period}`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json().dimensions, `${login}: unit ${u.orgId}`).toEqual(dims(branches.filter((b) => ys.orgs.get(b.orgId)!.unitId === u.orgId)));
    }
  }
  return logins.length;
}

describe('the dashboard summed from per-unit subtotals', () => {
  it('equals a plain recomputation from the scores for the committee, a unit secretary and a branch secretary, before and after writes', async () => {
    const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
    const renmin = root.children.find((u) => u.institutionName === '市人民医院')!;
    const all = (n: OrgTreeNode): OrgTreeNode[] => [n, ...n.children.flatMap(all)];
    const jijiu = all(renmin).find((c) => c.kind === 'branch' && /急救/.test(c.name));
    expect(jijiu, 'the demo branch of login jijiu').toBeDefined();
    const logins: [DemoLogin, { unitId?: number; branchId?: number }][] = [['admin', {}], ['renmin', { unitId: renmin.id }], ['jijiu', { branchId: jijiu!.id }]];
    const before = await ctx.app.quality.scores(year, asOf);
    expect(before.branches.length).toBeGreaterThan(100);
    expect(await compareAll(logins)).toBe(3);
    // Writes in two units (one of them the unit secretary's, in the branch secretary's branch): those units are recomputed, the rest kept.
    const other = root.children.find((u) => u.id !== renmin.id && u.kind !== 'branch')!;
    for (const branchId of [jijiu!.id, all(other).find((c) => c.kind === 'branch')!.id]) {
      const res = await admin({ method: 'POST', url: `/api/orgs/${branchId}/meetings`, payload: { type: 'general_meeting', date: '2026-08-10', topic: '支部党员大会', expected: 9, present: 9 } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const after = await ctx.app.quality.scores(year, asOf);
    expect(after.serial).not.toBe(before.serial);
    // Kept units are the very same score objects; the written ones are new.
    const keptUnit = root.children.find((u) => u.id !== renmin.id && u.id !== other.id)!;
    expect(after.units.find((u) => u.orgId === keptUnit.id)).toBe(before.units.find((u) => u.orgId === keptUnit.id));
    expect(after.units.find((u) => u.orgId === renmin.id)).not.toBe(before.units.find((u) => u.orgId === renmin.id));
    expect(await compareAll(logins)).toBe(3);
  });

  it('past 30 units carries the ranking\'s best 15 and worst 15 and the count between (a commission of 36 units)', async () => {
    const big = await build({ demo: false });
    try {
      await loadDemoData(big.db, generateCommission({ scale: 3 }));
      await ensureDemoUsers(big.db);
      const res = await (await big.as('admin'))(`/api/quality/dashboard?${period}`);
      const d = res.json() as Dashboard;
      expect(d.counts.units).toBe(36);
      expect(d.unitRanking).toHaveLength(30);
      expect(d.unitRankingOmitted).toBe(6);
      // Every figure as the plain recomputation (the cut included), for the committee.
      expect(await compareAll([['admin', {}]], big)).toBe(1);
    } finally {
      await big.close();
    }
  });

  it('is sent as kept: a browser holding this version gets 304, a change makes a new one (gzipped when asked, the same JSON)', async () => {
    const url = `/api/quality/dashboard?${period}`;
    const first = await admin(url);
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect((await admin({ url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    // Another scope's dashboard is another body: its tag never matches the committee's.
    const renmin = await ctx.as('renmin');
    const theirs = await renmin({ url, headers: { 'if-none-match': etag } });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.headers.etag).not.toBe(etag);
    // A change that must show on the dashboard (its rule version): the tag is of the content, so only such a change makes a new one.
    const cur = (await admin('/api/quality/rules')).json();
    const res = await admin({ method: 'PUT', url: '/api/quality/rules', payload: { rules: cur.rules, baseVersion: cur.version, note: '重存' } });
    expect(res.statusCode, res.body).toBe(200);
    const next = await admin({ url, headers: { 'if-none-match': etag, 'accept-encoding': 'gzip' } });
    expect(next.statusCode).toBe(200);
    expect(next.headers['content-encoding']).toBe('gzip');
    expect(next.headers.etag).not.toBe(etag);
    const plain = await admin(url);
    expect(gunzipSync(next.rawPayload).toString('utf8')).toBe(plain.body);
    expect(plain.json().ruleVersion).toBe(cur.version + 1);
  });
});
