import { eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENDER_LABELS, MEMBER_STATUSES } from '@wj/domain';
import { ROSTER_COLUMNS, type MemberListItem } from '@wj/domain/schemas';
import { members, orgs, users } from '../../src/db/schema/index.js';
import { testIdNumber } from '../fixtures/roster.js';
import { build, type Client, type DemoLogin, type TestContext } from '../helpers/build.js';
import { candidates, HANDFUL, oldMask, type Shown } from './rebuild-id.js';

/**
 * Issue 9: below admin, nothing a caller is shown about a member rebuilds the
 * 公民身份号码. Every view each role can reach is gathered per member — list
 * pages (every status), member details, both roster exports read back — and
 * the attack in rebuild-id.ts runs on all of it together.
 */
let ctx: TestContext;
beforeAll(async () => { ctx = await build(); });
afterAll(() => ctx.close());

const ROLES: [DemoLogin, string][] = [['leader', 'viewer'], ['renmin', 'unit_secretary'], ['jijiu', 'branch_secretary']];
const DETAILS_PER_ROLE = 150;
const header = (field: string) => ROSTER_COLUMNS.find((c) => c.field === field)!.header;
const genderOf = Object.fromEntries(Object.entries(GENDER_LABELS).map(([k, v]) => [v, k])) as Record<string, 'male' | 'female'>;
const iso = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));
const personOf = (name: string, birthDate: string, gender: string) => `${name}|${birthDate}|${gender}`;

interface Seen extends Shown { id: number }

