import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { EDUCATION_LABELS, GENDER_LABELS, TITLE_LEVEL_LABELS } from '@wj/domain';
import type { MemberListItem, OrgTreeNode, RosterReport } from '@wj/domain/schemas';
import { auditLog, members, users } from '../../src/db/schema/index.js';
import { dbStateHash, holdSessionTouches, HEADERS, personRow, readXlsx, rosterFile, XLSX, type RosterCells } from '../fixtures/roster.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let admin: Client;
let renmin: Client;
let renminUnit: OrgTreeNode;
let branch: OrgTreeNode; // the 急救 branch (jijiu's)
let otherBranch: OrgTreeNode; // another 人民医院 branch
let yankeBranch: OrgTreeNode;

const branchesOf = (n: OrgTreeNode): OrgTreeNode[] => (n.kind === 'branch' ? [n] : n.children.flatMap(branchesOf));

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  renmin = await ctx.as('renmin');
  const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
  renminUnit = root.children.find((u) => u.institutionName === '市人民医院')!;
  const jijiuBranchId = (await ctx.db.select({ id: users.scopeOrgId }).from(users).where(eq(users.username, 'jijiu')))[0]!.id!;
  branch = branchesOf(renminUnit).find((b) => b.id === jijiuBranchId)!;
  otherBranch = branchesOf(renminUnit).find((b) => b.id !== branch.id)!;
  yankeBranch = branchesOf(root.children.find((u) => u.institutionName === '市眼科医院')!)[0]!;
});
afterAll(() => ctx.close());

const upload = (client: Client, orgId: number, step: 'preview' | 'import', file: Buffer | string, type = XLSX) =>
  client({ method: 'POST', url: `/api/orgs/${orgId}/roster/${step}`, headers: { 'content-type': type }, payload: file });
const memberCount = async () => (await ctx.db.select({ n: count() }).from(members))[0]!.n;
const byIdNumber = (ids: string[]) => ctx.db.select().from(members).where(inArray(members.idNumber, ids)).orderBy(members.id);
const idOf = (r: RosterCells) => r['公民身份号码'] as string;

/** Runs a refused upload and checks that no row of any table changed (dbStateHash). */
async function refusedWithoutTrace(client: Client, send: () => ReturnType<Client>) {
  await holdSessionTouches(ctx.db); // no session touch (once a minute) during the check
  const before = await dbStateHash(ctx.db);
  const res = await send();
  expect(await dbStateHash(ctx.db)).toBe(before);
  return res;
}
const problemsOf = (report: RosterReport) =>
  report.rows.filter((r) => r.action === 'error').map((r) => ({ row: r.rowNumber, columns: [...new Set(r.problems.map((p) => p.column))].sort() }));

