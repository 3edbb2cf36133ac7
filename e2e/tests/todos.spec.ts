import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers/login';

/**
 * The branch secretary's month on a phone (390 × 844): open 待办, record the
 * month's 支委会 from its item with the form prefilled, and the item is gone.
 * No page scrolls sideways.
 */
test.use({ viewport: { width: 390, height: 844 } });

const chinaToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const noSideways = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  // Polled: a drawer or popup still animating out may overhang for a moment on a busy machine; a real overflow stays.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
};

test('the branch secretary records the month\'s 支委会 from 待办 and the item is gone', async ({ page }) => {
  await login(page, 'jijiu');
  await noSideways(page);
  // The 总览 leads with the branch's own 待办 and score.
  await expect(page.getByText('本支部待办')).toBeVisible();
  await expect(page.getByText('本支部得分')).toBeVisible();

  await page.getByTestId('todo-badge').click();
  await expect(page).toHaveURL(/\/todos$/);
  const month = Number(chinaToday().slice(5, 7));
  const item = page.getByTestId('todo-item').filter({ hasText: `召开${month}月支委会` });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('依据：');
  await noSideways(page);

  await item.getByRole('button', { name: /登\s*记/ }).click();
  const dialog = page.getByRole('dialog', { name: '登记组织生活' });
  await expect(dialog).toBeVisible();
  // Prefilled from the item: the type and today's date.
  await expect(dialog.locator('.ant-select').first()).toContainText('支委会');
  await expect(dialog.getByLabel('会议日期')).toHaveValue(chinaToday());
  await dialog.getByLabel('会议主题').fill('研究本月支部工作');
  await dialog.getByLabel('应到人数').fill('5');
  await dialog.getByLabel('实到人数').fill('5');
  await noSideways(page);
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(dialog).toBeHidden();

  await expect(item).toHaveCount(0);
  await expect(page.getByTestId('todo-item').first()).toBeVisible();
  await noSideways(page);
});

test('at 390 px the header fits: the user sits in a menu, nothing spills sideways', async ({ page }) => {
  await login(page, 'renmin', '/todos');
  await expect(page.getByTestId('todo-list')).toBeVisible();
  await noSideways(page);
  const header = await page.locator('header').boundingBox();
  expect(header!.width).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: '当前用户' }).click();
  await expect(page.getByRole('menuitem', { name: /退出/ })).toBeVisible();
  await page.keyboard.press('Escape');
  // The navigation opens from the header's menu button and folds away after a choice.
  await page.getByRole('button', { name: '导航菜单' }).click();
  await page.getByRole('navigation', { name: '主导航' }).getByText('组织生活').click();
  await expect(page).toHaveURL(/\/org-life/);
  await expect(page.getByRole('navigation', { name: '主导航' }).getByText('组织生活')).toBeHidden();
  await noSideways(page);
});

test('the commission sees overdue items by unit and drills into one', async ({ page }) => {
  await login(page, 'admin', '/todos');
  await expect(page.getByRole('heading', { name: '各单位逾期待办' })).toBeVisible();
  await noSideways(page);
  const first = page.getByRole('button', { name: /查看全部/ }).first();
  await first.click();
  await expect(page).toHaveURL(/unitId=\d+/);
  await expect(page.getByRole('button', { name: '各单位' })).toBeVisible();
  await expect(page.getByTestId('todo-item').first()).toBeVisible();
  await noSideways(page);
});

test('the unit secretary returns a record with a reason, and the branch sees it in 待办', async ({ page }) => {
  await login(page, 'jijiu');
  const me = await (await page.request.get('/api/auth/me')).json() as { scopeOrgId: number };
  await page.context().clearCookies();

  await login(page, 'renmin', `/org-life?branch=${me.scopeOrgId}`);
  const review = page.getByRole('button', { name: /^审核 / }).first();
  await review.click();
  const dialog = page.getByRole('dialog', { name: '审核组织生活记录' });
  await dialog.getByLabel('退回').check();
  await dialog.getByLabel('退回原因').fill('缺少会议记录和签到表');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('review-status').filter({ hasText: '已退回' })).toHaveCount(1);
  await noSideways(page);
  await page.context().clearCookies();

  await login(page, 'jijiu', '/todos');
  const item = page.getByTestId('todo-item').filter({ hasText: '缺少会议记录和签到表' });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('修改被退回的');
  await item.getByRole('button', { name: '修改记录' }).click();
  await expect(page.getByRole('dialog', { name: '修改组织生活记录' })).toBeVisible();
});

test('a branch secretary\'s pages do not scroll sideways at 390 px', async ({ page }) => {
  await login(page, 'jijiu');
  const me = await (await page.request.get('/api/auth/me')).json() as { scopeOrgId: number };
  for (const path of ['/', '/todos', '/org-life', '/members', `/orgs/${me.scopeOrgId}`, '/work']) {
    await page.goto(path);
    await expect(page.getByTestId('current-user')).toBeVisible();
    await noSideways(page);
  }
});
