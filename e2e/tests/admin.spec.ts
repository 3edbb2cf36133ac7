import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers/login';

/** What GET /api/quality/rules answers; the rules themselves are passed back untouched. */
interface RuleSetVersion {
  version: number;
  rules: { dimensions: Record<'leadership' | 'political' | 'team' | 'role', { weight: number }> } & Record<string, unknown>;
}

const ZHONGYI_UNIT = '中共市中医医院委员会';

// Saving rules recomputes every score; on a busy 2-core machine a test can take longer than the default minute.
test.describe.configure({ timeout: 120_000 });
// Unique per run, so a rerun against the same database never collides on the username.
const suffix = String(Date.now()).slice(-6);

async function currentRules(page: Page): Promise<RuleSetVersion> {
  const res = await page.request.get('/api/quality/rules');
  expect(res.ok()).toBe(true);
  return res.json();
}

async function averageScore(page: Page): Promise<{ averageScore: number | null; ruleVersion: number }> {
  const res = await page.request.get('/api/quality/dashboard');
  expect(res.ok()).toBe(true);
  return res.json();
}

/** Puts the rules a test started from back in force, so later specs see the scores they expect. */
async function restoreRules(page: Page, original: RuleSetVersion) {
  const now = await currentRules(page);
  if (JSON.stringify(now.rules) === JSON.stringify(original.rules)) return;
  const res = await page.request.put('/api/quality/rules', { data: { rules: original.rules, note: '测试后恢复', baseVersion: now.version } });
  expect(res.ok()).toBe(true);
}

async function openCreateUser(page: Page) {
  await login(page, 'admin', '/admin?tab=users');
  await page.getByRole('button', { name: '新建用户' }).click();
  return page.getByRole('dialog', { name: '新建用户' });
}

test('admin creates a unit secretary for 市中医医院, the audit log records it, and the new user sees only that unit', async ({ page, browser }) => {
  const username = `zy${suffix}`;
  const password = 'Zhongyi2026ok';
  const dialog = await openCreateUser(page);
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('中医医院党务干部');
  await dialog.getByLabel('初始密码').fill(password);
  await dialog.getByLabel('角色').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '单位党组织书记/党务干部' }).click();
  await dialog.getByLabel('所管理的单位').click();
  await page.getByTitle(ZHONGYI_UNIT).click();
  await dialog.getByRole('button', { name: /创\s*建/ }).click();

  await expect(page.getByText(`已新建用户 ${username}`)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText(ZHONGYI_UNIT);
  await expect(row).toContainText('正常');

  // The audit log names who created whom, for which org.
  await page.getByRole('tab', { name: '审计日志' }).click();
  await expect(page).toHaveURL(/tab=audit/);
  await page.getByRole('combobox', { name: '对象' }).fill('用户');
  await page.locator('.ant-select-item-option').filter({ hasText: /^用户$/ }).click();
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const entry = page.getByRole('row').filter({ hasText: ZHONGYI_UNIT }).first();
  await expect(entry).toContainText('admin');
  await expect(entry).toContainText('新增');
  await entry.click();
  const detail = page.locator('.ant-table-expanded-row').first();
  await expect(detail).toContainText(username);
  await expect(detail.getByRole('row').filter({ hasText: '密码' })).toContainText('***');

  // The new account logs in and its tree holds its own unit and no other.
  const context = await browser.newContext();
  const newPage = await context.newPage();
  await newPage.goto('/login');
  await newPage.getByLabel('用户名').fill(username);
  await newPage.getByLabel('密码').fill(password);
  await newPage.getByRole('button', { name: /登\s*录/ }).click();
  await expect(newPage.getByTestId('current-user')).toHaveText('中医医院党务干部');
  await newPage.getByRole('navigation', { name: '主导航' }).getByText('组织架构').click();
  const tree = newPage.getByRole('tree');
  await expect(tree.getByText(ZHONGYI_UNIT)).toBeVisible();
  await expect(tree.getByText('中共市人民医院委员会')).toHaveCount(0);
  await expect(newPage.getByRole('navigation', { name: '主导航' }).getByText('系统管理')).toHaveCount(0);
  await context.close();
});

