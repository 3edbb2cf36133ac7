import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { OrgTreeNode, RosterReport } from '@wj/domain/schemas';
import { members, users } from '../../src/db/schema/index.js';
import { dbStateHash, holdSessionTouches, nationalRow, NATIONAL_HEADERS, NATIONAL_JOBS, readXlsx, rosterFile, XLSX, type RosterCells } from '../fixtures/roster.js';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { planRoster, planRosterInSlices, planStillHolds } from '../../src/modules/roster/plan.js';
import { readRosterSheet } from '../../src/modules/roster/read-workbook.js';
import { branchTarget } from '../../src/modules/roster/routing.js';

/** Issue 12: the export an office already has from 全国党员管理信息系统, imported as it is. */
let ctx: TestContext;
let renmin: Client;
let unit: OrgTreeNode;
let branch: OrgTreeNode;
let second: OrgTreeNode;
let yankeBranch: OrgTreeNode;

const branchesOf = (n: OrgTreeNode): OrgTreeNode[] => (n.kind === 'branch' ? [n] : n.children.flatMap(branchesOf));

beforeAll(async () => {
  ctx = await build();
  renmin = await ctx.as('renmin');
  const root: OrgTreeNode = (await renmin('/api/orgs/tree')).json().root;
  unit = root.children.find((u) => u.institutionName === '市人民医院')!;
  const jijiu = (await ctx.db.select({ id: users.scopeOrgId }).from(users).where(eq(users.username, 'jijiu')))[0]!.id!;
  branch = branchesOf(unit).find((b) => b.id === jijiu)!;
  second = branchesOf(unit).find((b) => b.id !== jijiu)!;
  const admin = await ctx.as('admin');
  const full: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
  yankeBranch = branchesOf(full.children.find((u) => u.institutionName === '市眼科医院')!)[0]!;
});
afterAll(() => ctx.close());

type Step = 'preview' | 'import' | 'problems';
const send = (level: 'orgs' | 'units', id: number, step: Step, file: Buffer) =>
  renmin({ method: 'POST', url: `/api/${level}/${id}/roster/${step}`, headers: { 'content-type': XLSX }, payload: file });
const nationalFile = (rows: RosterCells[]) => rosterFile(rows, { headers: NATIONAL_HEADERS, title: '中共市人民医院委员会党员名册', mergeTitle: true });
const stored = async (rows: RosterCells[]) => {
  const byId = new Map((await ctx.db.select().from(members).where(inArray(members.idNumber, rows.map((r) => r['公民身份号码'] as string)))).map((m) => [m.idNumber, m]));
  return rows.map((r) => byId.get(r['公民身份号码'] as string));
};
const isoOf = (v: RosterCells[string]) => {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const [y, m, d] = String(v).split(/[-/.]/);
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
};
/** What the import must make of each national word: written out here, not looked up in the code under test. */
const JOB_CODE: Record<string, string | null> = { 医生: 'doctor', 护士: 'nurse', 医技人员: 'technician', 药剂人员: 'pharmacist', 管理人员: 'management', 工勤技能人员: 'logistics', 离退休人员: null };
const EDUCATION_CODE: Record<string, string> = { 研究生: 'postgraduate_master', 大学本科: 'bachelor', 大学专科: 'college', 中专: 'secondary' };

async function refusedWithoutTrace(run: () => ReturnType<Client>) {
  await holdSessionTouches(ctx.db); // no session touch (once a minute) during the check
  const before = await dbStateHash(ctx.db);
  const res = await run();
  expect(await dbStateHash(ctx.db)).toBe(before);
  return res;
}
const problemOf = (report: RosterReport, row: number) => report.rows.find((r) => r.rowNumber === row)!.problems;

