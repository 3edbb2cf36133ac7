import { expect, test, type Locator, type Page } from '@playwright/test';
import { login } from './helpers/login';
import { selectOption } from './helpers/select';

/** A branch's records: 组织生活, 品牌·书记项目·先锋岗 and 发展党员, as each role sees them. */

interface TreeNode { id: number; kind: string; name: string; institutionName: string | null; children: TreeNode[] }

/** Today and yesterday in China, the day the app and the API mean by "today". */
const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The branches of 市人民医院, read from the API as the signed-in user sees them. */
async function renminBranches(page: Page): Promise<TreeNode[]> {
  const { root } = (await (await page.request.get('/api/orgs/tree')).json()) as { root: TreeNode };
  const unit = root.children.find((u) => u.institutionName === '市人民医院');
  expect(unit, '市人民医院 is in the tree').toBeDefined();
  return unit!.children.filter((c) => c.kind === 'branch');
}

async function pickOption(page: Page, field: Locator, option: string) {
  await selectOption(page, field, new RegExp(`^${option}$`), { chosen: option });
}

async function setDate(field: Locator, iso: string) {
  await field.fill(iso);
  await field.press('Enter');
}

test('the unit secretary records a 支部党员大会 in a branch of 市人民医院 and sees it in the table', async ({ page }) => {
  await login(page, 'renmin', '/orgs');
  const [, branch] = await renminBranches(page);
  await page.getByRole('tree').getByText(branch!.name, { exact: true }).click();
  await expect(page.getByRole('heading', { name: branch!.name })).toBeVisible();
  await page.getByRole('tab', { name: '组织生活' }).click();

  // The strip judges the year against the rules before anything is added.
  await expect(page.getByRole('listitem', { name: /^支部党员大会/ })).toBeVisible();

  await page.getByRole('button', { name: '登记组织生活' }).click();
  const dialog = page.getByRole('dialog', { name: '登记组织生活' });
  await pickOption(page, dialog.getByLabel('会议类型'), '支部党员大会');
  await setDate(dialog.getByLabel('会议日期'), chinaDay(-1));
  await dialog.getByLabel('会议主题').fill('学习贯彻全会精神专题党员大会');
  await dialog.getByLabel('应到人数').fill('17');
  await dialog.getByLabel('实到人数').fill('15');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();

  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /学习贯彻全会精神专题党员大会/ });
  await expect(row).toContainText('支部党员大会');
  await expect(row).toContainText(chinaDay(-1));
  await expect(row).toContainText('17 / 15');
  await expect(row).toContainText('88%');
  await expect(row).toContainText('renmin');

  // Filtering by another type hides it; the record is kept by the API.
  await pickOption(page, page.getByLabel('会议类型'), '党课');
  await expect(page.getByRole('row', { name: /学习贯彻全会精神专题党员大会/ })).toHaveCount(0);
  const saved = await (await page.request.get(`/api/orgs/${branch!.id}/meetings?type=general_meeting`)).json();
  expect(saved.some((m: { topic: string }) => m.topic === '学习贯彻全会精神专题党员大会')).toBe(true);
});

test('more present than expected is refused next to the field, in Chinese, and nothing is saved', async ({ page }) => {
  await login(page, 'renmin', '/orgs');
  const [branch] = await renminBranches(page);
  const before = await (await page.request.get(`/api/orgs/${branch!.id}/meetings`)).json();
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/meetings')) writes.push(r.url());
  });

  await page.goto(`/org-life?branch=${branch!.id}`);
  await page.getByRole('button', { name: '登记组织生活' }).click();
  const dialog = page.getByRole('dialog', { name: '登记组织生活' });
  await dialog.getByLabel('会议主题').fill('人数有误的一次会议');
  await dialog.getByLabel('应到人数').fill('10');
  await dialog.getByLabel('实到人数').fill('12');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();

  const presentItem = dialog.locator('.ant-form-item', { has: page.getByLabel('实到人数') });
  await expect(presentItem).toContainText('实到人数不能多于应到人数');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  await expect(page.getByRole('row', { name: /人数有误的一次会议/ })).toHaveCount(0);
  expect(writes).toEqual([]);
  const after = await (await page.request.get(`/api/orgs/${branch!.id}/meetings`)).json();
  expect(after).toHaveLength(before.length);
});

