import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueCount } from '@wj/domain/quality';
import type { BranchScoreDetail, BranchScoreRow, GapLine, OrgTreeNode, UnitScoreRow } from '@wj/domain/schemas';
import { users } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/** The Excel exports read back with exceljs and compared, row by row, with the API's answers for the same year. */
let ctx: TestContext;
let admin: Client;
let tree: OrgTreeNode;
const YEAR = 2025; // a whole past year: what is due does not move with the day the test runs

const get = async <T>(client: Client, url: string): Promise<T> => {
  const res = await client(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

async function download(client: Client, url: string, name: RegExp) {
  const res = await client(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const encoded = /filename\*=UTF-8''(\S+)$/.exec(String(res.headers['content-disposition']))?.[1];
  expect(decodeURIComponent(encoded ?? '')).toMatch(name);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** Data rows as objects keyed by the header row's text. */
function rowsOf(ws: ExcelJS.Worksheet, headerRow = 2): Record<string, ExcelJS.CellValue>[] {
  const header = (ws.getRow(headerRow).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i).value] as const).filter(([h]) => h)));
  });
  return out;
}

const frozen = (ws: ExcelJS.Worksheet) => ws.views[0] as { state?: string; ySplit?: number };

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  tree = (await get<{ root: OrgTreeNode }>(admin, '/api/orgs/tree')).root;
});
afterAll(() => ctx.close());

