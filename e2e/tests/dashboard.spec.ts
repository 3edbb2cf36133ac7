import { expect, test, type Locator, type Page } from '@playwright/test';
import { login } from './helpers/login';
import { selectOption } from './helpers/select';

/** The slices of the quality API's answers these tests compare the page against. */
interface Dashboard {
  year: number;
  asOf: string;
  years: number[];
  counts: { units: number; branches: number; members: number; inService: number; retired: number };
  averageScore: number | null;
  belowPassLine: number;
  previous: { year: number; averageScore: number | null } | null;
  unitRanking: { orgId: number; name: string; institutionName: string | null }[];
  topGaps: { code: string; text: string; count: number }[];
}
interface GapLine { code: string; level: 'branch' | 'unit'; text: string; count: number; orgs: { name: string; unitName: string; message: string }[] }
interface Gap { message: string; tier: string }

async function getJson<T>(page: Page, path: string): Promise<T> {
  // page.request shares the browser's login cookie: the API answers for the same user the page shows.
  const res = await page.request.get(path);
  expect(res.ok(), `${path} → ${res.status()}`).toBeTruthy();
  return (await res.json()) as T;
}

const kpi = (page: Page, title: string) => page.getByRole('group', { name: title, exact: true });
/** The big figure of a KPI card, as a number ("3,151" → 3151). */
async function kpiValue(card: Locator): Promise<number> {
  const text = await card.locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/,/g, ''));
}
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

async function expectKpisMatch(page: Page, api: Dashboard) {
  await expect(page.getByTestId('quality-period')).toContainText(`评价年度 ${api.year} · 截至 ${cnDate(api.asOf)}`);
  await expect.poll(() => kpiValue(kpi(page, '党支部'))).toBe(api.counts.branches);
  await expect.poll(() => kpiValue(kpi(page, '党员'))).toBe(api.counts.members);
  await expect(kpi(page, '党员')).toContainText(`在职 ${api.counts.inService} 名 / 离退休 ${api.counts.retired} 名`);
  await expect.poll(() => kpiValue(kpi(page, '平均得分'))).toBe(api.averageScore);
  await expect.poll(() => kpiValue(kpi(page, '低于合格线支部'))).toBe(api.belowPassLine);
}

