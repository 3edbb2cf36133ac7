import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, type RosterColumn } from '@wj/domain/schemas';
import { badRequest } from '../../lib/errors.js';
import { rawOf, type Raw } from './cells.js';
import { TEMPLATE_EXAMPLE_ID } from './write-workbook.js';

export const NOT_XLSX = '请上传 .xlsx 格式的 Excel 文件';
/** One branch's roll fits easily; the cap keeps one request from holding the database for long. */
export const MAX_ROWS = 3000;

export interface SheetRow { rowNumber: number; cells: Map<RosterColumn, Raw> }

// Headers other systems (and older templates) use for the same column.
const ALIASES: Record<string, string> = {
  身份证号: '公民身份号码', 身份证号码: '公民身份号码', 转正日期: '转为正式党员日期', 手机号码: '联系电话', 手机号: '联系电话',
  科室: '所在科室', 职称: '专业技术职务', 岗位: '工作岗位', 党员类别: '人员类别',
};
const normalizeHeader = (s: string) => {
  const h = s.replace(/[\s*＊]/g, '');
  return ALIASES[h] ?? h;
};

function textOf(raw: Raw): string {
  return typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
}

/** First and last row of a merged range such as "B3:B5". */
function rowsOfRange(range: string): [number, number] {
  const nums = range.split(':').map((a) => Number(/\d+$/.exec(a)?.[0] ?? 0));
  return [Math.min(...nums), Math.max(...nums)];
}

/**
 * Reads the first sheet of an uploaded roster and refuses, with one clear
 * message, files that cannot be a roster at all: not an .xlsx, headers
 * missing, merged cells among the data, no data rows.
 */
export async function readRosterSheet(file: unknown): Promise<SheetRow[]> {
  // An .xlsx is a zip: it starts with "PK\x03\x04". Anything else (an old .xls, a CSV, a PDF) is refused here.
  if (!Buffer.isBuffer(file) || file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) throw badRequest(NOT_XLSX);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw badRequest(NOT_XLSX);
  }
  const ws = wb.worksheets.find((s) => s.state === 'visible') ?? wb.worksheets[0];
  if (!ws) throw badRequest('文件中没有党员数据');

  // The header is the first row naming 姓名 (a title row above it is allowed).
  let headerRow = 0;
  const positions = new Map<string, number>();
  for (let r = 1; r <= Math.min(ws.rowCount, 10) && !headerRow; r++) {
    const row = ws.getRow(r);
    const found = new Map<string, number>();
    row.eachCell((cell, col) => { const h = normalizeHeader(textOf(rawOf(cell.value))); if (h && !found.has(h)) found.set(h, col); });
    if (found.has('姓名')) { headerRow = r; found.forEach((c, h) => positions.set(h, c)); }
  }
  const missing = ROSTER_COLUMNS.filter((c) => !positions.has(c.header)).map((c) => c.header);
  if (missing.length) {
    throw badRequest(`表头缺少以下列：${missing.join('、')}。请使用导入模板（第一行为列名）`, missing.map((h) => ({ field: h, message: '缺少此列' })));
  }

  const merged = ws.model.merges.find((range) => rowsOfRange(range)[1] > headerRow);
  if (merged) {
    throw badRequest(`数据区域有合并单元格（${merged}），请取消合并后再上传`, [{ field: merged, message: '合并单元格' }]);
  }

  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells = new Map<RosterColumn, Raw>(ROSTER_COLUMNS.map((c) => [c, rawOf(row.getCell(positions.get(c.header)!).value)]));
    if ([...cells.values()].every((v) => v === null)) return;
    // The template's example row may be left in place; it is never imported.
    if (cells.get(ROSTER_COLUMNS.find((c) => c.field === 'idNumber')!) === TEMPLATE_EXAMPLE_ID) return;
    rows.push({ rowNumber, cells });
  });
  if (rows.length === 0) throw badRequest('文件中没有党员数据');
  if (rows.length > MAX_ROWS) throw badRequest(`一次最多导入 ${MAX_ROWS} 行，请分批导入`);
  return rows;
}
