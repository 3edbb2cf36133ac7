import { and, count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENDER_LABELS } from '@wj/domain';
import { ID_NUMBER_TAKEN_ELSEWHERE, type RosterReport } from '@wj/domain/schemas';
import { members, orgs, users } from '../../src/db/schema/index.js';
import { personRow, rosterFile, testIdNumber, XLSX } from '../fixtures/roster.js';
import { build, type Client, type DemoLogin, type TestContext } from '../helpers/build.js';

/**
 * Issue 9: a 公民身份号码 already registered is reported with the holder's name
 * and branch only when the holder lies in the caller's scope; otherwise with
 * the fixed message, and nothing in the answer names the holder or where they are.
 */
let ctx: TestContext;
let renminUnit: number, jijiuBranch: number, renminOther: number, yankeUnit: number;

const scopeOf = async (u: string) => (await ctx.db.select().from(users).where(eq(users.username, u)))[0]!.scopeOrgId!;
const orgName = async (id: number) => (await ctx.db.select().from(orgs).where(eq(orgs.id, id)))[0]!;
/** An active member of a branch under `where`, with everything a leak could name about them. */
async function holderIn(where: ReturnType<typeof and>) {
  const r = (await ctx.db.select({ m: members, branch: orgs }).from(members).innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.status, 'active'), where)).orderBy(members.id).limit(1))[0]!;
  const unit = await orgName(r.branch.unitId!);
  return { ...r.m, leaks: [r.m.name, r.branch.name, unit.name, unit.institutionName!].filter(Boolean) };
}
const memberCount = async () => (await ctx.db.select({ n: count() }).from(members))[0]!.n;

beforeAll(async () => {
  ctx = await build();
  renminUnit = await scopeOf('renmin');
  jijiuBranch = await scopeOf('jijiu');
  yankeUnit = await scopeOf('yanke');
  renminOther = (await ctx.db.select().from(orgs).where(and(eq(orgs.unitId, renminUnit), eq(orgs.kind, 'branch'), ne(orgs.id, jijiuBranch))).orderBy(orgs.id).limit(1))[0]!.id;
});
afterAll(() => ctx.close());

let seq = 300;
/** A valid new member whose 公民身份号码, birth date and sex are `holder`'s (or a fresh number). */
function body(holder?: { idNumber: string; birthDate: string; gender: 'male' | 'female' }) {
  const birthDate = holder?.birthDate ?? '1985-04-06';
  const gender = holder?.gender ?? 'male';
  return {
    name: '查重测', gender, ethnicity: '汉族', birthDate, education: 'bachelor', idNumber: holder?.idNumber ?? testIdNumber(birthDate, gender === 'male', seq += 2),
    joinDate: '2012-07-01', fullDate: '2013-07-01', category: 'full', employment: 'in_service', titleLevel: 'none',
  };
}
const idProblem = (res: { json: () => { error: { details?: { field: string; message: string }[] } } }) =>
  res.json().error.details?.find((d) => d.field === 'idNumber')?.message;

async function create(login: DemoLogin, orgId: number, payload: object) {
  const before = await memberCount();
  const res = await (await ctx.as(login))({ method: 'POST', url: `/api/orgs/${orgId}/members`, payload });
  expect(res.statusCode, res.body).toBe(400);
  expect(await memberCount()).toBe(before);
  return res;
}

