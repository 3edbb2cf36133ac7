import { expect, test } from '@playwright/test';
import { login } from './helpers/login';

test('open the app, expand the tree, open a branch and see its members', async ({ page }, testInfo) => {
  await login(page, 'admin', '/orgs');
  const tree = page.getByRole('tree');
  await expect(tree.getByText('市卫生健康委直属机关党委')).toBeVisible();

  // Counts shown at the root are those the API computes.
  const api = await (await page.request.get('/api/orgs/tree')).json();
  await expect(tree.getByText(`${api.root.counts.branches}个支部 · ${api.root.counts.members}名党员`).first()).toBeVisible();

  const unit = api.root.children.find((u: { institutionName: string }) => u.institutionName === '市人民医院');
  const branch = unit.children.find((c: { kind: string }) => c.kind === 'branch');

  // A search by name finds the branch (its unit is not open yet) and opens the path down to it; clearing it returns to the opening view.
  const search = page.getByLabel('按组织名称搜索');
  await search.fill(branch.name);
  await expect(page.getByText(/找到 \d+ 个组织/)).toBeVisible();
  await expect(tree.getByText(branch.name, { exact: true }).first()).toBeVisible();
  await search.fill('');
  await expect(tree.getByText(branch.name, { exact: true })).toHaveCount(0);

  // Expand 市人民医院's 党委 and open its first branch.
  const unitNode = tree.locator('.ant-tree-treenode', { hasText: unit.name }).first();
  await unitNode.locator('.ant-tree-switcher').click();
  await tree.getByText(branch.name, { exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${branch.id}$`));
  await expect(page.getByRole('heading', { name: branch.name })).toBeVisible();

  await page.getByRole('tab', { name: '党员名册' }).click();
  const members = await (await page.request.get(`/api/orgs/${branch.id}/members?pageSize=10`)).json();
  const table = page.getByRole('tabpanel').getByRole('table');
  await expect(table.getByText(members.items[0].name, { exact: true })).toBeVisible();
  await expect(page.getByText(`共 ${members.total} 人`)).toBeVisible();

  // Chinese must render as glyphs, not boxes: keep a screenshot with the report.
  const shot = testInfo.outputPath('branch-page.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('branch page', { path: shot, contentType: 'image/png' });
});

test('a unit secretary sees only their own unit in the tree', async ({ page }) => {
  await login(page, 'yanke', '/orgs');
  const tree = page.getByRole('tree');
  await expect(tree.getByText('中共市眼科医院总支部委员会')).toBeVisible();
  await expect(tree.getByText('中共市人民医院委员会')).toHaveCount(0);
});

test('a wrong password is refused with the one generic message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
