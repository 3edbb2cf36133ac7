import { expect, test, type Locator, type Page } from '@playwright/test';
import { login } from './helpers/login';
import { selectOption } from './helpers/select';

/**
 * The round trip a unit secretary cares about: record the 支部党员大会 a branch
 * lacked, watch the score rise and the gap go; stay locked out of other
 * units; and the admin finds the change in the audit log.
 */
interface GapLine { code: string; level: string; orgs: { orgId: number; name: string; unitName: string; message: string }[] }

async function pickOption(page: Page, field: Locator, option: string) {
  await selectOption(page, field, new RegExp(`^${option}$`), { chosen: option });
}

const total = async (page: Page) => Number((await page.getByTestId('quality-total').innerText()).match(/[\d.]+/)![0]);

test('a unit secretary records a missing 支部党员大会, the score rises, the gap goes, and the admin sees it audited', async ({ page }) => {
  await login(page, 'renmin');
  const gaps = (await (await page.request.get('/api/quality/gaps')).json()).items as GapLine[];
  const line = gaps.find((g) => g.code === 'general_meeting')!;
  const target = line.orgs.find((o) => /第.季度未召开支部党员大会/.test(o.message));
  expect(target, 'a 市人民医院 branch lacks a quarterly 支部党员大会 in the demo data').toBeDefined();
  const missing = /(\d{4})年第(.)季度未召开支部党员大会/.exec(target!.message)!;
  const quarter = ['一', '二', '三', '四'].indexOf(missing[2]!);
  const date = `${missing[1]}-${String(quarter * 3 + 2).padStart(2, '0')}-15`;

  await page.goto(`/orgs/${target!.orgId}`);
  await page.getByRole('tab', { name: '支部得分与失分' }).click();
  const lost = page.getByRole('list', { name: '失分项' }).getByTestId('lost-point-message');
  await expect(lost.filter({ hasText: missing[0]! })).toHaveCount(1);
  const before = await total(page);

  await page.getByRole('tab', { name: '组织生活' }).click();
  await page.getByRole('button', { name: '登记组织生活' }).click();
  const dialog = page.getByRole('dialog', { name: '登记组织生活' });
  await pickOption(page, dialog.getByLabel('会议类型'), '支部党员大会');
  await dialog.getByLabel('会议日期').fill(date);
  await dialog.getByLabel('会议日期').press('Enter');
  await dialog.getByLabel('会议主题').fill('补开季度支部党员大会');
  await dialog.getByLabel('应到人数').fill('12');
  await dialog.getByLabel('实到人数').fill('11');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: '支部得分与失分' }).click();
  await expect(lost.first()).toBeVisible();
  await expect(lost.filter({ hasText: missing[0]! })).toHaveCount(0);
  await expect.poll(() => total(page)).toBeGreaterThan(before);

  // Only this user's own unit is in their tree (another unit's page: the next test).
  const tree = await (await page.request.get('/api/orgs/tree')).json();
  expect(tree.root.children.map((u: { institutionName: string }) => u.institutionName)).toEqual(['市人民医院']);

  await page.getByRole('button', { name: /退\s*出/ }).click();
  await login(page, 'admin', '/admin?tab=audit');
  const entry = page.getByRole('row').filter({ hasText: 'renmin' }).filter({ hasText: '新增' }).first();
  await expect(entry).toBeVisible();
  await entry.click();
  await expect(page.locator('.ant-table-expanded-row').first()).toContainText('补开季度支部党员大会');
});

test('a unit secretary opening another unit\'s page is told they have no access', async ({ page }) => {
  await login(page, 'yanke');
  const own = await (await page.request.get('/api/orgs/tree')).json();
  expect(own.root.children.map((u: { institutionName: string }) => u.institutionName)).toEqual(['市眼科医院']);
  // Org 2 is 市人民医院's 党委 in the (deterministic) demo data.
  const res = await page.request.get('/api/orgs/2');
  expect(res.status()).toBe(403);
  await page.goto('/orgs/2');
  await expect(page.getByText('无权访问本单位（支部）以外的数据')).toBeVisible();
});
