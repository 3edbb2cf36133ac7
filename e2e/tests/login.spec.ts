import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers/login';

/**
 * The login form is hand-made, without antd (apps/web/src/features/auth/pages/login-page.tsx):
 * it must check its fields as antd's Form did, and send nothing the server would refuse anyway.
 */
test('the login form asks for both fields in Chinese, refuses a username of spaces, and then signs in', async ({ page }) => {
  const logins: string[] = [];
  page.on('request', (req) => { if (req.url().endsWith('/api/auth/login')) logins.push(req.method()); });
  await page.goto('/login?from=%2Forgs');
  const username = page.getByLabel('用户名');
  const password = page.getByLabel('密码');
  const submit = page.getByRole('button', { name: /登\s*录/ });

  await submit.click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();
  await expect(username).toHaveAttribute('aria-invalid', 'true');

  await username.fill('   ');
  await password.fill(DEMO_PASSWORD);
  await expect(page.getByText('请输入密码')).toHaveCount(0);
  await submit.click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  expect(logins).toEqual([]);

  // The eye button shows what was typed, and hides it again.
  await page.getByRole('button', { name: '显示明文' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: '显示明文' }).click();
  await expect(password).toHaveAttribute('type', 'password');

  await username.fill('admin');
  await expect(page.getByText('请输入用户名')).toHaveCount(0);
  await password.press('Enter');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page).toHaveURL(/\/orgs$/);
  expect(logins).toEqual(['POST']);
});
