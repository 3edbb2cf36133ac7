import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, ROSTER_SEQ_HEADER, type RosterField } from '@wj/domain/schemas';
import { cellOf, choiceLabels, TEMPLATE_EXAMPLE_ID } from './cells.js';

// Written in the render worker (src/reports/render-worker.ts): the main thread sends the rows, never loads exceljs.
export { TEMPLATE_EXAMPLE_ID };

/**
 * The render worker's jobs: the roster export — its rows read by the worker from the database (`db`: a SQLite
 * file or a PostgreSQL URL) or, for an in-memory database, sent already masked as the caller may see them — and the blank template.
 */
export type RosterExportJob =
  | { kind: 'roster-export'; db: string; orgId: number; unmasked: boolean; title: string }
  | { kind: 'roster'; rows: ExportMember[]; title: string }
  | { kind: 'roster-template' };
type RowValues = Partial<Record<RosterField | 'branch', unknown>>;
const EXAMPLE: RowValues = {
  name: '李梅', gender: 'female', idNumber: TEMPLATE_EXAMPLE_ID, ethnicity: '汉族', birthDate: '1949-12-31', education: 'bachelor',
  category: 'full', branch: '急诊急救党支部', joinDate: '1975-07-01', fullDate: '1976-07-01', jobCategory: 'doctor', phone: '13912345678',
  partyStanding: 'normal', lostContact: false, floating: false,
  employment: 'in_service', titleLevel: 'senior', department: '心血管内科', isTalent: false, isDeptHead: false,
};

const SHEET = '党员名册';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const OWN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/**
 * 序号, then the national system's columns, then the platform's own: what the
 * template and the export share, so a file moves between the two systems.
 * The header cells carry their rule as a note (hover in Excel).
 */
function rosterSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ header: ROSTER_SEQ_HEADER, width: 6 }, ...ROSTER_COLUMNS.map((c) => ({ header: c.header, width: c.width }))];
  ROSTER_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 2);
    // 公民身份号码 and phone as text, or Excel turns them into numbers and drops digits.
    if (c.field === 'idNumber' || c.field === 'phone') col.numFmt = '@';
    if (c.kind === 'date') col.numFmt = 'yyyy-mm-dd';
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 22;
  header.eachCell((cell, n) => {
    const c = ROSTER_COLUMNS[n - 2];
    cell.fill = c && !c.national ? OWN_FILL : HEADER_FILL;
    if (c) cell.note = `${c.required ? '必填' : '选填'}：${c.hint}`;
  });
  return ws;
}

const rowCells = (m: RowValues) => ROSTER_COLUMNS.map((c) => cellOf(c, m[c.field]));

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '卫健党建质量平台';
  return wb;
}

/** The blank roster to fill in: the national layout, one example row, drop-downs, and a 填写说明 sheet. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = rosterSheet(wb);
  const example = ws.addRow([1, ...rowCells(EXAMPLE)]);
  example.font = { italic: true, color: { argb: 'FF808080' } };
  ROSTER_COLUMNS.forEach((c, i) => {
    const labels = c.kind === 'flag' ? ['是', '否'] : c.kind === 'choice' ? choiceLabels(c) : null;
    if (!labels) return;
    for (let r = 2; r <= 1001; r++) {
      ws.getCell(r, i + 2).dataValidation = {
        type: 'list', allowBlank: !c.required, formulae: [`"${labels.join(',')}"`],
        showErrorMessage: true, errorTitle: c.header, error: `请从下拉列表中选择：${labels.join('、')}`,
      };
    }
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列名', width: 18 }, { header: '是否必填', width: 10 }, { header: '来源', width: 22 }, { header: '填写要求', width: 80 }];
  help.getRow(1).font = { bold: true };
  help.getRow(1).eachCell((cell) => { cell.fill = HEADER_FILL; });
  help.addRow([ROSTER_SEQ_HEADER, '选填', '全国党员管理信息系统', '导入时忽略']);
  for (const c of ROSTER_COLUMNS) {
    const also = c.aliases.length ? `（也可写作：${c.aliases.join('、')}）` : '';
    const absent = c.absent ? `；文件中没有此列时：${c.absent}` : '';
    help.addRow([c.header, c.required ? '必填' : '选填', c.national ? '全国党员管理信息系统' : '本平台（质量评价用）', `${c.hint}${also}${absent}`]);
  }
  help.addRow([]);
  for (const note of [
    '1. 可直接上传全国党员管理信息系统导出的党员名册：表头前的标题行自动跳过，列按列名识别，顺序不限，系统中没有的列（家庭住址等）忽略。',
    '2. 每行一名党员，不要合并数据区域的单元格。第 2 行灰色斜体为示例（公民身份号码为国家标准中的示例号码），导入时自动忽略，可直接删除。',
    '3. 日期可填日期单元格，或文本 2020-01-05、2020/1/5、2020.01.05。',
    '4. 导入到党支部：所有行编入该党支部，所在党支部可不填；导入到单位：每行按所在党支部编入本单位对应的党支部。',
    '5. 公民身份号码与该党支部已有党员相同的行更新该党员，其余行新增；文件中没有的列不改变已有党员的对应信息。',
    '6. 任何一行有问题时整份文件都不会导入；可在预览中下载“问题清单”（原文件末尾增加“问题”列），按提示修改后重新上传。',
  ]) help.addRow([note]);
  return toBuffer(wb);
}

export type ExportMember = RowValues;

/** The roster of an org's sub-tree in the template's layout: 序号 first, 所在党支部 as a column, the national words. */
export async function exportWorkbook(rows: ExportMember[], title: string): Promise<Buffer> {
  const wb = newWorkbook();
  wb.title = title;
  const ws = rosterSheet(wb);
  rows.forEach((m, i) => ws.addRow([i + 1, ...rowCells(m)]));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ROSTER_COLUMNS.length + 1 } };
  return toBuffer(wb);
}