describe('a national export into one branch', () => {
  it('imports every good row without touching a cell: title row, national headers, four date forms, national words', async () => {
    // Rows 3…22 (row 1 is the merged title, row 2 the header); 所在党支部 written three ways.
    const names = [branch.name, `市人民医院${branch.name}`, `中共市人民医院委员会${branch.name}`];
    const rows = Array.from({ length: 20 }, (_, i) => nationalRow(i, names[i % 3]!));
    rows[4] = { ...rows[4]!, 党籍状态: '停止党籍', 是否为流动党员: '是' };
    rows[5] = { ...rows[5]!, 是否为失联党员: '是' };
    expect(new Set(rows.map((r) => r['工作岗位']))).toEqual(new Set(NATIONAL_JOBS));
    const file = await nationalFile(rows);

    const preview = await send('orgs', branch.id, 'preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const report: RosterReport = preview.json();
    expect(report.rows.filter((r) => r.problems.length)).toEqual([]);
    expect(report.summary).toMatchObject({ create: 20, error: 0 });
    expect(report.rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
    expect(report.rows.every((r) => r.branchName === branch.name)).toBe(true);
    // The platform's own columns the national export lacks: each said once, with what the import does instead.
    expect(report.notices.map((n) => n.column)).toEqual(['在职/离退休', '专业技术职务', '所在科室', '高层次人才', '内设机构负责人']);
    expect(report.notices[0]!.message).toContain('按在职导入');

    const imported = await send('orgs', branch.id, 'import', file);
    expect(imported.statusCode, imported.body).toBe(200);
    const saved = await stored(rows);
    rows.forEach((r, i) => {
      const m = saved[i]!;
      expect(m, `row ${i + 3}`).toBeDefined();
      const retired = r['工作岗位'] === '离退休人员';
      expect(m).toMatchObject({
        orgId: branch.id, name: r['姓名'], birthDate: isoOf(r['出生日期']!), joinDate: isoOf(r['入党日期']!), fullDate: isoOf(r['转为正式党员日期']!),
        jobCategory: JOB_CODE[r['工作岗位'] as string], employment: retired ? 'retired' : 'in_service', education: EDUCATION_CODE[r['学历'] as string],
        ethnicity: r['民族'], titleLevel: 'none', category: 'full',
      });
    });
    expect(saved[4]).toMatchObject({ partyStanding: 'suspended', floating: true, lostContact: false });
    expect(saved[5]).toMatchObject({ partyStanding: 'normal', floating: false, lostContact: true });

    // The member page shows what was stored.
    const detail = (await renmin(`/api/members/${saved[4]!.id}`)).json();
    expect(detail).toMatchObject({ partyStanding: 'suspended', floating: true, lostContact: false });
    // And the roster lists it.
    const listed = (await renmin(`/api/orgs/${branch.id}/members?q=${encodeURIComponent(saved[5]!.name)}`)).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: saved[5]!.id, partyStanding: 'normal', lostContact: true, floating: false })]);
  });

  it('columns the file lacks leave a stored member as it was', async () => {
    const row = nationalRow(40, branch.name);
    const product = { ...row, '在职/离退休': '在职', 专业技术职务: '正高', 高层次人才: '是', 所在科室: '心血管内科' };
    const withOwn = await rosterFile([product], { headers: [...NATIONAL_HEADERS, '在职/离退休', '专业技术职务', '高层次人才', '所在科室'] });
    expect((await send('orgs', branch.id, 'import', withOwn)).statusCode).toBe(200);
    const again = await send('orgs', branch.id, 'import', await nationalFile([{ ...row, 联系电话: '13800009999' }]));
    expect(again.json().rows[0]).toMatchObject({ action: 'update', changes: ['联系电话'] });
    expect((await stored([row]))[0]).toMatchObject({ titleLevel: 'senior', isTalent: true, department: '心血管内科', phone: '13800009999' });
  });
});

