import { ROSTER_COLUMNS, type RosterColumn } from '@wj/domain/schemas';
import { AppError, badRequest } from '../../lib/errors.js';
import { TEMPLATE_EXAMPLE_ID, type Raw } from './cells.js';
import { annotateInWorker, parseInWorker, type ParsedSheet } from './parse-pool.js';
import { NOT_XLSX, readZipDirectory, type ZipEntry } from './zip-guard.js';

export { NOT_XLSX };
/** One branch's roll fits easily; the cap keeps one request from holding the database for long. */
export const MAX_ROWS = 3000;

export interface SheetRow { rowNumber: number; cells: Map<RosterColumn, Raw> }
export interface RosterSheet {
  /** The row holding the column names (title rows above it are skipped). */
  headerRow: number;
  rows: SheetRow[];
  /** The columns the file has; the others take their default (RosterColumn.absent). */
  present: RosterColumn[];
  /** The uploaded file itself with a 问题 column: the text for each row number given. */
  annotate: (problems: Record<number, string>) => Promise<Buffer>;
}

const normalizeHeader = (s: string) => s.replace(/[\s*＊:：]/g, '').replace(/[（(][^）)]*[）)]$/, '');
const HEADER_INDEX = new Map<string, RosterColumn>();
for (const c of ROSTER_COLUMNS) for (const h of [c.header, ...c.aliases]) HEADER_INDEX.set(normalizeHeader(h), c);

const textOf = (raw: Raw | undefined) => (typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '');

/** First and last row of a merged range such as "B3:B5". */
function rowsOfRange(range: string): [number, number] {
  const nums = range.split(':').map((a) => Number(/\d+$/.exec(a)?.[0] ?? 0));
  return [Math.min(...nums), Math.max(...nums)];
}

/**
 * The header is the first of the top ten rows naming 姓名 and at least one
 * other roster column: the national export's merged title row (and any
 * subtitle) above it is skipped. Columns are matched by name or a variant.
 */
function findHeader(sheet: ParsedSheet): { headerRow: number; positions: Map<RosterColumn, number> } {
  for (const { rowNumber, values } of sheet.rows.slice(0, 10)) {
    const positions = new Map<RosterColumn, number>();
    values.forEach((v, col) => {
      const c = HEADER_INDEX.get(normalizeHeader(textOf(v)));
      if (c && !positions.has(c)) positions.set(c, col);
    });
    if (positions.size >= 2 && [...positions.keys()].some((c) => c.field === 'name')) return { headerRow: rowNumber, positions };
  }
  return { headerRow: 0, positions: new Map() };
}

/** Checks the zip's table of contents, parses in a worker, then finds the columns; nothing here touches the database. */
async function parseUpload(file: unknown): Promise<{ file: Buffer; entries: ZipEntry[]; sheet: ParsedSheet }> {
  // An .xlsx is a zip: it starts with "PK\x03\x04". Anything else (an old .xls, a CSV, a PDF) is refused here.
  if (!Buffer.isBuffer(file) || file.length < 22 || file.readUInt32LE(0) !== 0x04034b50) throw badRequest(NOT_XLSX);
  const entries = readZipDirectory(file);
  return { file, entries, sheet: await parseInWorker(file, entries, MAX_ROWS) };
}

/**
 * Reads the first visible sheet of an uploaded roster and refuses, with one
 * clear message, files that cannot be a roster at all: not an .xlsx, too
 * large once inflated, required headers missing, merged cells among the data,
 * no data rows, too many rows.
 */
export async function readRosterSheet(upload: unknown): Promise<RosterSheet> {
  const { file, entries, sheet } = await parseUpload(upload);
  const { headerRow, positions } = findHeader(sheet);
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !positions.has(c)).map((c) => c.header);
  if (missing.length) {
    throw badRequest(`表头缺少以下列：${missing.join('、')}。请使用全国党员管理信息系统导出的名册或本平台的导入模板`,
      missing.map((h) => ({ field: h, message: '缺少此列' })));
  }

  const merged = sheet.merges.find((range) => rowsOfRange(range)[1] > headerRow);
  if (merged) {
    throw badRequest(`数据区域有合并单元格（${merged}），请取消合并后再上传`, [{ field: merged, message: '合并单元格' }]);
  }

  const idColumn = ROSTER_COLUMNS.find((c) => c.field === 'idNumber')!;
  const rows: SheetRow[] = [];
  for (const { rowNumber, values } of sheet.rows) {
    if (rowNumber <= headerRow) continue;
    const cells = new Map<RosterColumn, Raw>([...positions].map(([c, col]) => [c, values[col] ?? null]));
    if ([...cells.values()].every((v) => v === null)) continue;
    // The template's example row may be left in place; it is never imported.
    if (cells.get(idColumn) === TEMPLATE_EXAMPLE_ID) continue;
    rows.push({ rowNumber, cells });
  }
  if (rows.length === 0) throw badRequest('文件中没有党员数据');
  if (rows.length > MAX_ROWS) throw new AppError(413, 'TOO_MANY_ROWS', `文件中有 ${rows.length} 行数据，一次最多导入 ${MAX_ROWS} 行，请分批导入`);
  return { headerRow, rows, present: [...positions.keys()], annotate: (problems) => annotateInWorker(file, entries, MAX_ROWS, headerRow, problems) };
}
