import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, type RosterField } from '@wj/domain/schemas';
import { cellOf, choiceLabels } from './cells.js';

/**
 * The example row's 公民身份号码 is the sample printed in GB 11643-1999 itself;
 * a row carrying it is skipped on import, so a template uploaded with the
 * example still in place imports only the real rows.
 */
export const TEMPLATE_EXAMPLE_ID = '11010519491231002X';
const EXAMPLE: Record<RosterField, unknown> = {
  name: '李梅', gender: 'female', idNumber: TEMPLATE_EXAMPLE_ID, ethnicity: '汉族', birthDate: '1949-12-31', education: 'bachelor',
  category: 'full', joinDate: '1975-07-01', fullDate: '1976-07-01', jobCategory: 'doctor', phone: '13912345678',
  employment: 'retired', titleLevel: 'senior', department: '心血管内科', isTalent: false, isDeptHead: false,
};

const SHEET = '党员名册';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** Header row, widths, formats and a frozen first row: what the template and the export share. */
function rosterSheet(wb: ExcelJS.Workbook, leading: { header: string; width: number }[] = []) {
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = [...leading, ...ROSTER_COLUMNS];
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ROSTER_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(leading.length + i + 1);
    // 公民身份号码 and phone as text, or Excel turns them into numbers and drops digits.
    if (c.field === 'idNumber' || c.field === 'phone') col.numFmt = '@';
    if (c.kind === 'date') col.numFmt = 'yyyy-mm-dd';
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 22;
  header.eachCell((cell) => { cell.fill = HEADER_FILL; });
  return ws;
}

const rosterValues = (m: Partial<Record<RosterField, unknown>>) => ROSTER_COLUMNS.map((c) => cellOf(c, m[c.field]));

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The blank roster to fill in: national column names, one example row, drop-downs, and a 填写说明 sheet. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '卫健党建质量平台';
  const ws = rosterSheet(wb);
  const example = ws.addRow(rosterValues(EXAMPLE));
  example.font = { italic: true, color: { argb: 'FF808080' } };
  ROSTER_COLUMNS.forEach((c, i) => {
    const labels = c.kind === 'flag' ? ['是', '否'] : c.kind === 'choice' ? choiceLabels(c.field) : null;
    if (!labels) return;
    for (let r = 2; r <= 1001; r++) {
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list', allowBlank: !c.required, formulae: [`"${labels.join(',')}"`],
        showErrorMessage: true, errorTitle: c.header, error: `请从下拉列表中选择：${labels.join('、')}`,
      };
    }
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列名', width: 18 }, { header: '是否必填', width: 10 }, { header: '填写要求', width: 80 }];
  help.getRow(1).font = { bold: true };
  help.getRow(1).eachCell((cell) => { cell.fill = HEADER_FILL; });
  for (const c of ROSTER_COLUMNS) help.addRow([c.header, c.required ? '必填' : '选填', c.hint]);
  help.addRow([]);
  for (const note of [
    '1. 每行一名党员，从第 2 行起填写；列名与顺序请勿修改，不要合并单元格。',
    '2. 第 2 行灰色斜体为示例（公民身份号码为国家标准中的示例号码），导入时自动忽略，可直接删除。',
    '3. 日期可填日期单元格，或文本 2020-01-05、2020/1/5、2020.01.05。',
    '4. 导入到所选党支部：公民身份号码与本支部已有党员相同的行更新该党员，其余行新增；号码属于其他支部的党员时请先办理组织关系转接。',
    '5. 任何一行有问题时整份文件都不会导入，请按预览中列出的行号和列名逐一修改后重新上传。',
  ]) help.addRow([note]).getCell(1).alignment = { wrapText: false };
  return toBuffer(wb);
}

export interface ExportMember extends Partial<Record<RosterField, unknown>> { orgName: string }

/** The roster of an org's sub-tree in the template's columns, preceded by the branch each member belongs to. */
export async function exportWorkbook(rows: ExportMember[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '卫健党建质量平台';
  wb.title = title;
  const ws = rosterSheet(wb, [{ header: '所在党支部', width: 22 }]);
  for (const m of rows) ws.addRow([m.orgName, ...rosterValues(m)]);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ROSTER_COLUMNS.length + 1 } };
  return toBuffer(wb);
}