test('the leader reads the records of a branch without any button to change them', async ({ page }) => {
  await login(page, 'leader');
  const [branch] = await renminBranches(page);
  const meetings = await (await page.request.get(`/api/orgs/${branch!.id}/meetings?year=${chinaDay().slice(0, 4)}`)).json();

  await page.goto(`/org-life?branch=${branch!.id}`);
  await expect(page.getByRole('list', { name: '三会一课执行情况' })).toBeVisible();
  if (meetings.length > 0) await expect(page.getByRole('row', { name: new RegExp(meetings[0].topic) }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '登记组织生活' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(修改|删除) / })).toHaveCount(0);

  await page.goto(`/orgs/${branch!.id}`);
  await page.getByRole('tab', { name: '品牌·书记项目·先锋岗' }).click();
  await expect(page.getByRole('region', { name: '支部品牌' })).toBeVisible();
  for (const name of ['创建品牌', '新建书记项目', '设立先锋岗', '更新进度']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  await page.getByRole('tab', { name: '发展党员' }).click();
  await expect(page.getByRole('region', { name: '入党申请人' })).toBeVisible();
  await expect(page.getByRole('button', { name: '登记入党申请人' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '推进到下一阶段' })).toHaveCount(0);
});

test('a brand is created for a branch picked on the 品牌与书记项目 page and shown in use', async ({ page }) => {
  await login(page, 'renmin', '/work');
  await expect(page.getByText('请先在上方选择一个党支部')).toBeVisible();
  const branches = await renminBranches(page);
  const branch = branches[2]!;
  await page.getByLabel('选择党支部').click();
  await page.keyboard.type(branch.name);
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: branch.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`branch=${branch.id}`));

  await page.getByRole('button', { name: '创建品牌' }).click();
  const dialog = page.getByRole('dialog', { name: '创建支部品牌' });
  await dialog.getByLabel('品牌名称').fill('仁心护航');
  await dialog.getByLabel('品牌简介').fill('党员带头开展患者全程关怀服务');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByTestId('brand-card').filter({ hasText: '仁心护航' });
  await expect(card).toContainText('在用');
  await expect(card).toContainText(`创建于 ${chinaDay().slice(0, 4)} 年`);
  // Still there after a reload: it was saved, not just drawn.
  await page.reload();
  await expect(page.getByTestId('brand-card').filter({ hasText: '仁心护航' })).toContainText('党员带头开展患者全程关怀服务');
});

test('advancing an applicant shows the earliest allowed date and refuses an earlier one with the 细则 reason', async ({ page }) => {
  await login(page, 'renmin', '/orgs');
  const [, , , branch] = await renminBranches(page);
  await page.goto(`/orgs/${branch!.id}`);
  await page.getByRole('tab', { name: '发展党员' }).click();

  await page.getByRole('button', { name: '登记入党申请人' }).click();
  const create = page.getByRole('dialog', { name: '登记入党申请人' });
  await create.getByLabel('姓名').fill('欧阳申请');
  await create.getByText('女', { exact: true }).click();
  await setDate(create.getByLabel('出生日期'), '1995-03-01');
  await create.getByRole('checkbox', { name: '高层次人才' }).check();
  await create.getByRole('button', { name: /登\s*记/ }).click();
  await expect(create).toBeHidden();

  const card = page.getByRole('region', { name: '入党申请人' }).getByLabel('欧阳申请');
  await expect(card).toContainText('高层次人才');
  await card.getByRole('button', { name: '推进到下一阶段' }).click();

  const dialog = page.getByRole('dialog', { name: /推进到下一阶段/ });
  const today = chinaDay();
  await expect(dialog).toContainText(`最早可于 ${cnDate(today)} 进入「入党积极分子」阶段`);
  await setDate(dialog.getByLabel('列为入党积极分子日期'), chinaDay(-1));
  const reason = `列为入党积极分子的日期不能早于递交入党申请的日期（${cnDate(today)}）`;
  await expect(dialog).toContainText(reason);
  await dialog.getByRole('button', { name: '确认推进' }).click();
  await expect(dialog).toContainText(reason);
  const still = await (await page.request.get(`/api/orgs/${branch!.id}/recruits`)).json();
  expect(still.find((r: { name: string }) => r.name === '欧阳申请').stage).toBe('applicant');

  await setDate(dialog.getByLabel('列为入党积极分子日期'), today);
  await expect(dialog).not.toContainText(reason);
  await dialog.getByRole('button', { name: '确认推进' }).click();
  await expect(dialog).toBeHidden();
  const moved = page.getByRole('region', { name: '入党积极分子' }).getByLabel('欧阳申请');
  await expect(moved).toContainText(`最早 ${Number(today.slice(0, 4)) + 1}${today.slice(4)} 可推进`);
});