describe('the template', () => {
  it('is an .xlsx with the national roster columns, an example row, a 填写说明 sheet and a Chinese file name', async () => {
    const res = await renmin('/api/roster/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('党员名册导入模板.xlsx');
    const { wb, rows } = await readXlsx(res.rawPayload);
    // 序号 and the national system's columns in its order, then the platform's own (written out: the layout is the contract).
    expect(rows[0]).toEqual([
      '序号', '姓名', '性别', '公民身份号码', '民族', '出生日期', '学历', '人员类别', '所在党支部', '入党日期', '转为正式党员日期', '工作岗位',
      '联系电话', '党籍状态', '是否为失联党员', '是否为流动党员', '在职/离退休', '专业技术职务', '所在科室', '高层次人才', '内设机构负责人',
    ]);
    expect(rows[1]!.slice(0, 2)).toEqual([1, '李梅']);
    expect(rows[1]![11]).toBe('医生');
    expect(wb.worksheets[1]!.name).toBe('填写说明');
    expect(wb.worksheets[0]!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('uploaded untouched, has no data: the example row is never imported', async () => {
    const template = (await renmin('/api/roster/template')).rawPayload;
    const res = await refusedWithoutTrace(renmin, () => upload(renmin, branch.id, 'import', template));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('文件中没有党员数据');
  });
});

describe('importing a good file', () => {
  // Dates as Excel date cells and as text in each accepted spelling; a title row above the header.
  const rows = [
    personRow(1),
    personRow(2, { 出生日期: '1972-03-12', 入党日期: '2012/7/1', 转为正式党员日期: '2013.07.01' }),
    personRow(3, { 人员类别: '预备党员', 转为正式党员日期: null, 入党日期: '2025-07-01', 高层次人才: '是', 专业技术职务: '正高', 学历: '博士研究生', 民族: '回' }),
  ];

  it('previews without writing, imports in one go, and re-imports as updates without duplicates', async () => {
    const file = await rosterFile(rows, { title: `${branch.name}党员名册` });
    const before = await memberCount();
    const preview = await upload(renmin, branch.id, 'preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().summary).toEqual({ create: 3, update: 0, error: 0, unchanged: 0 });
    expect(preview.json().rows.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([3, 4, 5]);
    expect(await memberCount()).toBe(before);

    const imported = await upload(renmin, branch.id, 'import', file);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().summary).toEqual({ create: 3, update: 0, error: 0, unchanged: 0 });
    expect(await memberCount()).toBe(before + 3);
    const stored = (await byIdNumber(rows.map(idOf))).sort((a, b) => a.name.localeCompare(b.name));
    expect(stored.map((m) => m.orgId)).toEqual([branch.id, branch.id, branch.id]);
    const third = stored.find((m) => m.idNumber === idOf(rows[2]!))!;
    expect(third).toMatchObject({
      category: 'probationary', fullDate: null, joinDate: '2025-07-01', isTalent: true, titleLevel: 'senior',
      education: 'postgraduate_doctor', ethnicity: '回族', jobCategory: 'nurse', employment: 'in_service',
    });
    expect(stored.find((m) => m.idNumber === idOf(rows[1]!))).toMatchObject({ birthDate: '1972-03-12', joinDate: '2012-07-01', fullDate: '2013-07-01' });

    const audits = (await ctx.db.select().from(auditLog).where(eq(auditLog.username, 'renmin')).orderBy(auditLog.id));
    const memberAudits = audits.filter((a) => a.entityType === 'member' && stored.some((m) => String(m.id) === a.entityId));
    expect(memberAudits.map((a) => a.action)).toEqual(['create', 'create', 'create']);
    expect(audits.filter((a) => a.action === 'import').at(-1)).toMatchObject({ entityType: 'roster', orgId: branch.id, after: { rows: 3, create: 3 } });

    // The same file again: matched by 公民身份号码, nothing new, nothing rewritten.
    const again = await upload(renmin, branch.id, 'import', file);
    expect(again.json().summary).toEqual({ create: 0, update: 3, error: 0, unchanged: 3 });
    expect(await memberCount()).toBe(before + 3);
    expect((await byIdNumber(rows.map(idOf))).map((m) => m.version)).toEqual([1, 1, 1]);

    // One changed phone: that member alone is updated, with its version and an audit entry.
    const changed = await rosterFile([rows[0]!, { ...rows[1]!, 联系电话: '0531-88886666' }, rows[2]!]);
    const res = await upload(renmin, branch.id, 'import', changed);
    expect(res.json().summary).toEqual({ create: 0, update: 3, error: 0, unchanged: 2 });
    expect(res.json().rows[1].changes).toEqual(['联系电话']);
    const m = (await byIdNumber([idOf(rows[1]!)]))[0]!;
    expect(m).toMatchObject({ phone: '0531-88886666', version: 2, updatedBy: 'renmin' });
    expect((await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'member'), eq(auditLog.entityId, String(m.id)))).orderBy(auditLog.id)).map((a) => a.action))
      .toEqual(['create', 'update']);
  });
});

describe('refusing a file with bad rows', () => {
  it('lists exactly the bad rows and columns, and imports nothing', async () => {
    const other = (await ctx.db.select().from(members).where(and(eq(members.orgId, otherBranch.id), eq(members.status, 'active'))).orderBy(members.id).limit(1))[0]!;
    const good = personRow(11);
    const dup = personRow(12);
    const rows = [
      good, // row 2
      personRow(13, { 公民身份号码: `${idOf(personRow(13)).slice(0, 17)}${idOf(personRow(13)).endsWith('0') ? '1' : '0'}` }), // row 3: check digit
      personRow(14, { 入党日期: '2099-01-01', 转为正式党员日期: null, 人员类别: '预备党员' }), // row 4: future date
      personRow(15, { 出生日期: '1980年1月5日' }), // row 5: unreadable date
      dup, // row 6
      { ...personRow(16), 公民身份号码: idOf(dup) }, // row 7: same number as row 6 (and wrong birth date for it)
      personRow(17, { 姓名: other.name, 性别: GENDER_LABELS[other.gender], 公民身份号码: other.idNumber, 出生日期: other.birthDate, 入党日期: other.joinDate, 转为正式党员日期: other.fullDate, 人员类别: other.category === 'full' ? '正式党员' : '预备党员' }), // row 8: another branch's member
      personRow(18, { 所在科室: '科'.repeat(51), 工作岗位: '保安', 联系电话: '12345' }), // row 9: three problems
    ];
    const file = await rosterFile(rows);
    const preview = await upload(renmin, branch.id, 'preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const report: RosterReport = preview.json();
    expect(problemsOf(report)).toEqual([
      { row: 3, columns: ['公民身份号码'] },
      { row: 4, columns: ['入党日期'] },
      { row: 5, columns: ['出生日期'] },
      { row: 6, columns: ['公民身份号码'] },
      { row: 7, columns: ['公民身份号码'] },
      { row: 8, columns: ['公民身份号码'] },
      { row: 9, columns: ['工作岗位', '所在科室', '联系电话'] },
    ]);
    expect(report.summary).toEqual({ create: 1, update: 0, error: 7, unchanged: 0 });
    const messages = (n: number) => report.rows.find((r) => r.rowNumber === n)!.problems.map((p) => p.message).join(' ');
    expect(messages(3)).toContain('校验位不正确');
    expect(messages(4)).toContain('不能晚于今天');
    expect(messages(5)).toContain('出生日期无法识别');
    expect(messages(6)).toContain('与第 7 行重复');
    expect(messages(7)).toContain('与第 6 行重复');
    expect(messages(8)).toContain(`公民身份号码已被党员 ${other.name}（${otherBranch.name}）使用`);

    const res = await refusedWithoutTrace(renmin, () => upload(renmin, branch.id, 'import', file));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('7 行存在问题，未导入任何数据');
    expect(res.json().report).toEqual(report);
    expect(res.json().error.details).toContainEqual({ field: '第 3 行·公民身份号码', message: expect.stringContaining('校验位') });
    expect(await byIdNumber([idOf(good)])).toHaveLength(0);
  });
});

describe('refusing files that are not a roster', () => {
  const one = [personRow(21)];
  it.each([
    ['wrong headers', async () => rosterFile(one, { headers: HEADERS.filter((h) => h !== '公民身份号码' && h !== '入党日期') }), XLSX, 400, '表头缺少以下列：公民身份号码、入党日期'],
    ['merged cells among the data', async () => rosterFile([personRow(22), personRow(23)], { merges: ['N2:N3'] }), XLSX, 400, '数据区域有合并单元格（N2:N3）'],
    ['an empty sheet', async () => rosterFile([]), XLSX, 400, '文件中没有党员数据'],
    ['bytes that are not a spreadsheet', async () => Buffer.from('姓名,性别\n张三,男\n'), XLSX, 400, '请上传 .xlsx 格式的 Excel 文件'],
    ['a zip that is not an .xlsx', async () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), XLSX, 400, '请上传 .xlsx 格式的 Excel 文件'],
    ['a CSV content type', async () => rosterFile(one), 'text/csv', 400, '请上传 .xlsx 格式的 Excel 文件'],
    ['a JSON body', async () => JSON.stringify({ rows: [] }), 'application/json', 400, '请上传 .xlsx 格式的 Excel 文件'],
    ['a file over 5 MB', async () => Buffer.concat([await rosterFile(one), Buffer.alloc(5 * 1024 * 1024)]), XLSX, 413, '文件超过 5 MB'],
  ])('refuses %s with a clear message and writes nothing', async (_name, make, type, status, message) => {
    const file = await make();
    for (const step of ['preview', 'import'] as const) {
      const res = await refusedWithoutTrace(renmin, () => upload(renmin, branch.id, step, file, type));
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.message).toContain(message);
    }
  });

  it('imports only into a 党支部, and only within scope', async () => {
    const file = await rosterFile([personRow(24)]);
    const toUnit = await refusedWithoutTrace(renmin, () => upload(renmin, renminUnit.id, 'import', file));
    expect(toUnit.statusCode).toBe(400);
    expect(toUnit.json().error.message).toContain('党员只能编入党支部');
    expect((await refusedWithoutTrace(renmin, () => upload(renmin, yankeBranch.id, 'import', file))).statusCode).toBe(403);
    const leader = await ctx.as('leader');
    expect((await refusedWithoutTrace(leader, () => upload(leader, branch.id, 'import', file))).statusCode).toBe(403);
    const jijiu = await ctx.as('jijiu');
    expect((await refusedWithoutTrace(jijiu, () => upload(jijiu, otherBranch.id, 'preview', file))).statusCode).toBe(403);
    expect((await upload(ctx.anon, branch.id, 'import', file)).statusCode).toBe(401);
  });
});

describe('exporting', () => {
  async function listAll(client: Client, orgId: number): Promise<MemberListItem[]> {
    const first = (await client(`/api/orgs/${orgId}/members?pageSize=200`)).json();
    const items: MemberListItem[] = [...first.items];
    for (let p = 2; p <= Math.ceil(first.total / 200); p++) items.push(...(await client(`/api/orgs/${orgId}/members?pageSize=200&page=${p}`)).json().items);
    return items;
  }
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

  it('gives a unit\'s members as the API lists them, masked for a unit secretary, with a Chinese file name', async () => {
    const res = await renmin(`/api/orgs/${renminUnit.id}/roster/export`);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('市人民医院党委党员名册.xlsx');
    const { ws, rows } = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['序号', ...HEADERS]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const listed = await listAll(renmin, renminUnit.id);
    const col = (h: string) => HEADERS.indexOf(h) + 1;
    expect(rows.slice(1).map((r, i) => r[0] === i + 1)).not.toContain(false);
    expect(rows.slice(1).map((r) => [r[col('所在党支部')], r[col('姓名')], r[col('性别')], iso(r[col('出生日期')]), iso(r[col('入党日期')]), r[col('学历')], r[col('专业技术职务')]]))
      .toEqual(listed.map((m) => [m.orgName.startsWith('市人民医院') ? m.orgName : `市人民医院${m.orgName}`, m.name, GENDER_LABELS[m.gender], m.birthDate, m.joinDate, EDUCATION_LABELS[m.education], TITLE_LEVEL_LABELS[m.titleLevel]]));
    expect(rows[1]![col('出生日期')]).toBeInstanceOf(Date);
    expect(rows.slice(1).every((r) => /^\d\*{16}[\dX]$/.test(String(r[col('公民身份号码')])))).toBe(true);
    expect(rows.slice(1).every((r) => r[col('联系电话')] == null || /^\d{3}\*{4}\d{4}$/.test(String(r[col('联系电话')])))).toBe(true);
  });

  it('shows admin the full numbers, and exports only the members still on the roll', async () => {
    const res = await admin(`/api/orgs/${branch.id}/roster/export`);
    const { rows } = await readXlsx(res.rawPayload);
    const stored = (await ctx.db.select().from(members).where(and(eq(members.orgId, branch.id), eq(members.status, 'active'))).orderBy(members.id));
    expect(rows.slice(1).map((r) => r[HEADERS.indexOf('公民身份号码') + 1])).toEqual(stored.map((m) => m.idNumber));
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(`市人民医院${branch.name}党员名册.xlsx`);
  });

  it('reads the rows in the render worker as this process reads them (a unit through the reports route, the commission, masked for a unit secretary)', async () => {
    const { rosterRows } = await import('../../src/modules/roster/export-rows.js');
    const { exportWorkbook } = await import('../../src/modules/roster/write-workbook.js');
    const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
    const res = await admin(`/api/reports/roster.xlsx?unitId=${renminUnit.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const here = await readXlsx(await exportWorkbook(await rosterRows(ctx.db, renminUnit.id, true), 'T'));
    const there = await readXlsx(res.rawPayload);
    expect(there.rows.length).toBeGreaterThan(50);
    expect(there.rows).toEqual(here.rows);
    const whole = await admin(`/api/orgs/${root.id}/roster/export`);
    expect(whole.statusCode, whole.body).toBe(200);
    expect((await readXlsx(whole.rawPayload)).rows).toEqual((await readXlsx(await exportWorkbook(await rosterRows(ctx.db, root.id, true), 'T'))).rows);
    const masked = await readXlsx((await renmin(`/api/orgs/${renminUnit.id}/roster/export`)).rawPayload);
    expect(masked.rows).toEqual((await readXlsx(await exportWorkbook(await rosterRows(ctx.db, renminUnit.id, false), 'T'))).rows);
  });

  it('round-trips: admin\'s export of a branch imports back into it as unchanged updates', async () => {
    const exported = (await admin(`/api/orgs/${otherBranch.id}/roster/export`)).rawPayload;
    const res = await upload(admin, otherBranch.id, 'preview', exported);
    expect(res.statusCode, res.body).toBe(200);
    const report: RosterReport = res.json();
    expect(problemsOf(report)).toEqual([]);
    expect(report.summary).toMatchObject({ create: 0, error: 0, unchanged: report.rows.length });
    expect(report.rows.length).toBe((await listAll(admin, otherBranch.id)).length);
  });
});
