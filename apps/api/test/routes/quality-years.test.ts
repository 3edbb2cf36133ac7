import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, GapLine } from '@wj/domain/schemas';
import { like } from 'drizzle-orm';
import { meetings, memberStudy, secretaryProjects, secretaryReviews, unitPlans } from '../../src/db/schema/index.js';
import { rawRows } from '../../src/db/raw.js';
import { yearsByUnit } from '../../src/modules/quality/data-years.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * Issue 13 item 9, 历年对比: the demo holds three years; GET /api/quality/years
 * sets them side by side, each row equal to that year's own dashboard and
 * 问题清单; the annual report's 同比 prints the previous year's row.
 */
interface TierCount { kinds: number; count: number }
interface Row {
  year: number; asOf: string; branchCount: number; averageScore: number | null; unitScore: number | null;
  grades: { good: number; fair: number; poor: number }; branchesWithProblems: number;
  tiers: { regulation: TierCount; commission: TierCount; reminder: TierCount };
}
interface Years { unitId: number | null; items: Row[] }

let ctx: TestContext;
let admin: Client;
let renmin: Client;
let renminUnit: number;
const YEARS = [2024, 2025, 2026];

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  renmin = await ctx.as('renmin');
  renminUnit = (await renmin('/api/auth/me')).json().scopeOrgId;
});
afterAll(() => ctx.close());

