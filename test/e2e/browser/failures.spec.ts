/**
 * A part of the app that cannot be shown — its code did not arrive, or it failed while rendering —
 * says so where it would have been, with a retry; the rest of the app stays usable and nothing is lost.
 */
import type { Page } from '@playwright/test';
import { DEMO, type ShareAuditPage } from '../pages/app-page';
import { expect, test } from './host-fixture';

// What the browser and React log about the failures these tests provoke.
test.use({
  expectedErrors:
    /Failed to load resource|Failed to fetch dynamically imported module|The above error occurred|Cannot read properties of null/,
});

/** Back on People the failure is still shown; once its cause is gone, "Try again" shows the people. */
async function retriedOnPeople(app: ShareAuditPage, page: Page, removeCause: () => void): Promise<void> {
  await app.screen('People');
  const failed = page.getByTestId('show-failed');
  await expect(failed).toBeVisible();
  removeCause();
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(failed).toHaveCount(0);
  await expect(page.getByTestId('person').first()).toBeVisible();
}

test('a screen whose code did not arrive says so; "Try again" loads it', async ({ app, page }) => {
  await app.loadDemo();
  let blocked = true;
  await page.route(/\/assets\/PeopleScreen-[^/]+\.js$/, (route) => (blocked ? route.abort() : route.continue()));
  await app.screen('People');
  const failed = page.getByTestId('show-failed');
  await expect(failed).toBeVisible();
  await expect(failed.getByRole('heading')).toHaveText('This view could not be shown');
  // The rest of the app works meanwhile.
  await app.screen('Overview');
  await expect(app.stat('connections')).toHaveText(DEMO.connections);
  await retriedOnPeople(app, page, () => (blocked = false));
});

test('a screen that fails while rendering says so; the others still work', async ({ app, page }) => {
  await app.loadDemo();
  // An answer the screen cannot show (its rows missing) makes it throw while rendering.
  let broken = true;
  await page.route(/\/api\/invoke\/people%3Alist$/, async (route) => {
    if (!broken) return route.continue();
    const response = await route.fetch();
    const body = (await response.json()) as { value?: Record<string, unknown> };
    if (body.value) body.value.rows = null;
    await route.fulfill({ response, json: body });
  });
  await app.screen('People');
  const failed = page.getByTestId('show-failed');
  await expect(failed.getByRole('heading')).toHaveText('This view could not be shown');
  await app.screen('Findings');
  await expect(failed).toHaveCount(0);
  await expect(page.getByTestId('finding').first()).toBeVisible();
  // "Try again" asks for the screen's data again, too.
  await retriedOnPeople(app, page, () => (broken = false));
});

/**
 * A fresh page of the demo user whose dialogs' code does not arrive while `blocked()` says so; the
 * numbers are shown (so the dialogs' code was asked for ahead). Returns how many of its loads failed.
 */
async function withDialogsBlocked(app: ShareAuditPage, page: Page, blocked: () => boolean): Promise<() => number> {
  await app.loadDemo();
  let aborted = 0;
  await page.route(/\/assets\/(DialogFrame|dialogs)-[^/]+\.js$/, (route) => {
    if (!blocked()) return route.continue();
    aborted++;
    return route.abort();
  });
  await page.reload();
  await expect(app.stat('connections')).toHaveText(DEMO.connections);
  return () => aborted;
}

test('a dialog whose code did not arrive says so, closes on Escape, and opens on "Try again"', async ({
  app,
  page,
}) => {
  let blocked = true;
  await withDialogsBlocked(app, page, () => blocked);
  const opener = page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true });
  await opener.click();
  const unavailable = page.getByTestId('settings-dialog-unavailable');
  await expect(unavailable).toBeVisible();
  await expect(page.getByRole('alertdialog', { name: 'Settings' })).toContainText('This dialog could not be opened');
  await expect(unavailable.getByRole('button', { name: 'Try again' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(unavailable).toHaveCount(0);
  await opener.click();
  await expect(unavailable).toBeVisible();
  blocked = false;
  await unavailable.getByRole('button', { name: 'Try again' }).click();
  await expect(unavailable).toHaveCount(0);
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
});

test('a dialog whose code failed to load ahead, but arrives when it opens, never shows its failure', async ({
  app,
  page,
}) => {
  // The dialogs' code is loaded ahead once the numbers are shown: here that load fails …
  let blocked = true;
  const aborted = await withDialogsBlocked(app, page, () => blocked);
  await expect.poll(aborted).toBeGreaterThan(0);
  // … and the code arrives when the dialog opens: it opens, and the failure is not shown on the way,
  // not even for a frame (every element added to the page is looked at as it comes).
  blocked = false;
  await page.evaluate(() => {
    const w = window as unknown as { failureShown: boolean };
    w.failureShown = false;
    const failure = '[data-testid$="-dialog-unavailable"]';
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof Element && (node.matches(failure) || node.querySelector(failure))) w.failureShown = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { failureShown: boolean }).failureShown)).toBe(false);
});