describe('each refusal named with row, column and reason; nothing written', () => {
  const today = new Date(Date.now() + 8 * 3600_000);
  const yearsAgo = (n: number, months = 0) => {
    const d = new Date(Date.UTC(today.getUTCFullYear() - n, today.getUTCMonth() - months, 10));
    return d.toISOString().slice(0, 10);
  };
  const cases: [string, RosterCells, string, string][] = [
    ['转正 one month after 入党', { 入党日期: '2015-03-01', 转为正式党员日期: '2015-04-01' }, '转为正式党员日期', '满一年'],
    ['a 预备党员 for four years', { 人员类别: '预备党员', 入党日期: yearsAgo(4), 转为正式党员日期: null }, '人员类别', '已满两年仍未转正'],
    ['an SQL fragment as name', { 姓名: "Bob');--" }, '姓名', '只能由汉字、字母、间隔号“·”和空格组成'],
    ['markup as name', { 姓名: '<b>张三</b>' }, '姓名', '只能由汉字、字母、间隔号“·”和空格组成'],
    ['an unknown 工作岗位', { 工作岗位: '保安员' }, '工作岗位', '医技人员'],
    ['an unknown 学历', { 学历: '博士后' }, '学历', '大学本科'],
    ['an unknown 党籍状态', { 党籍状态: '开除' }, '党籍状态', '停止党籍'],
    ['an unknown 民族', { 民族: '火星族' }, '民族', '56 个民族'],
    ['another branch of the unit', { 所在党支部: 'SECOND' }, '所在党支部', '不是所选的'],
  ];
  it.each(cases)('%s', async (_name, over, column, reason) => {
    const cells = { ...over, ...(over['所在党支部'] === 'SECOND' ? { 所在党支部: second.name } : {}) };
    const rows = [nationalRow(60, branch.name), nationalRow(61, branch.name, cells)];
    const file = await nationalFile(rows);
    const preview: RosterReport = (await send('orgs', branch.id, 'preview', file)).json();
    expect(preview.summary.error).toBe(1);
    const problems = problemOf(preview, 4);
    expect(problems.map((p) => p.column)).toEqual([column]);
    expect(problems[0]!.message).toContain(reason);
    const res = await refusedWithoutTrace(() => send('orgs', branch.id, 'import', file));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ field: `第 4 行·${column}`, message: expect.stringContaining(reason) });
  });

  it('accepts names with 间隔号 and Latin letters, and flags a 预备党员 past one year without refusing', async () => {
    const rows = [
      nationalRow(70, branch.name, { 姓名: '阿依古丽·买买提' }),
      nationalRow(71, branch.name, { 姓名: 'Anna Li' }),
      nationalRow(72, branch.name, { 人员类别: '预备党员', 入党日期: yearsAgo(1, 1), 转为正式党员日期: null }),
    ];
    const report: RosterReport = (await send('orgs', branch.id, 'preview', await nationalFile(rows))).json();
    expect(report.summary).toMatchObject({ create: 3, error: 0 });
    expect(report.rows[2]!.notes).toEqual([{ column: '人员类别', message: expect.stringContaining('预备期已满一年仍未转正') }]);
    expect(report.rows[0]!.notes).toEqual([]);
  });
});

describe('a national export into a whole unit', () => {
  it('routes each row to the branch its 所在党支部 names, in any of its written forms', async () => {
    const forms = (b: OrgTreeNode) => [b.name, `市人民医院${b.name}`, `中共市人民医院委员会${b.name}`, ` ${b.name} `];
    const rows = [...forms(branch), ...forms(second)].map((name, i) => nationalRow(100 + i, name));
    const file = await nationalFile(rows);
    const preview: RosterReport = (await send('units', unit.id, 'preview', file)).json();
    expect(preview.summary).toMatchObject({ create: 8, error: 0 });
    expect(preview.rows.map((r) => r.branchName)).toEqual([...Array(4).fill(branch.name), ...Array(4).fill(second.name)]);
    expect((await send('units', unit.id, 'import', file)).statusCode).toBe(200);
    expect((await stored(rows)).map((m) => m!.orgId)).toEqual([...Array(4).fill(branch.id), ...Array(4).fill(second.id)]);
  });

  it('refuses a row naming a branch outside the unit, or none, without naming who is there', async () => {
    const rows = [nationalRow(120, branch.name), nationalRow(121, yankeBranch.name), nationalRow(122, '')];
    rows[2]!['所在党支部'] = null;
    const file = await nationalFile(rows);
    const report: RosterReport = (await send('units', unit.id, 'preview', file)).json();
    expect(report.rows.map((r) => r.problems.map((p) => p.column))).toEqual([[], ['所在党支部'], ['所在党支部']]);
    expect(problemOf(report, 4)[0]!.message).toContain(`不是${unit.name}的党支部`);
    expect(problemOf(report, 5)[0]!.message).toContain('请填写所在党支部');
    const res = await refusedWithoutTrace(() => send('units', unit.id, 'import', file));
    expect(res.statusCode).toBe(400);
  });

  it('is for units only, and only the caller\'s own', async () => {
    const file = await nationalFile([nationalRow(130, branch.name)]);
    const onBranch = await refusedWithoutTrace(() => send('units', branch.id, 'preview', file));
    expect(onBranch.statusCode).toBe(400);
    expect(onBranch.json().error.message).toContain('按单位导入只能选择单位党组织');
    const admin = await ctx.as('admin');
    const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
    const yanke = root.children.find((u) => u.institutionName === '市眼科医院')!;
    expect((await refusedWithoutTrace(() => send('units', yanke.id, 'import', file))).statusCode).toBe(403);
  });

  it('the unit export imports back at unit level as unchanged rows', async () => {
    const exported = (await renmin(`/api/orgs/${unit.id}/roster/export`)).rawPayload;
    const admin = await ctx.as('admin');
    const full = (await admin(`/api/orgs/${unit.id}/roster/export`)).rawPayload;
    // Below admin the numbers are masked: the export cannot be re-imported as is (it says so), admin's can.
    const masked: RosterReport = (await send('units', unit.id, 'preview', exported)).json();
    expect(masked.summary.error).toBe(masked.rows.length);
    const res = await admin({ method: 'POST', url: `/api/units/${unit.id}/roster/preview`, headers: { 'content-type': XLSX }, payload: full });
    const report: RosterReport = res.json();
    expect(report.rows.filter((r) => r.problems.length)).toEqual([]);
    expect(report.summary).toMatchObject({ create: 0, error: 0, unchanged: report.rows.length });
  });
});

