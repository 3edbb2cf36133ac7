import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchScoreDetail, Dashboard, GapLine, OrgTreeNode } from '@wj/domain/schemas';
import { max } from 'drizzle-orm';
import { auditLog, meetings } from '../../src/db/schema/index.js';
import { QualityService } from '../../src/modules/quality/service.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let admin: Client;
const period = 'year=2026&asOf=2026-11-20';
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
});
afterAll(() => ctx.close());

const json = async <T>(client: Client, url: string): Promise<T> => {
  const res = await client(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

describe('gap catalogue', () => {
  it('every count equals the number of organisations listed behind it, each of which really has that gap', async () => {
    const { items } = await json<{ items: GapLine[] }>(admin, `/api/quality/gaps?${period}`);
    expect(items.length).toBeGreaterThan(0);
    for (const line of items) {
      expect(line.orgs).toHaveLength(line.count);
      expect(new Set(line.orgs.map((o) => o.orgId)).size).toBe(line.count);
      expect(line.text.startsWith(String(line.count))).toBe(true);
    }
    const line = items.find((l) => l.level === 'branch')!;
    for (const org of line.orgs.slice(0, 3)) {
      const detail = await json<BranchScoreDetail>(admin, `/api/quality/branches/${org.orgId}?${period}`);
      expect(detail.gaps.map((g) => g.code)).toContain(line.code);
    }
  });

  it('a unit filter keeps only that unit\'s branches', async () => {
    const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
    const unit = root.children.find((u) => u.kind === 'party_committee')!;
    const { items } = await json<{ items: GapLine[] }>(admin, `/api/quality/gaps?${period}&unitId=${unit.id}`);
    for (const line of items) for (const o of line.orgs) expect(o.unitId).toBe(unit.id);
  });
});

describe('dashboard', () => {
  it('counts what the organisation tree holds, and the grade buckets add up', async () => {
    const d = await json<Dashboard>(admin, `/api/quality/dashboard?${period}`);
    const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
    expect(d.counts).toEqual({ units: root.children.length, branches: root.counts.branches, members: root.counts.members, inService: root.counts.inService, retired: root.counts.retired });
    expect(d.distribution.reduce((n, b) => n + b.count, 0)).toBe(d.counts.branches);
    expect(d.grades.good + d.grades.fair + d.grades.poor).toBe(d.counts.branches);
    expect(d.distribution[0]!.count).toBe(d.belowPassLine);
    expect(d.unitRanking).toHaveLength(d.counts.units);
    expect(d.previous?.year).toBe(2025);
  });

  it('a unit secretary sees their unit only', async () => {
    const d = await json<Dashboard>(await ctx.as('renmin'), `/api/quality/dashboard?${period}`);
    const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
    const renmin = root.children.find((u) => u.institutionName === '市人民医院')!;
    expect(d.counts.units).toBe(1);
    expect(d.counts.branches).toBe(renmin.counts.branches);
    expect(d.unitRanking.map((u) => u.orgId)).toEqual([renmin.id]);
    const other = root.children.find((u) => u.institutionName === '市眼科医院')!;
    expect((await (await ctx.as('renmin'))(`/api/quality/units/${other.id}?${period}`)).statusCode).toBe(403);
  });
});

describe('scores follow the records', () => {
  it('recording the missing 支部党员大会 removes the gap and raises the score at once', async () => {
    const { items } = await json<{ items: GapLine[] }>(admin, `/api/quality/gaps?${period}`);
    const line = items.find((l) => l.code === 'general_meeting')!;
    const target = line.orgs.find((o) => /季度未召开支部党员大会/.test(o.message))!;
    const before = await json<BranchScoreDetail>(admin, `/api/quality/branches/${target.orgId}?${period}`);
    const missing = before.gaps.filter((g) => g.code === 'general_meeting');
    const quarter = ['一', '二', '三', '四'].indexOf(/第(.)季度/.exec(missing[0]!.message)![1]!);
    const date = `2026-${String(quarter * 3 + 2).padStart(2, '0')}-15`;
    const res = await admin({ method: 'POST', url: `/api/orgs/${target.orgId}/meetings`, payload: { type: 'general_meeting', date, topic: '补开支部党员大会', expected: 10, present: 10 } });
    expect(res.statusCode, res.body).toBe(201);
    const after = await json<BranchScoreDetail>(admin, `/api/quality/branches/${target.orgId}?${period}`);
    expect(after.gaps.filter((g) => g.code === 'general_meeting')).toHaveLength(missing.length - 1);
    expect(after.gaps.map((g) => g.message)).not.toContain(missing[0]!.message);
    expect(after.total).toBeGreaterThan(before.total);
  });
});

describe('incremental refresh', () => {
  it('after writes in several units the kept scores equal a computation from scratch', async () => {
    const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
    await admin('/api/quality/dashboard?' + period); // prime the cache
    for (const unit of root.children.slice(0, 3)) {
      const branch = unit.kind === 'branch' ? unit : unit.children.find((c) => c.kind === 'branch')!;
      const res = await admin({ method: 'POST', url: `/api/orgs/${branch.id}/meetings`, payload: { type: 'party_lecture', date: '2026-05-10', topic: '专题党课', expected: 8, present: 8 } });
      expect(res.statusCode).toBe(201);
    }
    const unit = root.children[4]!;
    const item = await admin({ method: 'POST', url: `/api/units/${unit.id}/responsibility-items`, payload: { year: 2026, title: '新增责任事项', done: false } });
    expect(item.statusCode, item.body).toBe(201);
    const kept = await ctx.app.quality.scores(2026, '2026-11-20');
    const fresh = await new QualityService(ctx.db).scores(2026, '2026-11-20');
    const byId = <T extends { orgId: number }>(xs: T[]) => [...xs].sort((a, b) => a.orgId - b.orgId);
    expect(byId(kept.branches)).toEqual(byId(fresh.branches));
    expect(byId(kept.units)).toEqual(byId(fresh.units));
    expect([...kept.memberCounts].sort()).toEqual([...fresh.memberCounts].sort());
  });
});

describe('rules', () => {
  it('refuses weights that do not sum to 100 with a Chinese message, changing nothing', async () => {
    const cur = await json<{ version: number; rules: { dimensions: Record<string, { weight: number }> } }>(admin, '/api/quality/rules');
    const bad = structuredClone(cur.rules);
    bad.dimensions.leadership!.weight -= 5;
    const res = await admin({ method: 'PUT', url: '/api/quality/rules', payload: { rules: bad, baseVersion: cur.version } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('100');
    expect((await json<{ version: number }>(admin, '/api/quality/rules')).version).toBe(cur.version);
  });

  it('a saved change is a new version and changes the scores at once; only admins may change rules', async () => {
    const cur = await json<{ version: number; rules: { dimensions: Record<string, { weight: number }> } }>(admin, '/api/quality/rules');
    const before = await json<Dashboard>(admin, `/api/quality/dashboard?${period}`);
    const next = structuredClone(cur.rules);
    // Put all the weight on the weakest dimension: the average must fall.
    const weakest = Object.entries(before.dimensionAverages).sort((a, b) => (a[1] ?? 100) - (b[1] ?? 100))[0]![0];
    for (const d of Object.keys(next.dimensions)) next.dimensions[d]!.weight = d === weakest ? 100 : 0;
    expect((await (await ctx.as('renmin'))({ method: 'PUT', url: '/api/quality/rules', payload: { rules: next, baseVersion: cur.version } })).statusCode).toBe(403);
    const res = await admin({ method: 'PUT', url: '/api/quality/rules', payload: { rules: next, baseVersion: cur.version, note: '测试' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(cur.version + 1);
    const after = await json<Dashboard>(admin, `/api/quality/dashboard?${period}`);
    expect(after.ruleVersion).toBe(cur.version + 1);
    expect(after.averageScore!).toBeLessThan(before.averageScore!);
    const stale = await admin({ method: 'PUT', url: '/api/quality/rules', payload: { rules: cur.rules, baseVersion: cur.version } });
    expect(stale.statusCode).toBe(409);
  });

  it('which indicators judge a 离退休党支部 is a saved rule: switching 品牌 on for them adds their gaps', async () => {
    type Rules = { indicators: Record<string, { appliesToRetired: boolean }> };
    const cur = await json<{ version: number; rules: Rules }>(admin, '/api/quality/rules');
    // The default: a retirees' branch is not judged on 品牌, 书记项目 or 先锋岗.
    for (const code of ['brand', 'secretary_project', 'vanguard_post']) expect(cur.rules.indicators[code]!.appliesToRetired, code).toBe(false);
    const retiredBrandGaps = async () => {
      const { items } = await json<{ items: GapLine[] }>(admin, `/api/quality/gaps?${period}`);
      const brand = items.filter((g) => g.code === 'brand').flatMap((g) => g.orgs);
      return brand.filter((o) => /离退休/.test(o.name)).length;
    };
    expect(await retiredBrandGaps()).toBe(0);
    const next = structuredClone(cur.rules);
    next.indicators.brand!.appliesToRetired = true;
    const res = await admin({ method: 'PUT', url: '/api/quality/rules', payload: { rules: next, baseVersion: cur.version, note: '品牌考核离退休支部' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await retiredBrandGaps()).toBeGreaterThan(0);
    const bad = structuredClone(next) as unknown as { indicators: Record<string, Record<string, unknown>> };
    bad.indicators.brand!.appliesToRetired = 'yes';
    const refused = await admin({ method: 'PUT', url: '/api/quality/rules', payload: { rules: bad, baseVersion: cur.version + 1 } });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('是否考核离退休党支部必须是布尔值');
  });
});

// Last: it writes audit rows with ids of its own choosing, which the id sequence does not know of.
describe('a write that commits below the audit head already seen', () => {
  it('still reaches the kept scores (PostgreSQL hands out ids at insert, not at commit)', async () => {
    const asOf = '2026-11-20';
    const { items } = await json<{ items: GapLine[] }>(admin, `/api/quality/gaps?${period}`);
    const target = items.find((l) => l.code === 'general_meeting')!.orgs.filter((o) => /季度未召开支部党员大会/.test(o.message)).at(-1)!;
    const before = (await ctx.app.quality.scores(2026, asOf)).branches.find((b) => b.orgId === target.orgId)!;
    const [{ head }] = (await ctx.db.select({ head: max(auditLog.id) }).from(auditLog)) as [{ head: number }];
    const audit = (id: number, entityType: string, orgId: number | null) =>
      ({ id, at: new Date().toISOString(), username: 'test', action: 'create', entityType, entityId: null, orgId });
    // A write that took a later id commits first (a user's: no score changes); the cache now stands at head + 2.
    await ctx.db.transaction(async (tx) => {
      await tx.insert(auditLog).values(audit(head + 2, 'user', null));
    });
    await ctx.app.quality.scores(2026, asOf);
    const partsBefore = await ctx.app.quality.parts(2026, asOf);
    // The write that took head + 1 commits now: every quarter's 支部党员大会 of the branch, with its audit row.
    await ctx.db.transaction(async (tx) => {
      await tx.insert(meetings).values(['02', '05', '08', '11'].map((m) => ({
        orgId: target.orgId, type: 'general_meeting' as const, date: `2026-${m}-10`, topic: '支部党员大会', expected: 10, present: 10,
        updatedAt: new Date().toISOString(), updatedBy: 'test',
      })));
      await tx.insert(auditLog).values(audit(head + 1, 'meeting', target.orgId));
    });
    const kept = await ctx.app.quality.scores(2026, asOf);
    const partsAfter = await ctx.app.quality.parts(2026, asOf);
    const fresh = await new QualityService(ctx.db).scores(2026, asOf);
    // Only the units the audit log's window names are recomputed (a late row is somewhere in it), not the commission:
    // a unit no audit row names keeps the very subtotals it had (before, a late row recomputed every unit).
    const unitOfOrg = new Map(partsBefore.orgs);
    const targetUnit = unitOfOrg.get(target.orgId)!.unitId;
    const named = new Set((await ctx.db.select({ orgId: auditLog.orgId }).from(auditLog))
      .map((r) => (r.orgId == null ? null : unitOfOrg.get(r.orgId)?.unitId)));
    const untouched = [...partsBefore.parts.keys()].filter((u) => !named.has(u));
    expect(named.has(targetUnit)).toBe(true);
    expect(untouched.length).toBeGreaterThan(0);
    expect(partsAfter.parts.get(targetUnit)).not.toBe(partsBefore.parts.get(targetUnit));
    for (const u of untouched) expect(partsAfter.parts.get(u)).toBe(partsBefore.parts.get(u));
    // (The weights were changed above: the gaps, not the total, show the meetings.)
    const meetingGaps = (b: { gaps: { code: string }[] }) => b.gaps.filter((g) => g.code === 'general_meeting').length;
    expect(meetingGaps(before)).toBeGreaterThan(0);
    expect(meetingGaps(kept.branches.find((b) => b.orgId === target.orgId)!)).toBe(0);
    const byId = <T extends { orgId: number }>(xs: T[]) => [...xs].sort((a, b) => a.orgId - b.orgId);
    expect(byId(kept.branches)).toEqual(byId(fresh.branches));
    expect(byId(kept.units)).toEqual(byId(fresh.units));
  });
});