test('admin gives a new 支部书记 a branch picked by opening its unit, and after a reload the edit dialog still names it', async ({ page }) => {
  const username = `zb${suffix}`;
  const dialog = await openCreateUser(page);
  const top = await (await page.request.get('/api/orgs/tree/top')).json() as { root: { children: { id: number; name: string }[] } };
  const unit = top.root.children.find((u) => u.name === ZHONGYI_UNIT)!;
  const kids = await (await page.request.get(`/api/orgs/${unit.id}/children`)).json() as { items: { name: string; kind: string }[] };
  const branch = kids.items.find((c) => c.kind === 'branch')!;

  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('中医医院支部书记');
  await dialog.getByLabel('初始密码').fill('Zhibu2026okay');
  await dialog.getByLabel('角色').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^支部书记$/ }).click();
  await dialog.getByLabel('所管理的支部').click();
  // Branches are not listed until their unit is opened.
  await expect(page.getByTitle(branch.name, { exact: true })).toHaveCount(0);
  await page.locator('.ant-select-tree-treenode').filter({ hasText: ZHONGYI_UNIT }).locator('.ant-select-tree-switcher').click();
  await page.getByTitle(branch.name, { exact: true }).click();
  await expect(dialog.locator('.ant-select').filter({ hasText: `${ZHONGYI_UNIT} / ${branch.name}` })).toBeVisible();
  await dialog.getByRole('button', { name: /创\s*建/ }).click();

  await expect(page.getByText(`已新建用户 ${username}`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: username })).toContainText(branch.name);
  // A fresh page knows none of the unit's branches: the dialog names the saved one all the same.
  await page.reload();
  await page.getByRole('button', { name: `编辑 ${username}` }).click();
  const edit = page.getByRole('dialog', { name: `编辑用户：${username}` });
  await expect(edit.locator('.ant-select').filter({ hasText: `${ZHONGYI_UNIT} / ${branch.name}` })).toBeVisible();
});

test('the 管辖范围 picker searches on the server: a trailing space still finds the branch, a name matching nothing says so', async ({ page }) => {
  const dialog = await openCreateUser(page);
  const top = await (await page.request.get('/api/orgs/tree/top')).json() as { root: { children: { id: number; name: string }[] } };
  const unit = top.root.children.find((u) => u.name === ZHONGYI_UNIT)!;
  const kids = await (await page.request.get(`/api/orgs/${unit.id}/children`)).json() as { items: { name: string; kind: string }[] };
  const branch = kids.items.find((c) => c.kind === 'branch')!;

  await dialog.getByLabel('角色').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^支部书记$/ }).click();
  const picker = dialog.getByLabel('所管理的支部');
  await picker.click();
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator('.ant-select-tree') });
  // The server trims the search, and so must the picker's own filter of its answer.
  await picker.fill(`${branch.name} `);
  await expect(dropdown.getByTitle(branch.name, { exact: true }).first()).toBeVisible();
  await expect(page.getByText('没有匹配的组织')).toHaveCount(0);
  // A name no org has: no node at all, not the levels loaded before, and the picker says so.
  await picker.fill('没有这个名字的组织');
  await expect(page.getByText('没有匹配的组织')).toBeVisible();
  await expect(dropdown.locator('.ant-select-tree-treenode')).toHaveCount(0);
  // Cleared, it offers the units again.
  await picker.fill('');
  await expect(dropdown.getByTitle(ZHONGYI_UNIT, { exact: true })).toBeVisible();
});

test('a weak password is refused with the Chinese policy message and no user is created', async ({ page }) => {
  const username = `weak${suffix}`;
  const dialog = await openCreateUser(page);
  await expect(dialog.getByText('至少 10 位，含字母和数字')).toBeVisible();
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('弱密码测试');
  await dialog.getByLabel('初始密码').fill('abcdefghijk');
  await dialog.getByLabel('所管理的单位').click();
  await page.getByTitle(ZHONGYI_UNIT).click();
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(dialog.getByText('密码须同时包含字母和数字')).toBeVisible();

  await dialog.getByLabel('初始密码').fill('abc123');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(dialog.getByText('密码至少 10 位')).toBeVisible();
  await expect(dialog).toBeVisible();

  const users: { username: string }[] = await (await page.request.get('/api/users')).json();
  expect(users.map((u) => u.username)).not.toContain(username);
});

