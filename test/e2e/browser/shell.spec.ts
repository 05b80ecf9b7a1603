/**
 * The desktop shell: every screen reachable, accessible (axe) and looked at in light and dark; the
 * keyboard paths a mouse-free user takes; and replies that arrive out of order.
 */
import { DEMO, type ScreenName } from '../pages/app-page';
import { axe } from './axe';
import { expect, test } from './host-fixture';

const SCREENS: ScreenName[] = ['Overview', 'Findings', 'Plan', 'People', 'Revocations', 'History'];

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen and dialog in ${scheme}: no accessibility violations, and as it looks`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await app.loadDemo();
    // Focus handed to the screen after the import summary closed does not scroll the page.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.mouse.move(0, 0);
    for (const screen of SCREENS) {
      await app.screen(screen);
      await expect(page).toHaveTitle(`${screen} — ShareAudit`);
      if (screen === 'Overview') await expect(page.getByTestId('exposure-chart').locator('svg').first()).toBeVisible();
      if (screen === 'Findings' || screen === 'People') await expect(page.getByRole('listitem').first()).toBeVisible();
      if (screen === 'Plan') await expect(page.getByTestId('plan-step').first()).toBeVisible();
      await axe(page);
      // The import's clock time and duration differ from run to run: masked.
      await expect(page).toHaveScreenshot(`${screen.toLowerCase()}-${scheme}.png`, {
        mask: [page.getByTestId('history-run').locator('strong, .muted.small')],
      });
    }
    for (const name of ['Sharing', 'Policy', 'Settings', 'Keyboard shortcuts'] as const) {
      await page.getByRole('button', { name, exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await axe(page);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }
  });
}

test('a dialog takes focus, keeps it, closes on Escape and gives it back to its opener', async ({ app, page }) => {
  await app.loadDemo();
  const opener = page.getByRole('button', { name: 'Settings', exact: true });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  // Focus is inside, and Tab cycles inside.
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('by keyboard alone: go to the findings, select one, revoke it after the confirmation, undo it', async ({
  app,
  page,
}) => {
  await app.loadDemo();
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();
  await expect(app.findingsCount()).toHaveText(DEMO.findings);
  const rows = page.getByRole('list', { name: 'Findings' }).locator(':scope > li');
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selection-bar')).toContainText('1 selected');
  const name = (await rows.nth(1).locator('strong').innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(rows.nth(1).locator('.evidence')).toBeVisible();

  await page.getByRole('button', { name: 'Revoke selected (1)' }).focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByTestId('revoke-dialog');
  await expect(confirm.getByRole('button', { name: 'Revoke', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.toast()).toContainText('1 revocation planned');
  await expect(rows.nth(1).getByTestId('revocation-state')).toHaveText('removal planned');
  expect(name.length).toBeGreaterThan(0);

  // F6 reaches the toast; its Undo takes the revocation back.
  await page.keyboard.press('F6');
  await expect(app.toast().getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.toast()).toContainText('Undone.');
  await expect(rows.nth(1).getByTestId('revocation-state')).toHaveCount(0);
});

test('"?" lists the shortcuts, the same ones that work', async ({ app, page }) => {
  await app.loadDemo();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toContainText('Import…');
  await expect(dialog).toContainText('Ctrl+O');
  await expect(dialog).toContainText('Ctrl+F');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();

  // The same list for a mouse: the sidebar's "Keyboard shortcuts"; Escape is listed, and closes it.
  await page.getByRole('button', { name: 'Keyboard shortcuts', exact: true }).click();
  await expect(dialog).toContainText('Close a dialog or a form');
  await expect(dialog).toContainText('Esc');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('a search answered out of order never shows the older answer', async ({ app, page }) => {
  await app.loadDemo();
  await app.screen('People');
  await expect(page.getByTestId('people-count')).toHaveText(DEMO.connections);
  // The reply for the first query is held back until the reply for the second one has arrived.
  let releaseFirst: () => void = () => undefined;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  let secondAnswered: () => void = () => undefined;
  const secondDone = new Promise<void>((resolve) => (secondAnswered = resolve));
  await page.route('**/api/invoke/people%3Alist', async (route) => {
    const { query } = route.request().postDataJSON() as { query: string };
    if (query === 'Andrea') {
      await firstHeld;
      await route.continue();
    } else if (query === 'Andrea Hartmann') {
      await route.continue();
      secondAnswered();
    } else await route.continue();
  });
  const search = page.getByRole('searchbox');
  // The first key after a pause is asked at once: listen before typing.
  const firstAsked = page.waitForRequest(
    (r) => r.url().includes('people%3Alist') && r.postData()?.includes('"Andrea"') === true,
  );
  await search.fill('Andrea');
  await firstAsked;
  await search.fill('Andrea Hartmann');
  await secondDone;
  await expect(page.getByTestId('people-count')).toHaveText('1');
  releaseFirst();
  // The late answer for "Andrea" arrives now: the list stays the answer to "Andrea Hartmann".
  await page.waitForResponse(
    (r) => r.url().includes('people%3Alist') && r.request().postData()?.includes('"Andrea"') === true,
  );
  await expect(page.getByTestId('people-count')).toHaveText('1');
  await expect(page.getByTestId('person')).toHaveCount(1);
  await expect(page.getByTestId('person')).toContainText('Andrea Hartmann');
});

test('the theme chosen in Settings is applied and handed to the desktop shell (app:theme)', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.loadDemo();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const told = page.waitForRequest(
    (r) => r.url().includes('app%3Atheme') && (r.postDataJSON() as { theme?: string }).theme === 'dark',
  );
  await page.getByTestId('theme-select').selectOption('dark');
  await told;
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
