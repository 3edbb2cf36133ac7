import ExcelJS from 'exceljs';
import { excelDate } from '../format.js';
import { DATE_FMT, type XColumn, type XlsxMeta } from './meta.js';

/**
 * What every table export shares (written in the render worker, see
 * render.ts): a header row in bold on a tinted fill, frozen so it stays in
 * view; set column widths; numbers written as numbers (with a display format)
 * and dates as real dates, so the sheet sorts, sums and filters as people expect.
 */
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

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

/** Print setup of a data sheet: A4 landscape, fit to one page wide, the title and header rows repeated on every page. */
export function printSetup(ws: ExcelJS.Worksheet, headerRows: number) {
  ws.pageSetup = {
    paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    printTitlesRow: `1:${headerRows}`, horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

/** Writes the title row (row 1) across `width` columns. */
export function titleRow(ws: ExcelJS.Worksheet, heading: string, width: number) {
  const row = ws.getRow(1);
  row.getCell(1).value = heading;
  ws.mergeCells(1, 1, 1, Math.max(1, width));
  row.font = { bold: true, size: 14 };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
  row.height = 30;
}

/**
 * A data sheet: the title row, one header row (row 2) frozen with it, the
 * columns' widths and formats, printable landscape on one page wide.
 */
export function tableSheet(wb: ExcelJS.Workbook, name: string, columns: XColumn[], freezeColumns: number, heading: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2, xSplit: freezeColumns }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.numFmt) col.numFmt = c.numFmt;
    if (c.wrap) col.alignment = { wrapText: true, vertical: 'top' };
  });
  titleRow(ws, heading, columns.length);
  ws.getRow(2).values = columns.map((c) => c.header);
  styleHeader(ws.getRow(2));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  printSetup(ws, 2);
  return ws;
}

/** The closing 说明 sheet: what the figures cover and when they were taken (real dates). */
export function aboutSheet(wb: ExcelJS.Workbook, meta: XlsxMeta, notes: string[] = []) {
  const ws = wb.addWorksheet('说明');
  ws.columns = [{ header: '项目', width: 16 }, { header: '内容', width: 60 }];
  styleHeader(ws.getRow(1));
  ws.addRow(['范围', meta.scope]);
  ws.addRow(['年度', meta.year]);
  ws.addRow(['统计截至', excelDate(meta.cutoff)]).getCell(2).numFmt = DATE_FMT;
  ws.addRow(['评分规则版本', meta.ruleVersion]);
  ws.addRow(['导出日期', excelDate(meta.today)]).getCell(2).numFmt = DATE_FMT;
  for (const n of notes) ws.addRow(['注', n]);
  ws.getColumn(2).alignment = { horizontal: 'left', wrapText: true };
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
