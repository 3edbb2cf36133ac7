import { expect, test, type Locator, type Page } from '@playwright/test';
import { perAttempt } from './helpers/attempt';
import { login } from './helpers/login';
import { pickTreeNode, selectOption } from './helpers/select';

const UNIT = '中共市人民医院委员会';
/** Branches no other spec edits, so runs in any order agree. */
const ELECTION_BRANCH = '神经内科党支部';
const MERGED_BRANCH = '重症医学科党支部';
/** What a retried election or merge uses instead: the first attempt may have held its election or merged its branch already. */
const RETRY_ELECTION_BRANCH = '肾内科党支部';
const RETRY_MERGED_BRANCH = '泌尿外科党支部';
const MERGE_TARGET = '消化内科党支部';

interface OrgNode { id: number; name: string; kind: string; counts: { members: number }; children: OrgNode[] }
const findOrg = (node: OrgNode, name: string): OrgNode | undefined =>
  node.name === name ? node : node.children.map((c) => findOrg(c, name)).find(Boolean);

async function orgByName(page: Page, name: string): Promise<OrgNode> {
  const tree = (await (await page.request.get('/api/orgs/tree')).json()) as { root: OrgNode };
  const org = findOrg(tree.root, name);
  if (!org) throw new Error(`${name} not in the tree`);
  return org;
}

/** Today in China, as the date pickers expect it. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function pickDate(scope: Locator, label: string, iso: string) {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

async function chooseOption(page: Page, select: Locator, option: string) {
  await selectOption(page, select, new RegExp(`^${option}$`), { chosen: option });
}

/** A seat row of the committee form: member, role (and the other fields, left as they are). */
async function fillSeat(page: Page, dialog: Locator, index: number, member: string | null, role: string) {
  const row = dialog.getByRole('group', { name: `第 ${index + 1} 位委员` });
  if (member) {
    const select = row.getByLabel('委员', { exact: true });
    await selectOption(page, select, member, { type: member, shows: row.locator('.ant-select-content', { hasText: member }) });
  }
  await chooseOption(page, row.getByLabel('职务', { exact: true }), role);
}

async function openCommitteeForm(page: Page, branch: string): Promise<Locator> {
  const org = await orgByName(page, branch);
  await page.goto(`/orgs/${org.id}`);
  await page.getByRole('tab', { name: '支委会' }).click();
  await page.getByRole('button', { name: '换届选举' }).click();
  const dialog = page.getByRole('dialog', { name: /换届选举/ });
  await expect(dialog.getByText(/本支部现有正式党员/)).toBeVisible();
  return dialog;
}

/** Leaves the form with `count` empty seat rows. */
async function resetSeats(dialog: Locator, count: number) {
  const remove = dialog.getByRole('button', { name: '移除该委员' });
  while ((await remove.count()) > 0) await remove.first().click();
  for (let i = 0; i < count; i += 1) await dialog.getByRole('button', { name: '添加委员' }).click();
}

test('a unit secretary sets up a new branch and finds it in the tree with no members', async ({ page }) => {
  await login(page, 'renmin', '/orgs');
  const unit = await orgByName(page, UNIT);
  await page.goto(`/orgs/${unit.id}`);
  const name = perAttempt('康复医学科党支部', '康复医学二科党支部');
  await page.getByRole('button', { name: '新建党支部' }).click();
  const dialog = page.getByRole('dialog', { name: '新建党支部' });
  await dialog.getByLabel('党支部名称').fill(name);
  await dialog.getByLabel('所在科室（部门）').fill('康复医学科');
  await pickDate(dialog, '成立日期', '2026-01-05');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  // The new branch's own page opens.
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.getByRole('link', { name: '组织架构' }).first().click();
  const tree = page.getByRole('tree');
  const node = tree.locator('.ant-tree-treenode', { hasText: name });
  await expect(node).toBeVisible();
  await expect(node.getByText('0名党员')).toBeVisible();
});

test('a unit secretary records a new election and sees the new committee, the old one in the history', async ({ page }) => {
  await login(page, 'renmin', '/orgs');
  const branch = perAttempt(ELECTION_BRANCH, RETRY_ELECTION_BRANCH);
  const org = await orgByName(page, branch);
  const roster = await (await page.request.get(`/api/orgs/${org.id}/members?category=full&pageSize=50`)).json();
  const before = await (await page.request.get(`/api/orgs/${org.id}/committee`)).json();
  expect(before.fullMembers).toBeGreaterThanOrEqual(7);
  const [secretary, organizer, propagandist] = roster.items as { name: string }[];

  const dialog = await openCommitteeForm(page, branch);
  await resetSeats(dialog, 3);
  await fillSeat(page, dialog, 0, secretary!.name, '书记');
  await fillSeat(page, dialog, 1, organizer!.name, '组织委员');
  await fillSeat(page, dialog, 2, propagandist!.name, '宣传委员');
  // The date last: its calendar popup, left open, would cover the first seat's dropdown.
  await pickDate(dialog, '选举日期', today());
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();

  const current = page.getByRole('tabpanel').locator('.ant-card', { hasText: '本届支委会' });
  await expect(current.getByText(`选举日期 ${today()}`)).toBeVisible();
  const rows = current.getByRole('row');
  await expect(rows.filter({ hasText: secretary!.name })).toContainText('书记');
  await expect(rows.filter({ hasText: organizer!.name })).toContainText('组织委员');
  await expect(rows.filter({ hasText: propagandist!.name })).toContainText('宣传委员');
  await expect(rows).toHaveCount(4); // header + three seats
  const previous = before.current ? before.history.length + 1 : before.history.length;
  await expect(page.getByText(`往届支委会（${previous}）`)).toBeVisible();
});