describe('creating or editing a member with a number already registered', () => {
  it('tells a unit secretary only that a number is registered in another unit, naming nobody', async () => {
    const holder = await holderIn(eq(orgs.unitId, yankeUnit));
    const res = await create('renmin', jijiuBranch, body(holder));
    expect(res.json().error.message).toBe(ID_NUMBER_TAKEN_ELSEWHERE);
    expect(idProblem(res)).toBe(ID_NUMBER_TAKEN_ELSEWHERE);
    for (const leak of holder.leaks) expect(res.body).not.toContain(leak);
  });

  it('says the same on an edit that takes over another unit\'s number', async () => {
    const holder = await holderIn(eq(orgs.unitId, yankeUnit));
    const renmin = await ctx.as('renmin');
    const own = (await renmin({ method: 'POST', url: `/api/orgs/${jijiuBranch}/members`, payload: body() })).json();
    const res = await renmin({ method: 'PUT', url: `/api/members/${own.id}`, payload: { ...body(holder), version: 1 } });
    expect(res.statusCode).toBe(400);
    expect(idProblem(res)).toBe(ID_NUMBER_TAKEN_ELSEWHERE);
    for (const leak of holder.leaks) expect(res.body).not.toContain(leak);
    expect((await ctx.db.select().from(members).where(eq(members.id, own.id)))[0]!.version).toBe(1);
  });

  it('names the holder and branch inside the caller\'s scope, and admin everywhere', async () => {
    const inUnit = await holderIn(eq(orgs.id, renminOther));
    expect(idProblem(await create('renmin', jijiuBranch, body(inUnit)))).toBe(`公民身份号码已被党员 ${inUnit.name}（${(await orgName(renminOther)).name}）使用`);
    const foreign = await holderIn(eq(orgs.unitId, yankeUnit));
    expect(idProblem(await create('admin', jijiuBranch, body(foreign)))).toBe(`公民身份号码已被党员 ${foreign.name}（${(await orgName(foreign.orgId)).name}）使用`);
  });

  it('tells a branch secretary nothing about a holder in a sibling branch of the same unit', async () => {
    const sibling = await holderIn(eq(orgs.id, renminOther));
    const res = await create('jijiu', jijiuBranch, body(sibling));
    expect(idProblem(res)).toBe(ID_NUMBER_TAKEN_ELSEWHERE);
    for (const leak of [sibling.name, (await orgName(renminOther)).name]) expect(res.body).not.toContain(leak);
  });
});

describe('the roster preview and import', () => {
  const rowFor = (n: number, h: { idNumber: string; birthDate: string; gender: 'male' | 'female' }) =>
    personRow(n, { 公民身份号码: h.idNumber, 出生日期: new Date(`${h.birthDate}T00:00:00Z`), 性别: GENDER_LABELS[h.gender] });
  const idMessages = (report: RosterReport, row: number) =>
    report.rows.find((r) => r.rowNumber === row)!.problems.filter((p) => p.column === '公民身份号码').map((p) => p.message);

  it('names an in-scope holder, and only says "registered elsewhere" of anyone else', async () => {
    const foreign = await holderIn(eq(orgs.unitId, yankeUnit));
    const sibling = await holderIn(eq(orgs.id, renminOther));
    const file = await rosterFile([rowFor(1, foreign), rowFor(2, sibling)]);
    const send = async (login: DemoLogin, step: 'preview' | 'import') =>
      (await ctx.as(login))({ method: 'POST', url: `/api/orgs/${jijiuBranch}/roster/${step}`, payload: file, headers: { 'content-type': XLSX } });

    const renmin = await send('renmin', 'preview');
    expect(renmin.statusCode, renmin.body).toBe(200);
    expect(idMessages(renmin.json(), 2)).toEqual([ID_NUMBER_TAKEN_ELSEWHERE]);
    expect(idMessages(renmin.json(), 3)).toEqual([`公民身份号码已被党员 ${sibling.name}（${(await orgName(renminOther)).name}）使用，请先办理组织关系转接`]);
    for (const leak of foreign.leaks) expect(renmin.body).not.toContain(leak);

    const before = await memberCount();
    const refused = await send('renmin', 'import');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toContainEqual({ field: '第 2 行·公民身份号码', message: ID_NUMBER_TAKEN_ELSEWHERE });
    for (const leak of foreign.leaks) expect(refused.body).not.toContain(leak);
    expect(await memberCount()).toBe(before);

    const jijiu = await send('jijiu', 'preview');
    expect(jijiu.statusCode, jijiu.body).toBe(200);
    expect(idMessages(jijiu.json(), 2)).toEqual([ID_NUMBER_TAKEN_ELSEWHERE]);
    expect(idMessages(jijiu.json(), 3)).toEqual([ID_NUMBER_TAKEN_ELSEWHERE]);
    for (const leak of [...foreign.leaks, sibling.name, (await orgName(renminOther)).name]) expect(jijiu.body).not.toContain(leak);
  });
});
