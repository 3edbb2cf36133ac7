import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd Select. The dropdown animates in and re-renders
 * while a search is typed, so on a busy machine a click can land between two
 * renders: retry the whole gesture a few times, then check what the Select shows.
 */
export async function selectOption(page: Page, select: Locator, option: string | RegExp, opts: { type?: string; shows?: Locator; chosen?: string } = {}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
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