test('the committee sees the API figures on the dashboard, for the default and the previous year', async ({ page }, testInfo) => {
  await login(page, 'admin');
  const api = await getJson<Dashboard>(page, '/api/quality/dashboard');
  await expect(page.getByRole('heading', { name: '全委党建质量总览' })).toBeVisible();
  await expect.poll(() => kpiValue(kpi(page, '直属单位'))).toBe(api.counts.units);
  await expectKpisMatch(page, api);

  if (api.previous?.averageScore != null && api.averageScore !== null) {
    const diff = Math.round((api.averageScore - api.previous.averageScore) * 10) / 10;
    const trend = diff > 0 ? `上升${diff}分` : diff < 0 ? `下降${-diff}分` : '持平';
    await expect(kpi(page, '平均得分')).toContainText(`${api.previous.year}年`);
    await expect(kpi(page, '平均得分')).toContainText(trend);
  }

  // The charts are loaded on demand; wait for them before the picture.
  await expect(page.getByRole('img', { name: /^单位得分排名/ }).locator('canvas')).toBeVisible();
  await expect(page.getByRole('img', { name: /^问题分布/ }).locator('canvas')).toBeVisible();
  const shot = testInfo.outputPath('dashboard.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('dashboard', { path: shot, contentType: 'image/png' });

  // The demo data holds last year too: switching shows that year's figures.
  const other = api.years.find((y) => y !== api.year);
  expect(other).toBeDefined();
  await page.getByRole('combobox', { name: '评价年度' }).click();
  await page.getByTitle(`${other}年度`).click();
  const before = await getJson<Dashboard>(page, `/api/quality/dashboard?year=${other}`);
  await expectKpisMatch(page, before);
});

test('the 四强 radar shows the averages of the unit picked, as its score detail gives them', async ({ page }) => {
  await login(page, 'admin');
  const api = await getJson<Dashboard>(page, '/api/quality/dashboard');
  const radar = page.getByRole('img', { name: /^四强维度对比/ });
  const shows = async (unit: Dashboard['unitRanking'][number]) => {
    const detail = await getJson<{ dimensions: Record<string, number | null> }>(page, `/api/quality/units/${unit.orgId}?year=${api.year}`);
    const values = Object.values(detail.dimensions);
    expect(values).toHaveLength(4);
    const name = unit.institutionName ?? unit.name;
    // The label reads 全委平均 …；<unit> <dimension><value>、…: the unit's part holds its four values in order.
    await expect.poll(async () => (await radar.getAttribute('aria-label'))?.split('；')[1] ?? '').toMatch(new RegExp(`^${name} \\D+${values.map((v) => String(v ?? '无')).join('\\D+')}$`));
  };
  // At first the lowest-ranked unit, then the one picked.
  await shows(api.unitRanking.at(-1)!);
  const best = api.unitRanking[0]!;
  // The list opens at the unit shown (the last): search for the one to pick, as a person would among many.
  const bestName = best.institutionName ?? best.name;
  // selectOption tries the gesture again when a click lands while the list re-renders (and checks what the field shows).
  await selectOption(page, page.getByRole('combobox', { name: '对比单位' }), new RegExp(`^${bestName}$`), { type: bestName, chosen: bestName });
  await shows(best);
});

test('a 问题清单 line opens exactly the organisations behind its number', async ({ page }) => {
  await login(page, 'admin');
  const dash = await getJson<Dashboard>(page, '/api/quality/dashboard');
  const { items } = await getJson<{ items: GapLine[] }>(page, `/api/quality/gaps?year=${dash.year}`);
  const panel = page.getByRole('region', { name: '问题清单' });
  await expect(panel.getByTestId('gap-text')).toHaveText(items.map((l) => l.text));

  // The biggest branch-level line and, when there is one, a unit-level line.
  const lines = [items.find((l) => l.level === 'branch'), items.find((l) => l.level === 'unit')].filter((l) => l !== undefined);
  for (const line of lines) {
    expect(line.text.startsWith(String(line.orgs.length))).toBeTruthy();
    await panel.getByRole('button', { name: `${line.text}，查看名单` }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer).toContainText(line.text);
    const rows = drawer.locator('tbody tr.ant-table-row');
    await expect(rows).toHaveCount(line.count);
    await expect(rows.locator('td:first-child a')).toHaveText(line.orgs.map((o) => o.name));
    for (const [i, org] of line.orgs.entries()) await expect(rows.nth(i)).toContainText(org.message);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  }
});

test('a branch page lists every lost point of that branch', async ({ page }) => {
  await login(page, 'admin');
  const list = await getJson<{ items: { orgId: number; name: string; gapCount: number }[] }>(page, '/api/quality/branches');
  const branch = list.items.find((b) => b.gapCount > 0)!;
  const detail = await getJson<{ total: number; gaps: Gap[] }>(page, `/api/quality/branches/${branch.orgId}`);

  await page.goto(`/orgs/${branch.orgId}`);
  await page.getByRole('tab', { name: '支部得分与失分' }).click();
  await expect(page.getByTestId('quality-total')).toContainText(String(detail.total));
  // Reminders (tier 提醒) are listed apart and are not 问题.
  const problems = detail.gaps.filter((g) => g.tier !== 'reminder');
  const messages = page.getByRole('list', { name: '失分项' }).getByTestId('lost-point-message');
  await expect(messages).toHaveCount(problems.length);
  expect((await messages.allInnerTexts()).sort()).toEqual(problems.map((g) => g.message).sort());
  await expect(page.getByText(`问题 ${problems.length} 处`)).toBeVisible();
});

test('a unit secretary sees only their own unit', async ({ page }) => {
  await login(page, 'renmin');
  const me = await getJson<{ scopeOrgId: number; scopeOrgName: string }>(page, '/api/auth/me');
  const unit = await getJson<{ name: string; branchCount: number }>(page, `/api/quality/units/${me.scopeOrgId}`);
  const org = await getJson<{ counts: { members: number } }>(page, `/api/orgs/${me.scopeOrgId}`);

  await expect(page.getByRole('heading', { name: `${me.scopeOrgName} · 总览` })).toBeVisible();
  await expect.poll(() => kpiValue(kpi(page, '直属单位'))).toBe(1);
  await expect.poll(() => kpiValue(kpi(page, '党支部'))).toBe(unit.branchCount);
  await expect.poll(() => kpiValue(kpi(page, '党员'))).toBe(org.counts.members);
  // A ranking of one unit says nothing: the page says why instead of drawing it.
  await expect(page.getByText(/您的查看范围仅为本单位/)).toBeVisible();
  await expect(page.getByRole('img', { name: /^单位得分排名/ })).toHaveCount(0);

  const { items } = await getJson<{ items: GapLine[] }>(page, '/api/quality/gaps');
  const line = items.find((l) => l.level === 'branch')!;
  expect(line.orgs.every((o) => o.unitName === unit.name)).toBeTruthy();
  await page.getByRole('region', { name: '问题清单' }).getByRole('button', { name: `${line.text}，查看名单` }).click();
  const units = page.getByRole('dialog').locator('tbody tr.ant-table-row td:nth-child(2)');
  await expect(units).toHaveCount(line.count);
  expect(new Set(await units.allInnerTexts())).toEqual(new Set([unit.name]));
});
