import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd Select. The dropdown animates in and re-renders
 * while a search is typed, so on a busy machine a click can land between two
 * renders: retry the whole gesture a few times, then check what the Select shows.
 */
export async function selectOption(page: Page, select: Locator, option: string | RegExp, opts: { type?: string; shows?: Locator; chosen?: string } = {}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    // Open the list only when it is closed: a click on an open Select closes it, and a retry would then pick from a
    // list on its way out (a click that chose nothing left the list open; the next attempt's click shut it — the
    // members form's 职称 failed all three tries that way, its value still the default).
    if ((await select.getAttribute('aria-expanded')) !== 'true') await select.click();
    if (opts.type) await select.fill(opts.type);
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
    try {
      await item.click({ timeout: 5_000 });
      if (opts.shows) await expect(opts.shows).toBeVisible({ timeout: 3_000 });
      // antd 6 shows the choice on the input's parent, with the option's label as its title.
      if (opts.chosen) await expect(select.locator('xpath=..')).toHaveAttribute('title', opts.chosen, { timeout: 3_000 });
      return;
    } catch {
      // No Escape here: inside a Modal it would close the whole dialog. The next click reopens the list.
    }
  }
  throw new Error(`could not choose ${String(option)}`);
}

/**
 * Picks a node of an antd TreeSelect by its title. The list can still be settling when the node is clicked (a level's
 * children arrive and re-render it), and a click that selected nothing leaves the list open over the dialog's buttons:
 * pick again until `shownIn` shows `shows` (by default the title) and the list has closed.
 */
export async function pickTreeNode(page: Page, field: Locator, title: string | RegExp, shownIn: Locator, shows = String(title)) {
  const list = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await list.count()) === 0) await field.click();
    await list.getByTitle(title, { exact: typeof title === 'string' }).click({ timeout: 5_000 });
    await expect(shownIn).toContainText(shows, { timeout: 2_000 });
    await expect(list).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