test('a committee with two 书记 is refused with the reason next to the seat', async ({ page }) => {
  await login(page, 'renmin', '/orgs');
  const org = await orgByName(page, ELECTION_BRANCH);
  const roster = await (await page.request.get(`/api/orgs/${org.id}/members?category=full&pageSize=50`)).json();
  const [a, b, c] = roster.items as { name: string }[];
  const dialog = await openCommitteeForm(page, ELECTION_BRANCH);
  await resetSeats(dialog, 3);
  await fillSeat(page, dialog, 0, a!.name, '书记');
  await fillSeat(page, dialog, 1, b!.name, '书记');
  await fillSeat(page, dialog, 2, c!.name, '纪检委员');
  await pickDate(dialog, '选举日期', today());
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByRole('group', { name: '第 2 位委员' }).getByText('支委会只能有一名书记')).toBeVisible();
  await expect(dialog).toBeVisible();
});

test('merging a branch moves its members to the target, which then opens', async ({ page }) => {
  await login(page, 'renmin', '/orgs');
  const merged = perAttempt(MERGED_BRANCH, RETRY_MERGED_BRANCH);
  const source = await orgByName(page, merged);
  const target = await orgByName(page, MERGE_TARGET);
  await page.goto(`/orgs/${source.id}`);
  await page.getByRole('button', { name: '合并到…' }).click();
  const dialog = page.getByRole('dialog', { name: /合并到/ });
  await pickTreeNode(page, dialog.getByLabel('并入的支部'), new RegExp(`^${MERGE_TARGET}`), dialog, MERGE_TARGET);
  await dialog.getByRole('button', { name: /^合\s*并$/ }).click();

  const confirm = page.getByRole('dialog', { name: `确认合并${merged}？` });
  await expect(confirm).toContainText(`${source.counts.members} 名党员将转入${MERGE_TARGET}`);
  await confirm.getByRole('button', { name: '确认合并' }).click();

  await expect(page).toHaveURL(new RegExp(`/orgs/${target.id}$`));
  await expect(page.getByRole('heading', { name: MERGE_TARGET })).toBeVisible();
  const members = page.locator('.ant-statistic', { hasText: '党员数' });
  await expect(members).toContainText(String(source.counts.members + target.counts.members));
});

test('a unit secretary of another unit cannot see 市人民医院 at all', async ({ page }) => {
  await login(page, 'yanke', '/orgs');
  const tree = page.getByRole('tree');
  await expect(tree.getByText('中共市眼科医院总支部委员会')).toBeVisible();
  await expect(tree.getByText(UNIT)).toHaveCount(0);
  await expect(tree.getByText(ELECTION_BRANCH)).toHaveCount(0);
});

test('the commission leader reads everything but is offered no change', async ({ page }) => {
  await login(page, 'leader', '/orgs');
  const unit = await orgByName(page, UNIT);
  await page.goto(`/orgs/${unit.id}`);
  await expect(page.getByRole('heading', { name: UNIT })).toBeVisible();
  await page.getByRole('tab', { name: '年度计划·党务干部·述职评议' }).click();
  await expect(page.getByText('年度党建工作计划', { exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '评议等次' })).toBeVisible();
  for (const name of ['新建党支部', '重命名/编辑', '登记党务干部', /^添\s*加$/, /^修\s*改$/]) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }

  const branch = await orgByName(page, ELECTION_BRANCH);
  await page.goto(`/orgs/${branch.id}`);
  await page.getByRole('tab', { name: '支委会' }).click();
  await expect(page.getByText('本届支委会')).toBeVisible();
  for (const name of ['新建党小组', '合并到…', '撤销支部', '换届选举', '调整委员']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
});

test('a branch secretary keeps the committee but not the org structure', async ({ page }) => {
  await login(page, 'jijiu', '/orgs');
  const me = await (await page.request.get('/api/auth/me')).json();
  await page.goto(`/orgs/${me.scopeOrgId}`);
  await page.getByRole('tab', { name: '支委会' }).click();
  await expect(page.getByRole('button', { name: '换届选举' })).toBeVisible();
  for (const name of ['新建党小组', '重命名/编辑', '合并到…', '撤销支部']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
});
