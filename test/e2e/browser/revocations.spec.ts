/**
 * The Revocations screen: searched by name, still to do or prove or done, and what happened to each
 * one (Enter on its row, or History).
 */
import { axe } from './axe';
import { expect, test } from './host-fixture';

test('revocations: search by name, the two groups, each one’s history by keyboard; light and dark, axe', async ({
  app,
  page,
}) => {
  await app.loadDemo();
  await app.screen('Findings');
  // Three revocations (the first Revoke button moves on: a revoked row shows Undo instead).
  for (let n = 1; n <= 3; n++) {
    await page.getByTestId('finding').getByRole('button', { name: 'Revoke', exact: true }).first().click();
    await expect(app.toast()).toContainText('1 revocation planned');
    await app.toast().getByRole('button', { name: 'Close' }).click();
  }
  await app.screen('Revocations');
  const rows = page.getByTestId('revocation');
  await expect(page.getByTestId('revocations-count')).toHaveText('3');
  const group = page.getByTestId('revocation-group');
  await expect(group.locator('option[value="live"]')).toHaveText('To do or to prove (3)');
  await expect(group.locator('option[value="closed"]')).toHaveText('Done (0)');

  // None is done yet: the other group is empty, and says so.
  await group.selectOption('closed');
  await expect(page.getByTestId('revocations-count')).toHaveText('0');
  await expect(page.getByText('No revocation matches.')).toBeVisible();
  await group.selectOption('all');
  await expect(rows).toHaveCount(3);

  // A name, typed in other case: that person's revocations alone.
  const name = (await rows.first().locator('strong').innerText()).trim();
  const theirs = (await rows.locator('strong').allInnerTexts()).filter((n) => n.trim() === name).length;
  await page.getByRole('searchbox', { name: 'Search name…' }).fill(name.toUpperCase());
  await expect(page.getByTestId('revocations-count')).toHaveText(String(theirs));
  await expect(rows).toHaveCount(theirs);
  for (const shown of await rows.locator('strong').allInnerTexts()) expect(shown.trim()).toBe(name);

  // Enter on a row opens what happened to it; Enter again closes it.
  const list = page.getByRole('list', { name: 'Revocations' }).locator(':scope > li');
  await list.first().focus();
  await page.keyboard.press('Enter');
  const history = rows.first().getByTestId('revocation-history');
  await expect(history).toContainText('removal planned');
  await expect(history).toContainText('2026');
  const button = rows.first().getByRole('button', { name: 'History' });
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  // The button names what it opens, and what it opens follows it in the page's order.
  await expect(button).toHaveAttribute('aria-controls', (await history.getAttribute('id'))!);
  await expect(history).toHaveAccessibleName(`History: ${name}`);
  expect(
    await button.evaluate(
      (b, id) => Boolean(b.compareDocumentPosition(document.getElementById(id)!) & 4),
      (await history.getAttribute('id'))!,
    ),
  ).toBe(true);
  await page.mouse.move(0, 0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await expect(page.locator('section.revocations')).toHaveScreenshot(`revocations-history-${scheme}.png`);
    await axe(page);
  }
  await page.keyboard.press('Enter');
  await expect(history).toHaveCount(0);
});
