import { statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers/login';

/** 报告: a person picks the year and scope, sees the report's headline figures, and downloads the files. */
interface Dashboard { year: number; counts: { branches: number; members: number } }

async function getJson<T>(page: Page, path: string): Promise<T> {
  // page.request carries the browser's login: the API answers for the user the page shows.
  const res = await page.request.get(path);
  expect(res.ok(), `${path} → ${res.status()}`).toBeTruthy();
  return (await res.json()) as T;
}

const figure = (page: Page, label: string) =>
  page.getByRole('region', { name: '报告预览' }).getByRole('group', { name: label, exact: true }).locator('.ant-statistic-content-value');

/** Clicks a download button and returns the saved file (正在生成… shows meanwhile; too brief for small files to assert). */
async function download(page: Page, title: string) {
  const row = page.getByRole('group', { name: title, exact: true });
  const started = page.waitForEvent('download', { timeout: 60_000 });
  await row.getByRole('button', { name: `下载${title}` }).click();
  const file = await started;
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  await expect(row.getByRole('status')).toContainText(`已下载 ${file.suggestedFilename()}`);
  return { name: file.suggestedFilename(), size: statSync(path).size };
}

test('admin previews the commission\'s figures and downloads the annual report in Word', async ({ page }) => {
  await login(page, 'admin', '/reports');
  await expect(page.getByRole('heading', { name: '报告', exact: true })).toBeVisible();
  const dash = await getJson<Dashboard>(page, '/api/quality/dashboard');
  await expect(page.getByLabel('报告范围')).toBeVisible();
  await expect(page.getByText(`报告预览：市卫生健康委直属机关${dash.year}年度`)).toBeVisible();
  await expect(figure(page, '党支部')).toHaveText(String(dash.counts.branches));
  await expect(figure(page, '党员')).toHaveText(dash.counts.members.toLocaleString('en-US'));

  const docx = await download(page, '年度基层党组织建设质量报告');
  expect(docx.name).toBe(`市卫生健康委直属机关${dash.year}年度基层党组织建设质量报告.docx`);
  expect(docx.size).toBeGreaterThan(10 * 1024);
});

test('choosing a unit switches the preview and the files to that unit', async ({ page }) => {
  await login(page, 'leader', '/reports');
  await page.getByLabel('报告范围').click();
  await page.getByTitle('中共市眼科医院总支部委员会').click();
  await expect(page.getByText(/报告预览：中共市眼科医院总支部委员会\d{4}年度/)).toBeVisible();
  await expect(page.getByRole('group', { name: '单位综合得分' })).toBeVisible();
  const xlsx = await download(page, '质量评价得分');
  expect(xlsx.name).toMatch(/^中共市眼科医院总支部委员会\d{4}年度党支部质量评价得分\.xlsx$/);
});

test('a unit secretary reports on their own unit only', async ({ page }) => {
  await login(page, 'renmin', '/reports');
  const scope = page.getByLabel('报告范围');
  await expect(page.getByText(/报告预览：中共市人民医院委员会\d{4}年度/)).toBeVisible();
  await expect(page.locator('.ant-select-disabled').filter({ hasText: '市人民医院' })).toBeVisible();
  await expect(scope).toBeDisabled();
  const docx = await download(page, '年度基层党组织建设质量报告');
  expect(docx.name).toMatch(/^中共市人民医院委员会\d{4}年度基层党组织建设质量报告\.docx$/);
  expect(docx.size).toBeGreaterThan(10 * 1024);
});

test('a branch secretary is told that reports are not theirs to export', async ({ page }) => {
  await login(page, 'jijiu', '/reports');
  await expect(page.getByText('支部书记账号不能导出报告')).toBeVisible();
  await expect(page.getByRole('button', { name: /^下载/ })).toHaveCount(0);
});