const json = async <T>(client: Client, url: string): Promise<T> => {
  const res = await client(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

/** The 问题清单 of a year as the gaps route gives it, summed per tier. */
async function gapTiers(client: Client, year: number, unitId?: number) {
  const { items } = await json<{ items: GapLine[] }>(client, `/api/quality/gaps?year=${year}${unitId ? `&unitId=${unitId}` : ''}`);
  const of = (tier: GapLine['tier']) => {
    const mine = items.filter((g) => g.tier === tier);
    return { kinds: mine.length, count: mine.reduce((n, g) => n + g.orgs.length, 0) };
  };
  return { regulation: of('regulation'), commission: of('commission'), reminder: of('reminder') };
}

describe('the demo', () => {
  it('has 组织生活, study hours, 书记项目, plans and 述职评议 in each of 2024, 2025 and 2026', async () => {
    for (const y of YEARS) {
      expect((await ctx.db.select({ id: meetings.id }).from(meetings).where(like(meetings.date, `${y}-%`)).limit(1)).length, `meetings ${y}`).toBe(1);
    }
    const yearsOf = async (rows: Promise<{ year: number }[]>) => [...new Set((await rows).map((r) => r.year))].sort();
    expect(await yearsOf(ctx.db.select({ year: memberStudy.year }).from(memberStudy))).toEqual(YEARS);
    expect(await yearsOf(ctx.db.select({ year: secretaryProjects.year }).from(secretaryProjects))).toEqual(YEARS);
    expect(await yearsOf(ctx.db.select({ year: unitPlans.year }).from(unitPlans))).toEqual(YEARS);
    expect(await yearsOf(ctx.db.select({ year: secretaryReviews.year }).from(secretaryReviews))).toEqual(YEARS);
  });
});

describe('the years with records, per unit', () => {
  it('read in slices of a few org ids, are those of one query over every meeting', async () => {
    const rows = await rawRows<{ unit: number; y: string }>(ctx.db, 'select distinct coalesce(o.unit_id, o.id) as unit, substr(m.date, 1, 4) as y from meetings m join orgs o on o.id = m.org_id');
    const expected = new Map<number, number[]>();
    for (const r of rows) expected.set(Number(r.unit), [...(expected.get(Number(r.unit)) ?? []), Number(r.y)].sort());
    expect(expected.size).toBeGreaterThan(3);
    // 7 orgs a slice: the demo's orgs take many slices, and a unit's branches fall into more than one.
    const sliced = await yearsByUnit(ctx.db, undefined, 7);
    expect(new Map([...sliced].map(([unit, years]) => [unit, [...years].sort()]))).toEqual(expected);
  });
});

describe('GET /api/quality/years', () => {
  it('gives the three years, oldest first, each as that year\'s dashboard and 问题清单 show it', async () => {
    const { items, unitId } = await json<Years>(admin, '/api/quality/years');
    expect(unitId).toBeNull();
    expect(items.map((r) => r.year)).toEqual(YEARS);
    for (const row of items) {
      const dash = await json<Dashboard>(admin, `/api/quality/dashboard?year=${row.year}`);
      expect(row.averageScore, `${row.year}`).toBe(dash.averageScore);
      expect(row.asOf).toBe(dash.asOf);
      expect(row.branchCount).toBe(dash.counts.branches);
      expect(row.grades).toEqual(dash.grades);
      expect(row.tiers).toEqual(await gapTiers(admin, row.year));
      expect(row.tiers.regulation.count + row.tiers.commission.count).toBeGreaterThan(0);
    }
    // Three years, not one year three times.
    expect(new Set(items.map((r) => JSON.stringify([r.averageScore, r.tiers]))).size).toBe(3);
  });

  it('shows a unit secretary their own unit only, the same figures the admin gets for that unit', async () => {
    const own = await json<Years>(renmin, '/api/quality/years');
    const asked = await json<Years>(renmin, `/api/quality/years?unitId=${renminUnit}`);
    const byAdmin = await json<Years>(admin, `/api/quality/years?unitId=${renminUnit}`);
    const all = await json<Years>(admin, '/api/quality/years');
    expect(asked.items.map(({ unitScore: _u, ...r }) => r)).toEqual(own.items.map(({ unitScore: _u, ...r }) => r));
    expect(byAdmin.items).toEqual(asked.items);
    for (const row of own.items) {
      const dash = await json<Dashboard>(renmin, `/api/quality/dashboard?year=${row.year}`);
      expect(row.averageScore).toBe(dash.averageScore);
      expect(row.branchCount).toBe(dash.counts.branches);
      expect(row.branchCount).toBeLessThan(all.items.find((r) => r.year === row.year)!.branchCount);
      expect(row.tiers).toEqual(await gapTiers(renmin, row.year));
    }
    // The unit's own score is the one its score page shows.
    const unit = await json<{ total: number }>(admin, `/api/quality/units/${renminUnit}?year=2025`);
    expect(byAdmin.items.find((r) => r.year === 2025)!.unitScore).toBe(unit.total);
  });

  it('refuses another unit to a unit secretary, any unit to a branch secretary, and answers 404 for a non-unit', async () => {
    const { items } = await json<{ items: { orgId: number }[] }>(admin, '/api/quality/units?year=2026');
    const other = items.find((u) => u.orgId !== renminUnit)!.orgId;
    expect((await renmin(`/api/quality/years?unitId=${other}`)).statusCode).toBe(403);
    const jijiu = await ctx.as('jijiu');
    expect((await jijiu(`/api/quality/years?unitId=${renminUnit}`)).statusCode).toBe(403);
    const branch = (await jijiu('/api/auth/me')).json().scopeOrgId as number;
    expect((await admin(`/api/quality/years?unitId=${branch}`)).statusCode).toBe(404);
    expect((await ctx.anon('/api/quality/years')).statusCode).toBe(401);
    // The branch secretary's own years: one branch.
    const mine = await json<Years>(jijiu, '/api/quality/years');
    expect(mine.items.every((r) => r.branchCount === 1)).toBe(true);
  });
});

interface Zip { file(name: string): { async(t: 'string'): Promise<string> } | null }
const JSZip = createRequire(import.meta.resolve('docx'))('jszip') as { loadAsync(b: Buffer): Promise<Zip> };
async function reportText(client: Client, query: string): Promise<string[]> {
  const res = await client(`/api/reports/annual.docx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

// Word reports are composed in the render worker for two years; on a loaded 2-core machine near the default 60 s.
describe('the annual report\'s 同比', { timeout: 180_000 }, () => {
  const figures = (text: string) => {
    const m = /党支部平均得分由([\d.]+)分|党支部平均得分持平，为([\d.]+)分/.exec(text);
    const found = [...text.matchAll(/(\d+)类（其中涉及违反党内法规制度的(\d+)类）、涉及(\d+)个支部/g)];
    return { before: m ? Number(m[1] ?? m[2]) : NaN, found: found.map((f) => [Number(f[1]), Number(f[2]), Number(f[3])]) };
  };

  it('prints the previous year\'s figures as the years route gives them, for the commission and for a unit', async () => {
    for (const [client, query, unit] of [[admin, 'year=2026', ''], [admin, `year=2025&unitId=${renminUnit}`, `?unitId=${renminUnit}`]] as const) {
      const { items } = await json<Years>(client, `/api/quality/years${unit}`);
      const year = Number(/year=(\d+)/.exec(query)![1]);
      const prev = items.find((r) => r.year === year - 1)!;
      const now = items.find((r) => r.year === year)!;
      const yoy = (await reportText(client, query)).find((p) => p.startsWith(`与${year - 1}年相比`));
      expect(yoy, query).toBeDefined();
      const f = figures(yoy!);
      expect(f.before, yoy).toBe(prev.averageScore);
      expect(f.found[0]).toEqual([prev.tiers.regulation.kinds + prev.tiers.commission.kinds, prev.tiers.regulation.kinds, prev.branchesWithProblems]);
      expect(f.found[1]).toEqual([now.tiers.regulation.kinds + now.tiers.commission.kinds, now.tiers.regulation.kinds, now.branchesWithProblems]);
      expect(yoy).toContain(`不合格支部${prev.grades.poor === now.grades.poor ? `均为${now.grades.poor}` : `由${prev.grades.poor}个变为${now.grades.poor}`}个`);
    }
  });

  it('says nothing for the first data year, which has no year before it', async () => {
    const text = await reportText(admin, 'year=2024');
    expect(text.some((p) => p.includes('2023年'))).toBe(false);
    expect(text.some((p) => p.includes('平均得分'))).toBe(true);
  });
});
