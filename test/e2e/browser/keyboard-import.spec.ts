/**
 * Keyboard-only paths: an import from the empty app (Ctrl+O, the file chooser, review, confirm, the
 * summary closed), Settings by Ctrl+, and the theme chosen there — kept across a reload, or following
 * the system's colour scheme.
 */
import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './host-fixture';

const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'Connections.csv');

/** Presses Tab until `target` has focus (at most `max` times); how many presses it took. */
async function tabTo(page: Page, target: Locator, max: number): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`${max} presses of Tab did not reach ${target.toString()}`);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}: ${el.textContent?.trim() ?? ''}` : 'none';
  });

test('by keyboard alone: Ctrl+O, the file, Tab to Import, Enter, the summary closed with Escape — focus on the screen', async ({
  app,
  page,
}) => {
  // Listened for before anything else: Playwright turns the browser's file chooser interception on
  // without waiting for it, and a key pressed right after the listener can open an unseen native chooser.
  const chooser = page.waitForEvent('filechooser');
  await expect(page.getByRole('heading', { level: 2, name: 'No data yet' })).toBeVisible();
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(fixture);

  const dialog = app.importDialog();
  await expect(dialog.getByRole('heading', { name: 'Ready to import' })).toBeVisible();
  await expect(dialog.getByTestId('review-files')).toContainText('LinkedIn connections');
  // Focus is in the dialog: its Import button is a few Tabs away, not behind the page.
  const importNow = dialog.getByRole('button', { name: 'Import', exact: true });
  expect(await tabTo(page, importNow, 3)).toBeLessThanOrEqual(3);
  await page.keyboard.press('Enter');

  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(dialog.getByTestId('import-counts')).toHaveText('3 added · 0 updated · 0 unchanged · 0 removed');
  // While the summary is shown focus stays in it (Enter or Escape closes it from there).
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(app.stat('connections')).toHaveText('3');
  // The empty screen's Import button is gone: focus goes to the screen now shown, not to <body>.
  await expect(page.locator('#main')).toBeFocused();
  expect(await focused(page)).toContain('Overview');
  // And the keyboard goes on from there: Tab reaches the screen's content, not the top of the page.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('main')!.contains(document.activeElement))).toBe(true);
});

test('an import opened by the header’s Import button and cancelled in review gives focus back to that button', async ({
  app,
  page,
}) => {
  const chooser = page.waitForEvent('filechooser'); // before anything else: see above
  await app.loadDemo();
  const opener = page.getByRole('banner').getByRole('button', { name: 'Import…', exact: true });
  await opener.focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(fixture);
  const dialog = app.importDialog();
  await expect(dialog.getByRole('heading', { name: 'Ready to import' })).toBeVisible();
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(app.stat('connections')).toHaveText('344');
});

test('Ctrl+, opens Settings; Escape closes it and focus is back where it was', async ({ app, page }) => {
  await app.loadDemo();
  const findings = page.getByRole('navigation').getByRole('link', { name: 'Findings', exact: true });
  await findings.focus();
  await page.keyboard.press('Control+,');
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(findings).toBeFocused();
});

test('the theme by keyboard: Dark is kept across a reload; System follows the colour scheme', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.loadDemo();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.keyboard.press('Control+,');
  const dialog = page.getByTestId('settings-dialog');
  const select = dialog.getByTestId('theme-select');
  await expect(select).toHaveValue('system');
  await tabTo(page, select, 10);
  // System, Light, Dark: two steps down.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const dark = await background();

  await page.reload();
  await expect(app.stat('connections')).toHaveText('344');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(dark);

  await page.keyboard.press('Control+,');
  await tabTo(page, select, 10);
  await expect(select).toHaveValue('dark');
  await page.keyboard.press('Home');
  await expect(select).toHaveValue('system');
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await background()).not.toBe(dark);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(app.stat('connections')).toHaveText('344');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
});
