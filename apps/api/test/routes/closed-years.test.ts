import { createRequire } from 'node:module';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '@wj/domain/schemas';
import type { Dashboard, ReportDraft } from '@wj/domain/schemas';
import { auditLog } from '../../src/db/schema/index.js';
import { testIdNumber } from '../fixtures/roster.js';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { demoTargets } from '../helpers/targets.js';

/**
 * 年度结账 (issue 13 item 8): a closed year stands as it was closed. A rule
 * change and a member joining today leave its scores, counts, dashboard and
 * report's 基本情况 unchanged while the open year follows them; re-judging is
 * an admin's explicit act that refreezes from today's records and is audited.
 */
interface Zip { file(name: string): { async(t: 'string'): Promise<string> } | null }
const JSZip = createRequire(import.meta.resolve('docx'))('jszip') as { loadAsync(b: Buffer): Promise<Zip> };

/** The body text of the Word report's 一、基本情况, paragraph by paragraph (tables dropped). */
async function basicPart(body: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  const paras = [...xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '').matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  const start = paras.indexOf('一、基本情况');
  const end = paras.indexOf('二、工作成效');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return paras.slice(start + 1, end).filter(Boolean);
}

interface YearStatus { year: number; status: 'open' | 'closed'; closedAt: string | null; closedBy: string | null; ruleVersion: number }
interface Rules { version: number; rules: { dimensions: Record<string, { weight: number }> } }

const THIS_YEAR = Number(todayIso().slice(0, 4));
const CLOSED = THIS_YEAR - 1;

let ctx: TestContext;
let admin: Client;
let branchId: number;
let unitId: number;

const get = async <T>(client: Client, url: string): Promise<T> => {
  const res = await client(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as T;
};
const years = () => get<YearStatus[]>(admin, '/api/years');

/** Everything a user reads of one year: the screens and the report's 基本情况. */
async function view(year: number) {
  const q = `year=${year}`;
  const draft = await get<ReportDraft>(admin, `/api/reports/draft?${q}`);
  const docx = await admin(`/api/reports/annual.docx?${q}`);
  expect(docx.statusCode).toBe(200);
  return {
    ...(await screens(year)),
    basicDraft: draft.sections.find((s) => s.label === '一、基本情况')!.paragraphs.map((p) => p.text),
    basicDocx: await basicPart(docx.rawPayload),
  };
}

/** The screens of one year (no report): dashboard, score lists, gap catalogue, one branch, one unit. */
async function screens(year: number) {
  const q = `year=${year}`;
  return {
    dashboard: await get<Dashboard>(admin, `/api/quality/dashboard?${q}`),
    branches: await get<{ ruleVersion: number; items: { orgId: number; total: number }[] }>(admin, `/api/quality/branches?${q}`),
    units: await get<{ items: { orgId: number; total: number }[] }>(admin, `/api/quality/units?${q}`),
    gaps: await get<unknown>(admin, `/api/quality/gaps?${q}`),
    branch: await get<{ total: number; memberCount: number }>(admin, `/api/quality/branches/${branchId}?${q}`),
    unit: await get<{ total: number }>(admin, `/api/quality/units/${unitId}?${q}`),
  };
}

const newcomer = () => ({
  name: '李新来', gender: 'female', ethnicity: '汉族', birthDate: '1992-03-08', education: 'bachelor',
  idNumber: testIdNumber('1992-03-08', false, 777), phone: '13912349999', joinDate: '2016-06-30', fullDate: '2017-07-01',
  category: 'full', employment: 'in_service', jobCategory: 'nurse', titleLevel: 'intermediate', department: '急诊科',
  position: '主管护师', isTalent: false, isDeptHead: false,
});

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  const ids = await demoTargets(ctx.db);
  [branchId] = ids.branch;
  [unitId] = ids.unit;
});
afterAll(() => ctx.close());

