import ExcelJS from 'exceljs';
import { todayIso } from '@wj/domain/schemas';
import type { ReportContext } from '../context.js';
import { excelDate } from '../format.js';
import { subjectOf } from '../target.js';

/**
 * What every table export shares: a header row in bold on a tinted fill,
 * frozen so it stays in view; set column widths; numbers written as numbers
 * (with a display format) and dates as real dates, so the sheet sorts, sums
 * and filters as people expect.
 */
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
export const SCORE_FMT = '0.0';
export const PCT_FMT = '0.0%';
export const DATE_FMT = 'yyyy-mm-dd';

export interface XColumn { header: string; width: number; numFmt?: string; wrap?: boolean }

export function newWorkbook(title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '卫健党建质量平台';
  wb.title = title;
  wb.created = new Date();
  return wb;
}

export function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 22;
  row.eachCell((cell) => { cell.fill = HEADER_FILL; });
}

/** A sheet with one frozen header row and the columns' widths and formats. */
export function tableSheet(wb: ExcelJS.Workbook, name: string, columns: XColumn[], freezeColumns = 0): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: freezeColumns }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.numFmt) col.numFmt = c.numFmt;
    if (c.wrap) col.alignment = { wrapText: true, vertical: 'top' };
  });
  styleHeader(ws.getRow(1));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

const BAD = /[\\/?*[\]:]/g;

/** Excel's sheet names: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
export function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(BAD, '_').slice(0, 31) || '工作表';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  used.add(name.toLowerCase());
  return name;
}

/** The closing 说明 sheet: what the figures cover and when they were taken (real dates). */
export function aboutSheet(wb: ExcelJS.Workbook, ctx: ReportContext, notes: string[] = []) {
  const ws = wb.addWorksheet('说明');
  ws.columns = [{ header: '项目', width: 16 }, { header: '内容', width: 60 }];
  styleHeader(ws.getRow(1));
  ws.addRow(['范围', ctx.target.unitId === null ? subjectOf(ctx.target) : ctx.target.orgName]);
  ws.addRow(['年度', ctx.year]);
  ws.addRow(['统计截至', excelDate(ctx.cutoff)]).getCell(2).numFmt = DATE_FMT;
  ws.addRow(['评分规则版本', ctx.ys.rules.version]);
  ws.addRow(['导出日期', excelDate(todayIso())]).getCell(2).numFmt = DATE_FMT;
  for (const n of notes) ws.addRow(['注', n]);
  ws.getColumn(2).alignment = { horizontal: 'left', wrapText: true };
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
