import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026';

/** Logs in through the login page as one of the demo users and waits for the app shell. */
export async function login(page: Page, username: string, path = '/') {
  await page.goto(`/login?from=${encodeURIComponent(path)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}