// Each view composes a draft and a Word report in the render worker (reports/run.ts) for a closed and an open year:
// on a loaded 2-core machine one case has taken close to the default 60 s.
describe('closing a year', { timeout: 180_000 }, () => {
  let closedBefore: Awaited<ReturnType<typeof view>>;
  let openBefore: Awaited<ReturnType<typeof view>>;

  it('lists the years; only the admin closes one, and only once it has ended', async () => {
    const list = await years();
    expect(list.find((y) => y.year === THIS_YEAR)).toMatchObject({ status: 'open', closedAt: null });
    expect(list.map((y) => y.year)).toContain(CLOSED);
    for (const user of ['leader', 'renmin', 'jijiu'] as const) {
      const c = await ctx.as(user);
      expect((await c('/api/years')).statusCode).toBe(200);
      expect((await c({ method: 'POST', url: `/api/years/${CLOSED}/close` })).statusCode, user).toBe(403);
      expect((await c({ method: 'POST', url: `/api/years/${CLOSED}/rejudge` })).statusCode, user).toBe(403);
    }
    expect((await ctx.anon('/api/years')).statusCode).toBe(401);
    expect((await admin({ method: 'POST', url: `/api/years/${THIS_YEAR}/close` })).statusCode).toBe(400);
    // Every past year closed (the one before it too, so the 同比 figures stand as well); the demo may have closed them already.
    const open = list.filter((x) => x.year < THIS_YEAR && x.status === 'open');
    for (const y of open) {
      const res = await admin({ method: 'POST', url: `/api/years/${y.year}/close` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ year: y.year, status: 'closed', closedBy: 'admin', ruleVersion: 1 });
    }
    for (const y of (await years()).filter((x) => x.year < THIS_YEAR)) expect(y, String(y.year)).toMatchObject({ status: 'closed', ruleVersion: 1 });
    const again = await admin({ method: 'POST', url: `/api/years/${CLOSED}/close` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已结账');
    expect((await admin({ method: 'POST', url: `/api/years/${THIS_YEAR}/rejudge` })).statusCode).toBe(409);
    const [row] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'close'), eq(auditLog.entityId, String(CLOSED))));
    expect(row).toMatchObject({ entityType: 'closed_year', username: open.some((y) => y.year === CLOSED) ? 'admin' : 'system' });
  });

  it('a rule change and a member joining today leave the closed year as it was; the open year follows both', async () => {
    closedBefore = await view(CLOSED);
    openBefore = await view(THIS_YEAR);
    expect(closedBefore.dashboard.ruleVersion).toBe(1);
    expect(closedBefore.dashboard.counts.members).toBeGreaterThan(0);

    // 第2版: all the weight on the open year's weakest dimension, so its average must fall.
    const cur = await get<Rules>(admin, '/api/quality/rules');
    const next = structuredClone(cur.rules);
    const weakest = Object.entries(openBefore.dashboard.dimensionAverages).sort((a, b) => (a[1] ?? 100) - (b[1] ?? 100))[0]![0];
    for (const d of Object.keys(next.dimensions)) next.dimensions[d]!.weight = d === weakest ? 100 : 0;
    const saved = await admin({ method: 'PUT', url: '/api/quality/rules', payload: { rules: next, baseVersion: cur.version, note: '第2版' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const joined = await admin({ method: 'POST', url: `/api/orgs/${branchId}/members`, payload: newcomer() });
    expect(joined.statusCode, joined.body).toBe(201);

    const closedAfter = await view(CLOSED);
    expect(closedAfter).toEqual(closedBefore);

    const openAfter = await view(THIS_YEAR);
    expect(openAfter.dashboard.ruleVersion).toBe(2);
    expect(openAfter.dashboard.averageScore!).toBeLessThan(openBefore.dashboard.averageScore!);
    expect(openAfter.dashboard.counts.members).toBe(openBefore.dashboard.counts.members + 1);
    expect(openAfter.branch.memberCount).toBe(openBefore.branch.memberCount + 1);
    expect(openAfter.basicDraft).not.toEqual(openBefore.basicDraft);
  });

  it('re-judging refreezes from today’s records under the rules in force, and the audit row holds the totals before and after', async () => {
    const res = await admin({ method: 'POST', url: `/api/years/${CLOSED}/rejudge` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: CLOSED, status: 'closed', ruleVersion: 2 });
    const after = await screens(CLOSED);
    expect(after.dashboard.ruleVersion).toBe(2);
    expect(after.dashboard.averageScore).not.toBe(closedBefore.dashboard.averageScore);
    // The newcomer was put on the roll after 31 December: still not a member of the closed year.
    expect(after.dashboard.counts.members).toBe(closedBefore.dashboard.counts.members);

    const [row] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'rejudge'), eq(auditLog.entityId, String(CLOSED))));
    const before = row!.before as { ruleVersion: number; averageScore: number; branches: Record<string, number> };
    const now = row!.after as typeof before;
    expect(row).toMatchObject({ entityType: 'closed_year', username: 'admin' });
    expect(before.ruleVersion).toBe(1);
    expect(now.ruleVersion).toBe(2);
    expect(before.averageScore).toBe(closedBefore.dashboard.averageScore);
    expect(now.averageScore).toBe(after.dashboard.averageScore);
    expect(before.branches[branchId]).toBe(closedBefore.branch.total);
    expect(now.branches[branchId]).toBe(after.branch.total);

    // A chosen version: back to 第1版, the year's figures are those it was closed with.
    const back = await admin({ method: 'POST', url: `/api/years/${CLOSED}/rejudge`, payload: { ruleVersion: 1 } });
    expect(back.statusCode, back.body).toBe(200);
    expect(await view(CLOSED)).toEqual(closedBefore);
    expect((await admin({ method: 'POST', url: `/api/years/${CLOSED}/rejudge`, payload: { ruleVersion: 99 } })).statusCode).toBe(404);
  });

  it('a member who leaves today still counts in the closed year when it is re-judged, and no longer in the open one', async () => {
    const members = await get<{ items: { id: number }[] }>(admin, `/api/orgs/${branchId}/members?pageSize=200`);
    const seated = (await get<{ members?: { memberId: number }[] } | null>(admin, `/api/orgs/${branchId}/committee`))?.members?.map((m) => m.memberId) ?? [];
    const { id } = members.items.find((x) => !seated.includes(x.id))!;
    const m = await get<{ id: number; version: number }>(admin, `/api/members/${id}`);
    const openBefore = (await screens(THIS_YEAR)).dashboard.counts.members;
    const left = await admin({ method: 'POST', url: `/api/members/${m.id}/leave`, payload: { status: 'deceased', leftDate: todayIso(), leftReason: '病故', version: m.version } });
    expect(left.statusCode, left.body).toBe(200);
    expect((await admin({ method: 'POST', url: `/api/years/${CLOSED}/rejudge`, payload: { ruleVersion: 1 } })).statusCode).toBe(200);
    expect((await screens(CLOSED)).dashboard.counts.members).toBe(closedBefore.dashboard.counts.members);
    expect((await screens(THIS_YEAR)).dashboard.counts.members).toBe(openBefore - 1);
  });
});
