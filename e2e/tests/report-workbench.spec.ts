import { expect, test } from '@playwright/test';
import { login } from './helpers/login';

/**
 * The report workbench on 报告: the office rewrites a generated paragraph and
 * adds one of its own (理论学习, which no record measures); both are saved for
 * the year and scope and are there after a reload.
 */
const EDITED = '各党支部严格落实“三会一课”制度，组织生活规范有序（e2e 修改）。';
const STUDY = '理论学习方面，各党支部坚持“第一议题”制度，开展集中学习研讨（e2e 补充）。';

test('admin edits a paragraph of the draft and adds a 理论学习 paragraph; after a reload both are there', async ({ page }) => {
  await login(page, 'admin', '/reports');
  const draft = page.getByRole('region', { name: '报告草稿' });
  const orgLife = draft.getByRole('group', { name: '段落 work.orgLife' });
  await expect(orgLife).toContainText('按期完成率');

  await orgLife.getByRole('button', { name: /^编\s*辑$/ }).click();
  await draft.getByLabel('段落内容').fill(EDITED);
  await draft.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText('段落已保存')).toBeVisible();
  await expect(orgLife).toContainText(EDITED);

  await draft.getByRole('button', { name: '在“二、工作成效”中添加段落' }).click();
  await draft.getByLabel('段落内容').fill(STUDY);
  await draft.getByRole('button', { name: /^添\s*加$/ }).click();
  await expect(page.getByText('段落已添加')).toBeVisible();

  await page.reload();
  const fresh = page.getByRole('region', { name: '报告草稿' });
  await expect(fresh.getByRole('group', { name: '段落 work.orgLife' })).toContainText(EDITED);
  await expect(fresh.getByRole('group', { name: '段落 work.orgLife' })).toContainText('已修改');
  await expect(fresh.getByRole('group', { name: '段落 work.orgLife' })).not.toContainText('按期完成率');
  const work = fresh.getByRole('region', { name: '二、工作成效' });
  await expect(work.getByRole('group').last()).toContainText(STUDY);
  await expect(work.getByRole('group').last()).toContainText('补充段落');
});
