import { expect, test, type Locator, type Page } from '@playwright/test';
import { login } from './helpers/login';
import { selectOption } from './helpers/select';

/**
 * A 支委会 recorded on a phone (390 × 844) with its evidence: 主持人, 记录人,
 * the branch's members as attendees with one absentee and a reason, minutes,
 * and a photo of the sign-in sheet — then listed with the record, downloadable.
 */
test.use({ viewport: { width: 390, height: 844 } });

/** A 1×1 PNG, as a phone's camera would hand over a (much larger) photo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const noSideways = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  // Polled: a drawer or popup still animating out may overhang for a moment on a busy machine; a real overflow stays.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
};

test('the branch secretary records a 支委会 with attendees and a photo and sees it listed', async ({ page }) => {
  await login(page, 'jijiu', '/org-life');
  await page.getByRole('button', { name: '登记组织生活' }).click();
  const dialog = page.getByRole('dialog', { name: '登记组织生活' });
  await expect(dialog).toBeVisible();
  await selectOption(page, dialog.locator('.ant-select').first(), '支委会');
  // Dated in an earlier month: this month's 支委会 is what todos.spec.ts records from 待办.
  const earlier = new Date(Date.now() + 8 * 3600_000 - 40 * 86400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('会议日期').fill(earlier);
  await dialog.getByLabel('会议日期').press('Enter');
  await expect(dialog.getByLabel('会议日期')).toHaveValue(earlier);
  const topic = `支委会研究发展党员工作 ${Date.now() % 100000}`;
  await dialog.getByLabel('会议主题').fill(topic);

  await dialog.getByRole('button', { name: '全体党员' }).click();
  const counts = dialog.getByTestId('attendance-counts');
  await expect(counts).toContainText('应到');
  const expected = Number((await counts.locator('b').first().textContent())!);
  expect(expected).toBeGreaterThan(2);
  // The typed counts give way to the list's.
  await expect(dialog.getByLabel('应到人数')).toHaveCount(0);

  const absentName = await pick(page, dialog.getByLabel('缺席人员'));
  await dialog.locator('.ant-modal-title').click(); // a multiple Select stays open: leave it
  const row = dialog.getByTestId('absence-row');
  await expect(row).toContainText(absentName);
  await pick(page, row.getByRole('combobox'), '因病');
  await expect(counts).toContainText(`实到 ${expected - 1} 人`);

  const hostName = await pick(page, dialog.getByLabel('主持人'));
  await pick(page, dialog.getByLabel('记录人'));
  await dialog.getByLabel('会议记录').fill('一、传达上级会议精神\n二、研究确定发展对象');
  await dialog.getByTestId('evidence-input').setInputFiles({ name: '签到表.png', mimeType: 'image/png', buffer: PNG });
  await expect(dialog.getByTestId('pending-file')).toContainText('签到表.png');
  await noSideways(page);

  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(dialog).toBeHidden();

  const listed = page.locator('tr.ant-table-row', { hasText: topic });
  await expect(listed).toHaveCount(1);
  await expect(listed.getByTestId('attachment-count')).toContainText('1');
  await expect(listed).toContainText(`${expected} / ${expected - 1}`);
  await listed.locator('.ant-table-row-expand-icon').click();
  const evidence = page.getByTestId('meeting-evidence');
  await expect(evidence).toContainText(hostName);
  await expect(evidence).toContainText(`${absentName}（因病）`);
  await expect(evidence).toContainText('研究确定发展对象');
  const link = evidence.getByRole('link', { name: '签到表.png' });
  await expect(link).toBeVisible();
  const res = await page.request.get((await link.getAttribute('href'))!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(Buffer.from(await res.body()).equals(PNG)).toBe(true);
  await noSideways(page);
});

/**
 * Chooses an option (the first, or the one named) of the Select whose
 * combobox is given, in that Select's own dropdown (found by aria-controls:
 * another Select's list may still be fading out); returns its label.
 */
async function pick(page: Page, combobox: Locator, name?: string): Promise<string> {
  const root = combobox.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  for (let attempt = 0; ; attempt++) {
    if ((await combobox.getAttribute('aria-expanded')) !== 'true') await combobox.click();
    await expect(combobox).toHaveAttribute('aria-controls', /.+/);
    const listId = await combobox.getAttribute('aria-controls');
    const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) });
    const options = dropdown.locator('.ant-select-item-option');
    const option = name ? options.filter({ hasText: name }).first() : options.first();
    const label = (await option.textContent())!.trim();
    await option.click();
    // The dropdown slides in: a click during the animation can miss. Check the Select shows the choice.
    try {
      await expect(root.locator(`[title="${label}"]`).first()).toBeVisible({ timeout: 3_000 });
      return label;
    } catch (err) {
      if (attempt >= 2) throw err;
    }
  }
}

test('another unit\'s page says 无权访问, with nothing to retry', async ({ page }) => {
  await login(page, 'yanke');
  // Org 2 is 市人民医院's 党委 in the (deterministic) demo data.
  expect((await page.request.get('/api/orgs/2')).status()).toBe(403);
  await page.goto('/orgs/2');
  await expect(page.getByTestId('no-access').first()).toContainText('无权访问');
  await expect(page.getByText('加载失败')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /重\s*试/ })).toHaveCount(0);
});
