import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers/login';

/**
 * What the login page costs to download (issue 11, item 8). Pages load on
 * demand (apps/web/src/app/router.tsx), so the login page must not bring the
 * dashboard's echarts with it, and its JavaScript stays within a budget.
 *
 * The goal is 200 kB gzip. With antd on it (Form, Input, Card, Typography,
 * Alert and the App wrapper in the eager providers) the login page loaded
 * ~289 kB; drawn without antd, with antd's providers loading with the app
 * shell, it loads ~118 kB, of which React and react-router are ~97 kB.
 * No antd code either: every antd component styles itself through antd's
 * CSS-in-JS runtime, so that runtime's marker string shows antd came along.
 */
const LOGIN_JS_GZIP_BUDGET = 200_000;
/** A string only echarts' own code carries (its renderer, zrender), whatever its chunk is called. */
const ECHARTS_MARKER = 'zrender';
/** The attribute @ant-design/cssinjs puts on the style tags it writes: in every antd build, in no other code here. */
const ANTD_MARKER = 'data-css-hash';

interface Script { url: string; body: Buffer }

/** Every script the page downloads from now on, with its decoded body. */
function recordScripts(page: Page): Promise<Script>[] {
  const scripts: Promise<Script>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    scripts.push(res.body().then((body) => ({ url: new URL(res.url()).pathname, body })));
  });
  return scripts;
}

/** The gzip size of each script, compressed here: the figure does not depend on what the server negotiated. */
const gzipBytes = (scripts: Script[]) => scripts.reduce((sum, s) => sum + gzipSync(s.body, { level: 9 }).length, 0);
const hasEcharts = (s: Script) => /echarts/i.test(s.url) || s.body.includes(ECHARTS_MARKER);
const hasAntd = (s: Script) => s.body.includes(ANTD_MARKER);

test('the login page downloads its JavaScript within budget, and neither echarts nor antd', async ({ page }, testInfo) => {
  const recorded = recordScripts(page);
  await page.goto('/login');
  await expect(page.getByLabel('用户名')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const scripts = await Promise.all(recorded);

  // The page was built from scripts at all (a page that loaded nothing would pass any budget).
  expect(scripts.length).toBeGreaterThan(1);
  const total = gzipBytes(scripts);
  testInfo.annotations.push({ type: 'login JS', description: `${scripts.length} scripts, ${total} bytes gzip` });
  console.log(`login page: ${scripts.length} scripts, ${(total / 1000).toFixed(1)} kB gzip`);
  expect(total).toBeLessThanOrEqual(LOGIN_JS_GZIP_BUDGET);
  expect(scripts.filter(hasEcharts).map((s) => s.url)).toEqual([]);
  expect(scripts.filter(hasAntd).map((s) => s.url)).toEqual([]);
});

test('after login the dashboard still draws its charts, with echarts loaded on the way', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('用户名')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const afterLogin = recordScripts(page);

  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();

  await expect(page.getByRole('heading', { name: '全委党建质量总览' })).toBeVisible();
  await expect(page.getByRole('group', { name: '党支部', exact: true }).locator('.ant-statistic-content-value')).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByRole('img', { name: /^单位得分排名/ }).locator('canvas')).toBeVisible();
  await expect(page.getByRole('img', { name: /^问题分布/ }).locator('canvas')).toBeVisible();
  // The charts and antd came with the dashboard, not with the login page.
  const scripts = await Promise.all(afterLogin);
  expect(scripts.some(hasEcharts)).toBeTruthy();
  expect(scripts.some(hasAntd)).toBeTruthy();
});
