import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
// e2e does not depend on @wj/domain; the check-digit function is imported from its source.
import { idCheckDigit } from '../../packages/domain/src/id-number';
import { perAttempt } from './helpers/attempt';
import { login } from './helpers/login';
import { pickTreeNode, selectOption } from './helpers/select';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BRANCH = '心内科党支部';

/** A valid 公民身份号码 (GB 11643): a Beijing region code the demo data never uses, so it is nobody's yet. */
function idNumber(birth: string, seq: number, male: boolean): string {
  const order = String(seq).padStart(2, '0') + (male ? '1' : '2');
  const first17 = `110101${birth}${order}`;
  return first17 + idCheckDigit(first17);
}
const withWrongCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

interface OrgNode { id: number; name: string; children: OrgNode[] }
const findOrg = (node: OrgNode, name: string): OrgNode | undefined =>
  node.name === name ? node : node.children.map((c) => findOrg(c, name)).find(Boolean);

/** Opens the branch's page on its 党员名册 tab; returns the branch id. */
async function openRoster(page: Page, branch = BRANCH): Promise<number> {
  const tree = (await (await page.request.get('/api/orgs/tree')).json()) as { root: OrgNode };
  const org = findOrg(tree.root, branch);
  if (!org) throw new Error(`${branch} not in the tree`);
  await page.goto(`/orgs/${org.id}`);
  await page.getByRole('tab', { name: '党员名册' }).click();
  await expect(page.getByRole('columnheader', { name: '姓名' })).toBeVisible();
  return org.id;
}

/**
 * A full, in-service member with a bachelor's degree added to the branch through the API (born `birth`, YYYY-MM-DD; `seq`
 * keeps the 身份号码 apart). A retried test finds the first attempt's member still on the roll, so a retry adds another
 * person (another name and 身份号码); returns the name added.
 */
async function createMember(page: Page, branchId: number, m: { name: string; male: boolean; birth: string; seq: number; joinDate: string; fullDate: string }) {
  const name = perAttempt(m.name, `${m.name}乙`);
  const created = await page.request.post(`/api/orgs/${branchId}/members`, {
    data: {
      name, gender: m.male ? 'male' : 'female', ethnicity: '汉族', birthDate: m.birth, education: 'bachelor',
      idNumber: idNumber(m.birth.replaceAll('-', ''), perAttempt(m.seq, m.seq + 30), m.male), joinDate: m.joinDate, fullDate: m.fullDate, category: 'full',
      employment: 'in_service', titleLevel: 'intermediate',
    },
  });
  expect(created.status()).toBe(201);
  return name;
}

async function searchRoster(page: Page, name: string) {
  const search = page.getByPlaceholder('按姓名搜索');
  await search.fill(name);
  await search.press('Enter');
}

