import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
// e2e does not depend on @wj/domain; the check-digit function is imported from its source.
import { idCheckDigit } from '../../packages/domain/src/id-number';
import { login } from './helpers/login';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The columns of a 全国党员管理信息系统 roster export, in its order. */
const NATIONAL_HEADERS = [
  '序号', '姓名', '性别', '公民身份号码', '民族', '出生日期', '学历', '人员类别', '所在党支部', '入党日期', '转为正式党员日期',
  '工作岗位', '联系电话', '家庭住址', '党籍状态', '是否为失联党员', '是否为流动党员',
];

function idNumber(birth: string, seq: number, male: boolean): string {
  const order = String(seq).padStart(2, '0') + (male ? '1' : '2');
  const first17 = `110101${birth.replaceAll('-', '')}${order}`;
  return first17 + idCheckDigit(first17);
}

type Cells = Record<string, string | number | Date | null>;

/** Person `n` of the national export, in `branch`; dates in the four forms that export holds. */
function person(n: number, name: string, branch: string, over: Cells = {}): Cells {
  const birth = `198${n}-0${n + 1}-1${n}`;
  const dates = [new Date(`201${n}-07-01T00:00:00Z`), `201${n}-07-01`, `201${n}/7/1`, `201${n}.07.01`];
  return {
    序号: n + 1, 姓名: name, 性别: n % 2 ? '男' : '女', 公民身份号码: idNumber(birth, 40 + n, n % 2 === 1), 民族: '汉族',
    出生日期: dates[n % 4] instanceof Date ? new Date(`${birth}T00:00:00Z`) : birth.replaceAll('-', ['-', '/', '.'][n % 3]!),
    学历: ['大学本科', '研究生', '大学专科', '中专'][n % 4]!, 人员类别: '正式党员', 所在党支部: branch,
    入党日期: dates[n % 4]!, 转为正式党员日期: `${2012 + n}-07-01`, 工作岗位: ['医生', '护士', '医技人员', '药剂人员', '管理人员', '工勤技能人员'][n % 6]!,
    联系电话: `1390000000${n}`, 家庭住址: '某市某区', 党籍状态: '正常', 是否为失联党员: '否', 是否为流动党员: '否', ...over,
  };
}

/** The export as the national system writes it: a merged title row, then the header, then the members. */
async function nationalFile(rows: Cells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(['中共市人民医院委员会党员名册']);
  ws.mergeCells(1, 1, 1, NATIONAL_HEADERS.length);
  ws.addRow(NATIONAL_HEADERS);
  for (const r of rows) ws.addRow(NATIONAL_HEADERS.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface OrgNode { id: number; name: string; kind: string; institutionName?: string | null; children: OrgNode[] }
const branchesOf = (n: OrgNode): OrgNode[] => (n.kind === 'branch' ? [n] : n.children.flatMap(branchesOf));

test('a unit secretary imports the national export on the 党员 page: preview, 问题清单, corrected file', async ({ page }) => {
  await login(page, 'renmin', '/members');
  const tree = (await (await page.request.get('/api/orgs/tree')).json()) as { root: OrgNode };
  const unit = tree.root.children.find((u) => u.institutionName === '市人民医院') ?? tree.root;
  const [first, second] = branchesOf(unit);

  const rows = [
    person(0, '全国甲导', first!.name),
    person(1, '全国乙导', `中共市人民医院委员会${second!.name}`, { 党籍状态: '停止党籍', 是否为流动党员: '是' }),
    person(2, '全国丙导', `市人民医院${first!.name}`, { 工作岗位: '保安员' }),
    person(3, '<b>全国丁导</b>', second!.name),
  ];
  await page.getByRole('button', { name: '导入名册' }).click();
  const dialog = page.getByRole('dialog', { name: /导入名册：.*（按所在党支部分配）/ });
  const fileInput = dialog.locator('input[type=file]');
  await fileInput.setInputFiles({ name: '全国系统导出.xlsx', mimeType: XLSX, buffer: await nationalFile(rows) });

  // Row 1 is the title, row 2 the header: the members are rows 3–6.
  await expect(dialog.getByText(/第 5 行 · 工作岗位：工作岗位“保安员”无法识别，应为 医生 \/ 护士 \/ 医技人员/)).toBeVisible();
  await expect(dialog.getByText(/第 6 行 · 姓名：姓名只能由汉字、字母/)).toBeVisible();
  await expect(dialog.getByText('错误 2 行')).toBeVisible();
  await expect(dialog.getByText('在职/离退休：未填，工作岗位为“离退休人员”的按离退休，其余按在职导入')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '确认导入', exact: true })).toBeDisabled();

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载问题清单' }).click()]);
  expect(download.suggestedFilename()).toBe('党员名册问题清单.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  const problemColumn = NATIONAL_HEADERS.length + 1;
  expect(ws.getCell(2, problemColumn).value).toBe('问题');
  expect([3, 4, 5, 6].map((r) => ws.getCell(r, 2).value)).toEqual(rows.map((r) => r['姓名']));
  expect([3, 4, 5, 6].map((r) => ws.getCell(r, problemColumn).value === null)).toEqual([true, true, false, false]);
  expect(String(ws.getCell(5, problemColumn).value)).toContain('【工作岗位】');

  // The office corrects the two rows in Excel and uploads again.
  const fixed = [rows[0]!, rows[1]!, { ...rows[2]!, 工作岗位: '医技人员' }, { ...rows[3]!, 姓名: '全国丁导' }];
  await fileInput.setInputFiles({ name: '全国系统导出（已改）.xlsx', mimeType: XLSX, buffer: await nationalFile(fixed) });
  await expect(dialog.getByText('新增 4 行')).toBeVisible();
  await expect(dialog.getByText('检查通过，可以导入')).toBeVisible();
  await expect(dialog.getByRole('cell', { name: second!.name }).first()).toBeVisible();
  await dialog.getByRole('button', { name: '确认导入', exact: true }).click();
  await expect(page.getByText('导入完成：新增 4 人，更新 0 人，0 人无变化')).toBeVisible();
  await expect(dialog).toBeHidden();

  const search = page.getByPlaceholder('按姓名搜索');
  await search.fill('全国乙导');
  await search.press('Enter');
  const row = page.getByRole('row').filter({ hasText: '全国乙导' });
  await expect(row.getByText(second!.name)).toBeVisible();
  await expect(row.getByText('停止党籍')).toBeVisible();
  await expect(row.getByText('流动党员')).toBeVisible();
  await row.getByRole('cell', { name: '全国乙导' }).click();
  const drawer = page.getByRole('dialog', { name: '全国乙导' });
  await expect(drawer.locator('th:has-text("党籍状态") + td')).toHaveText('停止党籍');
  await expect(drawer.locator('th:has-text("流动党员") + td')).toHaveText('是');
});