async function listAll(client: Client, orgId: number): Promise<MemberListItem[]> {
  const out: MemberListItem[] = [];
  for (const status of MEMBER_STATUSES) {
    for (let page = 1; ; page++) {
      const res = await client(`/api/orgs/${orgId}/members?pageSize=200&page=${page}&status=${status}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      out.push(...body.items);
      if (page * body.pageSize >= body.total) break;
    }
  }
  return out;
}

async function sheetRows(client: Client, url: string): Promise<Record<string, ExcelJS.CellValue>[] | null> {
  const res = await client(url);
  if (res.statusCode !== 200) return null; // e.g. a branch secretary asking for the unit report: not a view it has
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const head = Array.from(ws.getRow(1).values as ExcelJS.CellValue[], (v) => String(v ?? '')); // values[0] is a hole
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  // A header can repeat (the export leads with 所在党支部 and the national layout has its own): the first one counts.
  const first = head.flatMap((h, i) => (h && head.indexOf(h) === i ? [[h, i] as const] : []));
  ws.eachRow((row, n) => { if (n > 1) rows.push(Object.fromEntries(first.map(([h, i]) => [h, row.getCell(i).value]))); });
  return rows;
}

/** Everything one role is shown, merged per member. */
async function gather(login: DemoLogin) {
  const client = await ctx.as(login);
  const scope = (await ctx.db.select().from(users).where(eq(users.username, login)))[0]!.scopeOrgId
    ?? (await ctx.db.select().from(orgs).where(isNull(orgs.parentId)))[0]!.id;
  const listed = await listAll(client, scope);
  const seen = new Map<number, Seen>(listed.map((m) => [m.id, { id: m.id, masks: [], birthDate: m.birthDate, gender: m.gender }]));
  const byPerson = new Map<string, { id: number; orgName: string }[]>();
  for (const m of listed) byPerson.set(personOf(m.name, m.birthDate, m.gender), [...(byPerson.get(personOf(m.name, m.birthDate, m.gender)) ?? []), { id: m.id, orgName: m.orgName }]);
  const step = Math.max(1, Math.floor(listed.length / DETAILS_PER_ROLE));
  let details = 0;
  for (let i = 0; i < listed.length; i += step) {
    const res = await client(`/api/members/${listed[i]!.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    seen.get(d.id)!.masks.push(d.idNumber);
    details++;
  }
  let exportRows = 0, unmatched = 0;
  for (const url of [`/api/orgs/${scope}/roster/export`, '/api/reports/roster.xlsx']) {
    for (const r of (await sheetRows(client, url)) ?? []) {
      exportRows++;
      // The export names the branch as the national system does, with its unit in front (市人民医院急诊急救党支部).
      const branch = String(r['所在党支部']);
      const ids = (byPerson.get(personOf(String(r[header('name')]), iso(r[header('birthDate')]), genderOf[String(r[header('gender')])]!)) ?? [])
        .filter((m) => branch.endsWith(m.orgName)).map((m) => m.id);
      if (ids.length !== 1) { unmatched++; continue; } // two members alike in every shown field: attacked below by their details alone
      seen.get(ids[0]!)!.masks.push(String(r[header('idNumber')]));
    }
  }
  const audit = (await client('/api/audit')).statusCode;
  return { seen: [...seen.values()], details, exportRows, unmatched, audit };
}

const truthOf = async () => new Map((await ctx.db.select({ id: members.id, idNumber: members.idNumber }).from(members)).map((m) => [m.id, m.idNumber]));

describe('no role below admin can rebuild a 公民身份号码 from what it is shown', () => {
  it.each(ROLES)('%s (%s): zero rebuilt with today\'s mask; every one rebuilt with the old mask', async (login, role) => {
    const { seen, details, exportRows, unmatched, audit } = await gather(login);
    const truth = await truthOf();
    const attacked = seen.filter((s) => s.masks.length > 0);
    let rebuilt = 0, oldRebuilt = 0, fewest = Infinity;
    for (const s of attacked) {
      const real = truth.get(s.id)!;
      const now = candidates(real.slice(0, 6), s);
      expect(now, `member ${s.id}: what was shown contradicts the stored number`).toContain(real);
      fewest = Math.min(fewest, now.length);
      if (now.length <= HANDFUL) rebuilt++;
      // Control: the very same views, the number as the old mask showed it.
      const old = candidates(real.slice(0, 6), { ...s, masks: s.masks.map(() => oldMask(real)) });
      if (old.length <= HANDFUL && old.includes(real)) oldRebuilt++;
    }
    console.info(`[masking] ${login} (${role}): ${seen.length} members listed, ${details} details, ${exportRows} export rows`
      + ` (${unmatched} not matched), audit API ${audit}; attacked ${attacked.length}: rebuilt ${rebuilt}`
      + ` (fewest candidates ${fewest}); with the old mask rebuilt ${oldRebuilt}`);
    expect(audit).toBe(403);
    expect(attacked.length).toBeGreaterThan(Math.min(seen.length, 20));
    expect(unmatched).toBeLessThan(Math.max(3, exportRows / 100));
    expect(rebuilt).toBe(0);
    expect(fewest).toBeGreaterThan(HANDFUL);
    expect(oldRebuilt).toBe(attacked.length);
  });

  it('keeps no 公民身份号码 or phone in the audit log, not even masked, and shows the log to admin only', async () => {
    const renmin = await ctx.as('renmin');
    const branch = (await ctx.db.select().from(users).where(eq(users.username, 'jijiu')))[0]!.scopeOrgId!;
    const idNumber = testIdNumber('1988-03-09', true, 731);
    const body = {
      name: '审计测', gender: 'male', ethnicity: '汉族', birthDate: '1988-03-09', education: 'bachelor', idNumber, phone: '13912348888',
      joinDate: '2012-07-01', fullDate: '2013-07-01', category: 'full', employment: 'in_service', titleLevel: 'none',
    };
    const created = await renmin({ method: 'POST', url: `/api/orgs/${branch}/members`, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    const edited = await renmin({ method: 'PUT', url: `/api/members/${m.id}`, payload: { ...body, idNumber: m.idNumber, phone: m.phone, position: '护士长', version: 1 } });
    expect(edited.statusCode, edited.body).toBe(200);
    const log = (await (await ctx.as('admin'))(`/api/audit?entityType=member&pageSize=200`)).json().items
      .filter((a: { entityId: string }) => a.entityId === String(m.id));
    expect(log.map((a: { action: string }) => a.action).sort()).toEqual(['create', 'update']);
    const text = JSON.stringify(log);
    for (const leak of [idNumber, idNumber.slice(-4), m.idNumber, oldMask(idNumber), '13912348888', '8888']) expect(text).not.toContain(leak);
    for (const a of log) for (const side of [a.before, a.after].filter(Boolean)) expect(side).toMatchObject({ idNumber: '***', phone: '***' });
    for (const [login] of ROLES) expect((await (await ctx.as(login))('/api/audit')).statusCode).toBe(403);
  });
});
