import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckDigit } from '@wj/domain';
import type { RosterReport } from '@wj/domain/schemas';
import { rawRows } from '../../src/db/raw.js';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { XLSX } from '../fixtures/roster.js';

/**
 * The attacker's pass on issue 9 found that a roster preview confirms guesses:
 * a unit secretary sends one file with every candidate 公民身份号码 of one
 * member (each row otherwise true to the roster export they are shown), and
 * the one row the preview calls an update is the real number. Now one person
 * may appear only once per file, and a user's uploads are limited per hour,
 * so guessing takes one upload per candidate, at most 30 an hour.
 */
let ctx: TestContext;
let renmin: Client;
let branchId: number;
let truth: { id: number; idNumber: string; name: string };
let shown: { headers: string[]; row: ExcelJS.CellValue[] };

beforeAll(async () => {
  ctx = await build();
  renmin = await ctx.as('renmin');
  const [jijiuBranch] = await rawRows<{ id: number }>(ctx.db, "select scope_org_id as id from users where username = 'jijiu'");
  branchId = jijiuBranch!.id;
  [truth] = await rawRows<typeof truth>(ctx.db, `select id, id_number as "idNumber", name from members where org_id = ? and status = 'active' order by id limit 1`, [branchId]) as [typeof truth];
  // What renmin is shown of that member: their row of the roster export.
  const res = await renmin(`/api/orgs/${branchId}/roster/export`);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const nameCol = headers.indexOf('姓名') + 1;
  let row: ExcelJS.CellValue[] = [];
  ws.eachRow((r, n) => { if (n > 1 && r.getCell(nameCol).value === truth.name && !row.length) row = (r.values as ExcelJS.CellValue[]).slice(1); });
  expect(row.length).toBeGreaterThan(0);
  shown = { headers, row };
});
afterAll(() => ctx.close());

/** Candidates an attacker would try: the real number among others with the same region, birth date, sex and a valid check digit. */
function candidates(real: string, n: number): string[] {
  const out = [real];
  const seq = Number(real.slice(14, 17));
  for (let s = seq % 2; out.length < n; s += 2) {
    const first17 = `${real.slice(0, 14)}${String(s).padStart(3, '0')}`;
    const id = first17 + idCheckDigit(first17);
    if (id !== real) out.push(id);
  }
  return out;
}

async function fileOf(idNumbers: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(shown.headers);
  idNumbers.forEach((id, i) => {
    const cells = shown.row.slice();
    cells[shown.headers.indexOf('序号')] = i + 1;
    cells[shown.headers.indexOf('公民身份号码')] = id;
    cells[shown.headers.indexOf('联系电话')] = '13900001111';
    ws.addRow(cells);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const preview = (file: Buffer) =>
  renmin({ method: 'POST', url: `/api/orgs/${branchId}/roster/preview`, headers: { 'content-type': XLSX }, payload: file });

describe('a roster preview is no oracle for a member’s number', () => {
  it('one file of candidates: every row refused alike, the real number’s row indistinguishable', async () => {
    const ids = candidates(truth.idNumber, 12);
    const res = await preview(await fileOf(ids));
    expect(res.statusCode).toBe(200);
    const report = res.json() as RosterReport;
    expect(report.rows).toHaveLength(12);
    expect(report.rows.every((r) => r.action === 'error')).toBe(true);
    // Problems with the row numbers taken out: the same for every row, the real one included.
    const shape = (r: RosterReport['rows'][number]) => r.problems.map((p) => `${p.column}:${p.message.replace(/\d+(、\d+)*/g, '#')}`).sort().join('|');
    expect(new Set(report.rows.map(shape)).size).toBe(1);
    expect(shape(report.rows[0]!)).toContain('同一党员在名册中只能出现一次');
  });

  it('a one-row file still says update for the real number (the duplicate check the issue asks for) — which is why uploads are limited', async () => {
    const real = (await preview(await fileOf([truth.idNumber]))).json() as RosterReport;
    const guess = (await preview(await fileOf([candidates(truth.idNumber, 2)[1]!]))).json() as RosterReport;
    expect(real.rows[0]!.action).toBe('update');
    expect(guess.rows[0]!.action).not.toBe('update');
  });

  it('a user gets 30 uploads an hour; the next is refused with RATE_LIMITED, and another user is unaffected', async () => {
    const file = await fileOf([truth.idNumber]);
    const codes: number[] = [];
    // The earlier tests of this file used 3 of renmin's 30.
    for (let i = 0; i < 27; i++) codes.push((await preview(file)).statusCode);
    expect(codes).toEqual(Array(27).fill(200));
    const refused = await preview(file);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    const admin = await ctx.as('admin');
    const other = await admin({ method: 'POST', url: `/api/orgs/${branchId}/roster/preview`, headers: { 'content-type': XLSX }, payload: file });
    expect(other.statusCode).toBe(200);
  }, 120_000);
});
