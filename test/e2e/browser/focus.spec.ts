/**
 * Where focus goes after the findings' writes (never to <body>), and Ctrl+Z: the last revocation batch
 * this session made, whatever the toast shows meanwhile.
 */
import type { Locator, Page } from '@playwright/test';
import { DEMO, type ShareAuditPage } from '../pages/app-page';
import { expect, test } from './host-fixture';

/** The findings screen on the demo data, its rows (the list's items) as a keyboard user meets them. */
async function findings(app: ShareAuditPage, page: Page): Promise<Locator> {
  await app.loadDemo();
  await app.screen('Findings');
  await expect(app.findingsCount()).toHaveText(DEMO.findings);
  return page.getByRole('list', { name: 'Findings' }).locator(':scope > li');
}

/** The first row, from `from` on, about a person other than `not` (one revocation covers a whole person). */
async function rowOfAnother(rows: Locator, not: string, from = 0): Promise<{ row: Locator; name: string }> {
  for (let i = from; ; i++) {
    const name = (await rows.nth(i).locator('strong').innerText()).trim();
    if (name !== not) return { row: rows.nth(i), name };
  }
}

const revoke = (row: Locator) => row.getByRole('button', { name: 'Revoke', exact: true });
const undo = (row: Locator) => row.getByRole('button', { name: 'Undo', exact: true });

test("Revoke by keyboard: focus moves to the row's Undo; Undo there: back on its Revoke; the toast keeps and returns focus", async ({
  app,
  page,
}) => {
  const rows = await findings(app, page);
  const row = rows.first();
  await revoke(row).focus();
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('revocation-state')).toHaveText('removal planned');
  await expect(app.toast()).toContainText('1 revocation planned');
  await expect(undo(row)).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(app.toast()).toContainText('Undone.');
  await expect(row.getByTestId('revocation-state')).toHaveCount(0);
  await expect(revoke(row)).toBeFocused();
  // F6 still reaches the toast; closing it gives focus back to where it came from.
  await page.keyboard.press('F6');
  await expect(app.toast().getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.toast()).toHaveCount(0);
  await expect(revoke(row)).toBeFocused();

  // Undo in the toast: focus stays in the toast as its message changes (its Undo is gone then).
  await page.keyboard.press('Enter');
  await expect(undo(row)).toBeFocused();
  await app.toast().getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await expect(app.toast()).toContainText('Undone.');
  await expect(app.toast().getByRole('button', { name: 'Close' })).toBeFocused();
});

test('Mute by keyboard: the muted finding goes last, focus stays at its place; Escape in the form: back on Mute', async ({
  app,
  page,
}) => {
  const rows = await findings(app, page);
  const row = rows.first();
  const mute = row.getByRole('button', { name: 'Mute', exact: true });
  await mute.focus();
  await page.keyboard.press('Enter');
  await expect(row.getByRole('textbox', { name: /Why\?/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(mute).toBeFocused();

  const next = (await rows.nth(1).textContent()) ?? '';
  await page.keyboard.press('Enter');
  await page.keyboard.type('my assistant');
  await page.keyboard.press('Enter');
  await expect(app.toast()).toContainText('Finding muted.');
  await expect(page.getByText('1 muted')).toBeVisible();
  // Muted findings are listed last: the row in its place is the next finding, and it has focus.
  await expect(rows.first()).toHaveText(next);
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();

  // Unmuted, it leaves the list of muted ones, empty now: focus goes to the search.
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Muted' });
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: 'Unmute' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('No open findings. Nice.')).toBeVisible();
  await expect(page.getByRole('searchbox')).toBeFocused();
});

test("after a bulk revoke (its opener now disabled) focus is on the list's first row", async ({ app, page }) => {
  const rows = await findings(app, page);
  await rows.nth(0).getByRole('checkbox').check();
  const { row: second } = await rowOfAnother(rows, (await rows.nth(0).locator('strong').innerText()).trim());
  await second.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Revoke selected (2)' }).click();
  await page.getByTestId('revoke-dialog').getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(app.toast()).toContainText('2 revocations planned');
  await expect(second.getByTestId('revocation-state')).toHaveText('removal planned');
  await expect(rows.first()).toBeFocused();
});

test('Ctrl+Z undoes the last revocation batch after its toast was replaced, and only that one', async ({
  app,
  page,
}) => {
  const rows = await findings(app, page);
  const first = rows.first();
  const firstName = (await first.locator('strong').innerText()).trim();
  await revoke(first).click();
  await expect(first.getByTestId('revocation-state')).toHaveText('removal planned');
  const { row: second, name: secondName } = await rowOfAnother(rows, firstName);
  await revoke(second).click();
  await expect(second.getByTestId('revocation-state')).toHaveText('removal planned');
  // The toast now says something else: muting a third person's finding.
  const { row: third } = await rowOfAnother(
    rows,
    secondName,
    (await second.getAttribute('data-index').then(Number)) + 1,
  );
  await third.getByRole('button', { name: 'Mute', exact: true }).click();
  await page.keyboard.type('my assistant');
  await page.keyboard.press('Enter');
  await expect(app.toast()).toContainText('Finding muted.');
  await expect(app.toast().getByRole('button', { name: 'Undo' })).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(app.toast()).toContainText('Undone.');
  await expect(second.getByTestId('revocation-state')).toHaveCount(0);
  await expect(revoke(second)).toBeVisible();
  // The batch before it stays: Ctrl+Z takes back the last one, not a stack.
  await expect(first.getByTestId('revocation-state')).toHaveText('removal planned');
  // What was undone is not undone again.
  await page.keyboard.press('Control+z');
  await expect(app.toast()).toContainText('Nothing to undo.');
  await expect(first.getByTestId('revocation-state')).toHaveText('removal planned');
});

test('Ctrl+Z with nothing to undo says so; in German too; after Undo in the toast, too', async ({ app, page }) => {
  const rows = await findings(app, page);
  await page.keyboard.press('Control+z');
  await expect(app.toast()).toHaveText(/Nothing to undo\./);

  await revoke(rows.first()).click();
  await expect(app.toast()).toContainText('1 revocation planned');
  await app.toast().getByRole('button', { name: 'Undo' }).click();
  await expect(app.toast()).toContainText('Undone.');
  await expect(rows.first().getByTestId('revocation-state')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(app.toast()).toContainText('Nothing to undo.');

  await page.getByRole('button', { name: 'DE', exact: true }).click();
  await page.keyboard.press('Control+z');
  await expect(app.toast()).toContainText('Nichts rückgängig zu machen.');
});

test('Ctrl+Z never takes back a revocation the user has since marked done on the platform', async ({ app, page }) => {
  const rows = await findings(app, page);
  await revoke(rows.first()).click();
  await expect(rows.first().getByTestId('revocation-state')).toHaveText('removal planned');
  await app.screen('Revocations');
  const revocation = page.getByTestId('revocation');
  await revocation.getByRole('button', { name: 'Done on the platform' }).click();
  await expect(revocation.getByTestId('revocation-status')).not.toHaveText('removal planned');
  const status = await revocation.getByTestId('revocation-status').innerText();

  await page.keyboard.press('Control+z');
  await expect(app.toast()).toContainText('Nothing to undo.');
  await expect(revocation.getByTestId('revocation-status')).toHaveText(status);
  await expect(page.getByTestId('revocations-count')).toHaveText('1');
});
