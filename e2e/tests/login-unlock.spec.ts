import { expect, test } from '@playwright/test';
import { login } from './helpers/login';

// Unique per run, so a rerun against the same database never collides on the username.
const username = `lk${String(Date.now()).slice(-6)}`;
const password = 'Unlock2026ok';

test('five wrong passwords block the address; the admin sees it on 用户管理 and 解除登录限制 lets the user in', async ({ page, playwright }) => {
  await login(page, 'admin', '/admin?tab=users');
  const created = await page.request.post('/api/users', { data: { username, password, displayName: '锁定测试', role: 'viewer', scopeOrgId: null } });
  expect(created.status()).toBe(201);

  // Another client (no admin cookie) guesses wrong five times; then even the right password is refused.
  const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (let i = 0; i < 5; i++) expect((await stranger.post('/api/auth/login', { data: { username, password: `wrong-${i}` } })).status()).toBe(401);
  expect((await stranger.post('/api/auth/login', { data: { username, password } })).status()).toBe(401);

  await page.reload();
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('登录受限（1 个地址）');
  await row.getByRole('button', { name: `解除 ${username} 的登录限制` }).click();
  await page.getByRole('button', { name: /解\s*除/ }).last().click();
  await expect(page.getByText(`已解除 ${username} 的登录限制`)).toBeVisible();
  await expect(row).not.toContainText('登录受限');
  await expect(row.getByRole('button', { name: `解除 ${username} 的登录限制` })).toHaveCount(0);

  expect((await stranger.post('/api/auth/login', { data: { username, password } })).status()).toBe(200);
  await stranger.dispose();
});