test('a branch secretary finds their own branch already open on the 组织生活 page', async ({ page }) => {
  await login(page, 'jijiu', '/org-life');
  const me = await (await page.request.get('/api/auth/me')).json();
  await expect(page.getByLabel('选择党支部').locator('..').locator('..')).toContainText(me.scopeOrgName);
  await expect(page.getByRole('button', { name: '登记组织生活' })).toBeVisible();
  await expect(page.getByRole('list', { name: '三会一课执行情况' })).toBeVisible();
});

test('a 书记项目 is set up with milestones; an overdue one shows red until it is marked done', async ({ page }) => {
  await login(page, 'renmin', '/orgs');
  const [, , , , branch] = await renminBranches(page);
  const year = chinaDay().slice(0, 4);
  await page.goto(`/work?branch=${branch!.id}`);

  await page.getByRole('button', { name: '新建书记项目' }).click();
  const create = page.getByRole('dialog', { name: '新建书记项目' });
  await create.getByLabel('项目名称').fill('日间手术党员攻坚');
  await create.getByLabel('项目目标').fill('日间手术占比提高到 20%');
  await create.getByLabel('服务的业务目标').fill('缩短平均住院日');
  await create.getByLabel('节点 1 名称').fill('制定攻坚方案');
  await setDate(create.getByLabel('节点 1 计划完成日期'), `${year}-01-01`);
  // A milestone outside the project's year is refused beside it, with the schema's words.
  await setDate(create.getByLabel('节点 2 计划完成日期'), `${Number(year) + 1}-03-01`);
  await create.getByRole('button', { name: /立\s*项/ }).click();
  await expect(create).toContainText(`计划完成日期应在 ${year} 年内`);
  await setDate(create.getByLabel('节点 2 计划完成日期'), `${year}-12-31`);
  await create.getByRole('button', { name: /立\s*项/ }).click();
  await expect(create).toBeHidden();

  const card = page.locator('.ant-card', { hasText: '日间手术党员攻坚' }).last();
  await expect(card).toContainText('服务的业务目标缩短平均住院日');
  await expect(card).toContainText('1 个节点逾期');
  const overdue = card.getByTestId('milestone').filter({ hasText: '制定攻坚方案' });
  await expect(overdue).toContainText('已逾期');

  await overdue.getByText('登记完成').click();
  const done = page.getByRole('dialog', { name: '登记节点完成' });
  await setDate(done.getByLabel('实际完成日期'), chinaDay());
  await done.getByRole('button', { name: /保\s*存/ }).click();
  await expect(done).toBeHidden();
  await expect(overdue).not.toContainText('已逾期');
  await expect(overdue).toContainText(`完成 ${chinaDay()}`);
  await expect(card).not.toContainText('节点逾期');
});

test('saving over someone else\'s change opens the conflict dialog, and 重新加载 shows their version', async ({ page }) => {
  await login(page, 'renmin', '/orgs');
  const [, , , , , branch] = await renminBranches(page);
  await page.goto(`/org-life?branch=${branch!.id}`);
  await page.getByRole('button', { name: '登记组织生活' }).click();
  const dialog = page.getByRole('dialog', { name: '登记组织生活' });
  await dialog.getByLabel('会议主题').fill('研究年度发展党员计划');
  await dialog.getByLabel('应到人数').fill('7');
  await dialog.getByLabel('实到人数').fill('7');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: '修改 研究年度发展党员计划' }).click();
  const edit = page.getByRole('dialog', { name: '修改组织生活记录' });
  // Meanwhile the record is changed elsewhere (same API, another save).
  const list = await (await page.request.get(`/api/orgs/${branch!.id}/meetings`)).json();
  const m = list.find((x: { topic: string }) => x.topic === '研究年度发展党员计划');
  const put = await page.request.put(`/api/meetings/${m.id}`, { data: { ...m, topic: '研究年度发展党员计划（已调整）', notes: m.notes ?? undefined } });
  expect(put.ok()).toBeTruthy();

  await edit.getByLabel('实到人数').fill('6');
  await edit.getByRole('button', { name: /保\s*存/ }).click();
  const conflict = page.getByRole('dialog', { name: '该记录已被他人修改' });
  await expect(conflict).toContainText('该记录已被 renmin 于');
  await conflict.getByRole('button', { name: '重新加载' }).click();
  await expect(edit.getByLabel('会议主题')).toHaveValue('研究年度发展党员计划（已调整）');
  await expect(edit.getByLabel('实到人数')).toHaveValue('7');
});
