import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers/login';

/** The slice of GET /api/quality/years the page is compared against. */
interface Row {
  year: number;
  averageScore: number | null;
  grades: { good: number; fair: number; poor: number };
  tiers: Record<'regulation' | 'commission' | 'reminder', { kinds: number; count: number }>;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.ok(), `${path} → ${res.status()}`).toBeTruthy();
  return (await res.json()) as T;
}

test('the dashboard\'s 历年对比 sets 2024, 2025 and 2026 side by side with the API\'s figures', async ({ page }) => {
  await login(page, 'admin');
  const card = page.getByRole('region', { name: '历年对比' });
  await expect(card).toBeVisible();
  const { items } = await getJson<{ items: Row[] }>(page, '/api/quality/years');
  expect(items.map((r) => r.year)).toEqual([2024, 2025, 2026]);
  const rows = card.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  for (const [i, r] of items.entries()) {
    const cells = rows.nth(i).locator('td');
    await expect(cells.nth(0)).toContainText(String(r.year));
    expect(r.averageScore).not.toBeNull();
    await expect(cells.nth(1)).toHaveText(r.averageScore!.toFixed(1));
    await expect(cells.nth(2)).toHaveText(String(r.grades.good));
    await expect(cells.nth(3)).toHaveText(String(r.grades.fair));
    await expect(cells.nth(4)).toHaveText(String(r.grades.poor));
    await expect(cells.nth(5)).toHaveText(String(r.tiers.regulation.count));
    await expect(cells.nth(6)).toHaveText(String(r.tiers.commission.count));
    await expect(cells.nth(7)).toHaveText(String(r.tiers.reminder.count));
  }
  // The years are not one year thrice: their averages differ somewhere.
  expect(new Set(items.map((r) => r.averageScore)).size).toBeGreaterThan(1);
});

test('a unit secretary\'s 历年对比 shows their own unit\'s branches only', async ({ page }) => {
  await login(page, 'renmin');
  const card = page.getByRole('region', { name: '历年对比' });
  const mine = await getJson<{ items: Row[] }>(page, '/api/quality/years');
  const rows = card.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(mine.items.length);
  await expect(rows.first().locator('td').nth(1)).toHaveText(mine.items[0]!.averageScore!.toFixed(1));
});