describe('scores.xlsx', () => {
  it('holds the units of /api/quality/units and, per unit, the branches of /api/quality/branches, as numbers', async () => {
    const wb = await download(admin, `/api/reports/scores.xlsx?year=${YEAR}`, /^市卫生健康委直属机关2025年度党支部质量评价得分\.xlsx$/);
    const units = (await get<{ items: UnitScoreRow[] }>(admin, `/api/quality/units?year=${YEAR}`)).items;
    const summary = wb.getWorksheet('各单位汇总')!;
    expect(frozen(summary)).toMatchObject({ state: 'frozen', ySplit: 2 });
    // A title row naming the issuer, the year and the day the figures stand at; landscape, one page wide, headers repeated.
    expect(summary.getCell(1, 1).value).toBe(`市卫生健康委直属机关党委  ${YEAR}年度各单位质量评价得分（截至${YEAR}年12月31日）`);
    expect(summary.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(summary.getColumn(2).width).toBeGreaterThan(10);
    const rows = rowsOf(summary);
    expect(rows).toHaveLength(units.length);
    for (const u of units) {
      const r = rows.find((x) => x['党组织'] === u.name)!;
      expect(r, u.name).toBeDefined();
      expect([r['综合得分'], r['支部平均分'], r['责任落实得分'], r['支部数'], r['单位问题数'], r['红色问题数']])
        .toEqual([u.total, u.branchAverage.total, u.responsibility.score, u.branchCount, u.gapCount, u.redCount]);

      const sheet = wb.getWorksheet(u.institutionName!)!;
      expect(sheet, u.institutionName!).toBeDefined();
      expect(frozen(sheet).ySplit).toBe(2);
      expect(String(sheet.getCell(1, 1).value)).toContain(`${u.institutionName}党支部质量评价得分`);
      expect(sheet.pageSetup.orientation).toBe('landscape');
      const branches = (await get<{ items: BranchScoreRow[] }>(admin, `/api/quality/branches?year=${YEAR}&unitId=${u.orgId}`)).items;
      const lines = rowsOf(sheet);
      expect(lines.map((l) => l['党支部']).sort()).toEqual(branches.map((b) => b.name).sort());
      // 支部问题数 is the branches' own problems summed, not the unit's.
      expect(r['支部问题数']).toBe(branches.reduce((n, b) => n + b.gapCount, 0));
      for (const b of branches) {
        const l = lines.find((x) => x['党支部'] === b.name)!;
        expect([l['总分'], l['党员数'], l['问题数'], l['支部班子强'], l['作用发挥强']]).toEqual([
          b.total, b.memberCount, b.gapCount,
          b.dimensions.leadership.applicable ? b.dimensions.leadership.score : null, b.dimensions.role.applicable ? b.dimensions.role.score : null,
        ]);
        expect(String(l['问题'] ?? '').split('\n').filter(Boolean)).toHaveLength(b.gapCount);
        expect(String(l['提醒事项'] ?? '').split('\n').filter(Boolean)).toHaveLength(b.reminderCount);
        // Full marks: no 问题 at all, whatever the reminders.
        if (b.total === 100) expect(l['问题数']).toBe(0);
      }
    }
    const about = rowsOf(wb.getWorksheet('说明')!, 1);
    expect(about.find((r) => r['项目'] === '统计截至')!['内容']).toEqual(new Date(Date.UTC(YEAR, 11, 31)));
  });

  it('a unit secretary\'s copy holds their unit only; the committee\'s leaders may download too', async () => {
    const wb = await download(await ctx.as('renmin'), `/api/reports/scores.xlsx?year=${YEAR}`, /^中共市人民医院委员会2025年度/);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各单位汇总', '市人民医院', '说明']);
    await download(await ctx.as('leader'), `/api/reports/scores.xlsx?year=${YEAR}`, /质量评价得分/);
  });
});

describe('gaps.xlsx', () => {
  it('lists every gap of /api/quality/gaps with its count, and every organisation behind it with its message', async () => {
    const wb = await download(admin, `/api/reports/gaps.xlsx?year=${YEAR}`, /问题清单\.xlsx$/);
    const { items } = await get<{ items: GapLine[] }>(admin, `/api/quality/gaps?year=${YEAR}`);
    const summary = rowsOf(wb.getWorksheet('问题汇总')!);
    expect(String(wb.getWorksheet('问题汇总')!.getCell(1, 1).value)).toMatch(/^市卫生健康委直属机关党委  2025年度问题清单/);
    for (const name of ['问题汇总', '问题明细']) expect(wb.getWorksheet(name)!.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:2' });
    const TIER = { regulation: '党内法规', commission: '本委工作要求', reminder: '提醒' } as const;
    expect(summary.map((r) => [r['性质'], r['问题'], r['涉及数'], r['红色'], r['黄色']]))
      .toEqual(items.map((g) => [TIER[g.tier], g.text, g.count, g.red, g.amber]));
    // No column says 违反 for a colour, and no English code is shown.
    const headers = (wb.getWorksheet('问题汇总')!.getRow(2).values as unknown[]).map(String);
    expect(headers).not.toContain('问题代码');
    expect(summary.every((r) => !String(r['颜色']).includes('违反'))).toBe(true);
    const detail = rowsOf(wb.getWorksheet('问题明细')!);
    expect(detail).toHaveLength(items.reduce((n, g) => n + g.orgs.length, 0));
    for (const g of items) {
      for (const o of g.orgs) {
        expect(detail.some((r) => r['性质'] === TIER[g.tier] && r['组织'] === o.name && r['问题描述'] === o.message && r['得分'] === o.total), `${g.code} ${o.name}`).toBe(true);
      }
    }
    // The 问题 column states the problem, not the requirement: 未按期换届, not 支委会按期换届.
    expect(detail.every((r) => /^[^\d]/.test(String(r['问题'])))).toBe(true);
    const term = items.find((g) => g.code === 'committee_term' && g.tier === 'regulation');
    if (term) expect(detail.find((r) => r['组织'] === term.orgs[0]!.name && r['问题描述'] === term.orgs[0]!.message)!['问题']).toBe('未按期换届');
  });
});

describe('org-life.xlsx', () => {
  it('gives each branch its due, held and on-time meetings, agreeing with the meeting records and the quality model', async () => {
    const wb = await download(admin, `/api/reports/org-life.xlsx?year=${YEAR}`, /组织生活落实情况\.xlsx$/);
    const ws = wb.getWorksheet('组织生活')!;
    expect(frozen(ws)).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(String(ws.getCell(1, 1).value)).toContain('2025年度组织生活落实情况');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:3' });
    expect(ws.getCell(2, 3).value).toBe('支部党员大会');
    expect([ws.getCell(3, 3).value, ws.getCell(3, 4).value, ws.getCell(3, 5).value]).toEqual(['应开', '实开', '按期']);
    expect(ws.rowCount - 3).toBe(tree.counts.branches);

    const rules = (await get<{ rules: { params: Record<string, number> } }>(admin, '/api/quality/rules')).rules;
    const branchId = (await ctx.db.select().from(users).where(eq(users.username, 'jijiu')))[0]!.scopeOrgId!;
    const all = (n: OrgTreeNode): OrgTreeNode[] => [n, ...n.children.flatMap(all)];
    const branch = all(tree).find((b) => b.id === branchId)!;
    const row = [...Array(ws.rowCount - 3).keys()].map((i) => ws.getRow(i + 4)).find((r) => r.getCell(2).value === branch.name)!;
    const meetings = await get<{ type: string; date: string }[]>(admin, `/api/orgs/${branch.id}/meetings?year=${YEAR}&type=general_meeting`);
    const [due, held, onTime] = [3, 4, 5].map((c) => row.getCell(c).value);
    expect(held).toBe(meetings.length);
    expect(due).toBe(dueCount(rules.params.generalMeetingPerYear!, YEAR, `${YEAR}-12-31`));
    const detail = await get<BranchScoreDetail>(admin, `/api/quality/branches/${branch.id}?year=${YEAR}`);
    const lacking = detail.gaps.some((g) => g.code === 'general_meeting');
    expect(onTime === due).toBe(!lacking);
  });
});

describe('roster.xlsx', () => {
  const idCol = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as string[]).indexOf('公民身份号码');

  it('gives a unit secretary their unit\'s members with 公民身份号码 masked, and dates as dates', async () => {
    const unit = tree.children.find((u) => u.institutionName === '市人民医院')!;
    const wb = await download(await ctx.as('renmin'), '/api/reports/roster.xlsx', /党员名册\.xlsx$/);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount - 1).toBe(unit.counts.members);
    const ids = [...Array(ws.rowCount - 1).keys()].map((i) => String(ws.getRow(i + 2).getCell(idCol(ws)).value));
    expect(ids.every((v) => /^\d\*{16}[\dX]$/.test(v))).toBe(true);
    const birth = (ws.getRow(1).values as string[]).indexOf('出生日期');
    expect(ws.getRow(2).getCell(birth).value).toBeInstanceOf(Date);
  });

  it('gives admin the full numbers, and refuses a branch secretary', async () => {
    const unit = tree.children.find((u) => u.institutionName === '市眼科医院')!;
    const wb = await download(admin, `/api/reports/roster.xlsx?unitId=${unit.id}`, /党员名册\.xlsx$/);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(2).getCell(idCol(ws)).value)).toMatch(/^\d{17}[\dX]$/);
    expect((await (await ctx.as('jijiu'))('/api/reports/roster.xlsx')).statusCode).toBe(403);
    expect((await (await ctx.as('yanke'))(`/api/reports/gaps.xlsx?unitId=${tree.children[0]!.id}`)).statusCode).toBe(403);
  });
});