async function pickDate(scope: Locator, label: string, iso: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

async function pickOption(scope: Locator, label: string, option: string) {
  await selectOption(scope.page(), scope.getByLabel(label, { exact: true }), new RegExp(`^${option}$`), { chosen: option });
}

/** The form item around a field: its error message shows here, next to the field. */
const fieldItem = (dialog: Locator, label: string) =>
  dialog.locator('.ant-form-item').filter({ has: dialog.page().getByLabel(label, { exact: true }) });

async function fillMemberForm(page: Page, name: string, id: string) {
  const dialog = page.getByRole('dialog', { name: '新增党员' });
  await dialog.getByLabel('姓名').fill(name);
  await dialog.getByLabel('公民身份号码').fill(id);
  await pickOption(dialog, '学历', '大学本科');
  await pickDate(dialog, '入党日期', '2012-07-01');
  await pickDate(dialog, '转正日期', '2013-07-01');
  await pickOption(dialog, '职称', '中级');
  await dialog.getByLabel('科室').fill('心血管内科');
  return dialog;
}

test('a unit secretary adds a member to a branch through the form and finds them on the roll, number masked', async ({ page }) => {
  await login(page, 'renmin');
  await openRoster(page);
  await page.getByRole('button', { name: '新增党员' }).click();
  const id = idNumber('19880512', perAttempt(11, 41), true);
  const name = perAttempt('郑新党', '郑新员');
  const dialog = await fillMemberForm(page, name, id);
  // The number fills in the birth date and sex it encodes.
  await expect(dialog.getByLabel('出生日期')).toHaveValue('1988-05-12');
  await expect(dialog.getByLabel('男')).toBeChecked();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  await expect(page.getByText(`已新增党员 ${name}`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await searchRoster(page, name);
  await page.getByRole('cell', { name }).click();
  const drawer = page.getByRole('dialog', { name });
  await expect(drawer.getByText('心血管内科')).toBeVisible();
  // Below admin the number is never shown in full.
  // Only the first and last character: with the birth date shown beside it, more would rebuild the number.
  await expect(drawer.getByText(`1${'*'.repeat(16)}${id.slice(-1)}`)).toBeVisible();
  await expect(drawer.getByText(id)).toHaveCount(0);
});

test('a wrong check digit is named next to the field as it is typed, and nothing is saved', async ({ page }) => {
  await login(page, 'renmin');
  await openRoster(page);
  await page.getByRole('button', { name: '新增党员' }).click();
  const dialog = await fillMemberForm(page, '钱校验', withWrongCheckDigit(idNumber('19900203', 12, false)));
  const idItem = fieldItem(dialog, '公民身份号码');
  await expect(idItem.getByText('公民身份号码校验位不正确（GB 11643），请核对')).toBeVisible();

  await dialog.getByLabel('女').check();
  await pickDate(dialog, '出生日期', '1990-02-03');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(idItem.getByText('公民身份号码校验位不正确（GB 11643），请核对')).toBeVisible();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  await searchRoster(page, '钱校验');
  await expect(page.getByText('没有符合条件的党员')).toBeVisible();
});

test('a member who leaves the roll keeps a record with status and reason', async ({ page }) => {
  await login(page, 'renmin');
  const branchId = await openRoster(page);
  const name = await createMember(page, branchId, { name: '孙离开', male: false, birth: '1985-03-04', seq: 13, joinDate: '2010-06-01', fullDate: '2011-06-01' });

  await searchRoster(page, name);
  await page.getByRole('cell', { name }).click();
  await page.getByRole('button', { name: '减少党员' }).click();
  const dialog = page.getByRole('dialog', { name: `减少党员：${name}` });
  await expect(dialog.getByText('记录不会删除')).toBeVisible();
  await dialog.getByLabel('转出').check();
  await pickDate(dialog, '离开日期', '2025-12-01');
  await dialog.getByLabel('离开原因').fill('调往外省工作');
  await dialog.getByRole('button', { name: '确认办理' }).click();

  const drawer = page.getByRole('dialog', { name });
  await expect(drawer.getByText('已转出（2025-12-01），原因：调往外省工作')).toBeVisible();
  await expect(drawer.getByRole('button', { name: /编\s*辑/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText('没有符合条件的党员')).toBeVisible();

  await selectOption(page, page.getByLabel('名册状态', { exact: true }), /^转出$/);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('转出')).toBeVisible();
});

/** The template as the user downloads it, with `rows` written under its header. */
async function rosterFile(page: Page, rows: Record<string, string>[]): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载导入模板' }).click()]);
  expect(download.suggestedFilename()).toBe('党员名册导入模板.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  let headerRow = 1;
  while (!ws.getRow(headerRow).values.toString().includes('姓名')) headerRow++;
  const columns = new Map<string, number>();
  ws.getRow(headerRow).eachCell((cell, col) => columns.set(String(cell.value).replace(/[\s*＊]/g, ''), col));
  // Below the header (and the template's example row, which the import skips).
  let next = headerRow + 1;
  while (ws.getRow(next).hasValues) next++;
  rows.forEach((values, i) => {
    const row = ws.getRow(next + i);
    for (const [header, value] of Object.entries(values)) row.getCell(columns.get(header)!).value = value;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const rosterRow = (name: string, id: string, birth: string, gender: '男' | '女') => ({
  姓名: name, 性别: gender, 公民身份号码: id, 民族: '汉族', 出生日期: birth, 学历: '大学本科', 人员类别: '正式党员',
  入党日期: '2015-07-01', 转为正式党员日期: '2016-07-01', 工作岗位: '护', 联系电话: '13912345678', '在职/离退休': '在职',
  专业技术职务: '初级', 所在科室: '心血管内科', 高层次人才: '否', 内设机构负责人: '否',
});

test('roster import previews every row, refuses a file with a bad row, and imports a good one', async ({ page }) => {
  await login(page, 'renmin');
  await openRoster(page);
  await page.getByRole('button', { name: '导入名册' }).click();
  const dialog = page.getByRole('dialog', { name: `导入名册：${BRANCH}` });
  const fileInput = dialog.locator('input[type=file]');
  // A retry imports two other people: the first attempt's would be 更新 or 无变化, not 新增.
  const [goodName, alsoGoodName] = perAttempt(['周导入', '吴导入'], ['周导出', '吴导出']);
  const good = rosterRow(goodName, idNumber('19920314', perAttempt(14, 44), true), '1992-03-14', '男');
  const alsoGood = rosterRow(alsoGoodName, idNumber('19930415', perAttempt(15, 45), false), '1993-04-15', '女');
  const bad = rosterRow('冯有误', withWrongCheckDigit(idNumber('19940516', 16, true)), '1994-05-16', '男');

  await fileInput.setInputFiles({ name: '不是表格.xlsx', mimeType: XLSX, buffer: Buffer.from('姓名,性别\n') });
  await expect(dialog.getByText('请上传 .xlsx 格式的 Excel 文件')).toBeVisible();

  await fileInput.setInputFiles({ name: '有误.xlsx', mimeType: XLSX, buffer: await rosterFile(page, [good, bad]) });
  await expect(dialog.getByText(/第 \d+ 行 · 公民身份号码：公民身份号码校验位不正确/)).toBeVisible();
  await expect(dialog.getByText('错误 1 行')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '确认导入', exact: true })).toBeDisabled();

  await fileInput.setInputFiles({ name: '名册.xlsx', mimeType: XLSX, buffer: await rosterFile(page, [good, alsoGood]) });
  await expect(dialog.getByText('新增 2 行')).toBeVisible();
  await expect(dialog.getByText('检查通过，可以导入')).toBeVisible();
  await dialog.getByRole('button', { name: '确认导入', exact: true }).click();

  await expect(page.getByText('导入完成：新增 2 人，更新 0 人，0 人无变化')).toBeVisible();
  await expect(dialog).toBeHidden();
  await searchRoster(page, alsoGoodName);
  await expect(page.getByRole('cell', { name: alsoGoodName })).toBeVisible();
});

test('export downloads the roster as an .xlsx named by the server', async ({ page }) => {
  await login(page, 'renmin');
  await openRoster(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出名册' }).click()]);
  expect(download.suggestedFilename()).toMatch(/党员名册\.xlsx$/);
});

test('the read-only leader sees and exports the roster but is offered no edits', async ({ page }) => {
  await login(page, 'leader');
  await openRoster(page);
  await expect(page.getByRole('button', { name: '导出名册' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新增党员' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导入名册' })).toHaveCount(0);
  const first = page.locator('.ant-table-row').first().getByRole('cell').first();
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole('dialog', { name }).getByText('公民身份号码')).toBeVisible();
  await expect(page.getByRole('button', { name: /编\s*辑|减少党员|组织关系转接/ })).toHaveCount(0);
});

test('the 党员 page exports the roster of the user\'s whole unit', async ({ page }) => {
  await login(page, 'renmin', '/members');
  await expect(page.getByRole('columnheader', { name: '姓名' })).toBeVisible();
  // A unit secretary imports at unit level here (rows routed by 所在党支部: roster-national.spec.ts).
  await expect(page.getByRole('button', { name: '导入名册' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出名册' }).click()]);
  expect(download.suggestedFilename()).toBe('市人民医院党委党员名册.xlsx');
});

test('a unit secretary transfers a member to another branch picked from the tree by level', async ({ page }) => {
  await login(page, 'renmin');
  const branchId = await openRoster(page);
  const { path } = (await (await page.request.get(`/api/orgs/${branchId}`)).json()) as { path: { id: number }[] };
  const kids = (await (await page.request.get(`/api/orgs/${path.at(-2)!.id}/children`)).json()) as { items: { id: number; name: string; kind: string }[] };
  const target = kids.items.find((c) => c.name === '消化内科党支部')!;
  const name = await createMember(page, branchId, { name: '周转接', male: true, birth: '1988-05-06', seq: 17, joinDate: '2012-06-01', fullDate: '2013-06-01' });

  await searchRoster(page, name);
  await page.getByRole('cell', { name }).click();
  await page.getByRole('button', { name: '组织关系转接' }).click();
  const dialog = page.getByRole('dialog', { name: `组织关系转接：${name}` });
  await dialog.getByLabel('转入党支部').click();
  // The member's own branch is listed, marked, and cannot be picked; the unit's other branches can.
  await expect(page.getByTitle(`${BRANCH}（现所在支部）`, { exact: true })).toBeVisible();
  await pickTreeNode(page, dialog.getByLabel('转入党支部'), target.name, dialog);
  await dialog.getByRole('button', { name: '确认转接' }).click();
  await expect(page.getByText(`${name}的组织关系已转入${target.name}`)).toBeVisible();
});