test('weights that do not add up to 100 are shown in red and the save is refused', async ({ page }) => {
  await login(page, 'admin', '/admin?tab=rules');
  const before = await currentRules(page);
  const leadership = page.getByLabel('支部班子强权重');
  await leadership.fill(String(before.rules.dimensions.leadership.weight - 5));
  await expect(page.getByText('各维度权重之和应为 100，当前为 95').first()).toBeVisible();

  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText(/评分规则有误，未保存/)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await currentRules(page)).version).toBe(before.version);
});

test('a valid change saves a new version, and the dashboard average follows at once', async ({ page }) => {
  await login(page, 'admin', '/admin?tab=rules');
  const original = await currentRules(page);
  const dashboardBefore = await averageScore(page);
  const { leadership, political } = original.rules.dimensions;
  expect(leadership.weight).toBeGreaterThanOrEqual(10);

  try {
    await page.getByLabel('支部班子强权重').fill(String(leadership.weight - 10));
    await page.getByLabel('政治功能强权重').fill(String(political.weight + 10));
    await expect(page.getByText('四个维度权重之和为 100')).toBeVisible();
    await page.getByRole('button', { name: '保存为新版本' }).click();
    const note = page.getByRole('dialog', { name: `保存为第 ${original.version + 1} 版` });
    await note.getByLabel('修改说明').fill('提高政治功能强权重');
    await note.getByRole('button', { name: /保存并生效/ }).click();

    await expect(page.getByText(`已保存为第 ${original.version + 1} 版并立即生效`)).toBeVisible();
    await expect(page.getByText('各支部和单位的得分已按新规则重新计算', { exact: false })).toBeVisible();
    await expect(page.getByRole('row', { name: /现行版本/ })).toContainText(`第 ${original.version + 1} 版`);

    const dashboardAfter = await averageScore(page);
    expect(dashboardAfter.ruleVersion).toBe(original.version + 1);
    expect(dashboardAfter.averageScore).not.toBe(dashboardBefore.averageScore);

    // The history lists the new version with its note and what it changed.
    await page.getByText(/版本记录（共/).click();
    const history = page.locator('.ant-collapse');
    const newest = history.getByRole('row').filter({ hasText: '提高政治功能强权重' });
    await expect(newest).toContainText('现行');
    await newest.click();
    await expect(page.getByText(`支部班子强权重：${leadership.weight} → ${leadership.weight - 10}`)).toBeVisible();
  } finally {
    await restoreRules(page, original);
  }
});

test('a rule set saved by someone else meanwhile is not overwritten: the user is offered 重新加载', async ({ page }) => {
  await login(page, 'admin', '/admin?tab=rules');
  const original = await currentRules(page);
  await expect(page.getByRole('row', { name: /现行版本/ })).toContainText(`第 ${original.version} 版`);
  try {
    // Another admin saves first (same rules, new version).
    const other = await page.request.put('/api/quality/rules', { data: { rules: original.rules, note: '另一位管理员保存', baseVersion: original.version } });
    expect(other.ok()).toBe(true);

    await page.getByLabel('党员队伍强权重').fill(String(original.rules.dimensions.team.weight - 1));
    await page.getByLabel('作用发挥强权重').fill(String(original.rules.dimensions.role.weight + 1));
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /保存并生效/ }).click();

    const conflict = page.getByRole('dialog').filter({ hasText: '该记录已被他人修改' });
    await expect(conflict).toContainText(`第 ${original.version + 1} 版`);
    await conflict.getByRole('button', { name: '重新加载' }).click();
    await expect(page.getByLabel('党员队伍强权重')).toHaveValue(String(original.rules.dimensions.team.weight));
    expect((await currentRules(page)).version).toBe(original.version + 1);
  } finally {
    await restoreRules(page, original);
  }
});

test('a unit secretary sees no 系统管理 and opening /admin says 无权访问', async ({ page }) => {
  await login(page, 'renmin');
  await expect(page.getByRole('navigation', { name: '主导航' }).getByText('系统管理')).toHaveCount(0);
  await page.goto('/admin?tab=users');
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByRole('button', { name: '新建用户' })).toHaveCount(0);
  // The API refuses as well: the page hides nothing the server would allow.
  expect((await page.request.get('/api/users')).status()).toBe(403);
});