describe('the 问题 file', () => {
  it('is the uploaded file with a 问题 column filled for exactly the bad rows', async () => {
    const rows = [
      nationalRow(200, branch.name), nationalRow(201, branch.name, { 工作岗位: '保安员' }), nationalRow(202, branch.name),
      nationalRow(203, branch.name, { 姓名: '<b>张三</b>', 转为正式党员日期: '2099-01-01' }),
    ];
    const file = await nationalFile(rows);
    const res = await refusedWithoutTrace(() => send('orgs', branch.id, 'problems', file));
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('党员名册问题清单.xlsx');
    const { rows: back } = await readXlsx(res.rawPayload);
    expect(back[0]![0]).toBe('中共市人民医院委员会党员名册');
    expect(back[1]).toEqual([...NATIONAL_HEADERS, '问题']);
    const problem = (r: unknown[]) => r[NATIONAL_HEADERS.length] ?? null;
    expect(back.slice(2).map((r) => r[1])).toEqual(rows.map((r) => r['姓名']));
    expect(problem(back[2]!)).toBeNull();
    expect(String(problem(back[3]!))).toContain('【工作岗位】');
    expect(problem(back[4]!)).toBeNull();
    expect(String(problem(back[5]!))).toMatch(/【姓名】.*；【转为正式党员日期】/);
  });
});

describe('planning outside the transaction', () => {
  it('holds only while the numbers\' holders are unchanged; the import plans again otherwise', async () => {
    const row = nationalRow(300, branch.name);
    const sheet = await readRosterSheet(await nationalFile([row]));
    const me = (await ctx.db.select().from(users).where(eq(users.username, 'renmin')))[0]!;
    const target = await branchTarget(ctx.db, branch.id, { name: branch.name });
    const plan = await planRosterInSlices(ctx.db, target, sheet.rows, me as never);
    expect(plan.rows[0]!.action).toBe('create');
    expect(await planStillHolds(ctx.db, target, plan)).toBe(true);
    // Meanwhile someone enrols the same person in another branch.
    const created = await renmin({
      method: 'POST', url: `/api/orgs/${second.id}/members`,
      payload: {
        name: row['姓名'], gender: row['性别'] === '男' ? 'male' : 'female', ethnicity: '汉族', birthDate: isoOf(row['出生日期']!), education: 'bachelor',
        idNumber: row['公民身份号码'], joinDate: isoOf(row['入党日期']!), fullDate: isoOf(row['转为正式党员日期']!), category: 'full', employment: 'in_service',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await planStillHolds(ctx.db, target, plan)).toBe(false);
    const again = await planRoster(ctx.db, target, sheet.rows, me as never);
    expect(again.rows[0]!.problems.map((p) => p.column)).toEqual(['公民身份号码']);
  });
});
