/**
 * Issue 13 item 14: "Forget everything" in the app — the database with its WAL/SHM files and every
 * setting are gone, and the app starts again empty.
 */
import { existsSync } from 'node:fs';
import { expect, test } from './host-fixture';

test('Forget everything deletes the database after a confirmation, and the app starts empty', async ({
  app,
  page,
  host,
}) => {
  await app.loadDemo();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByTestId('settings-dialog').getByRole('combobox').first().selectOption('AT');
  await page.getByRole('button', { name: 'Save' }).click();
  // A setting the page keeps itself (like its language and theme).
  await page.evaluate(() => localStorage.setItem('shareaudit.probe', 'kept'));
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByTestId('settings-dialog');
  await settings.getByRole('button', { name: 'Forget everything…' }).click();
  await expect(settings.getByRole('alert')).toContainText('It cannot be undone.');
  // Cancel keeps everything.
  await settings.getByTestId('forget-everything').getByRole('button', { name: 'Cancel' }).click();
  expect(existsSync(host.dbPath)).toBe(true);
  await settings.getByRole('button', { name: 'Forget everything…' }).click();
  await settings.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByRole('heading', { name: 'No data yet' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('shareaudit.probe'))).toBeNull();
  // The reloaded page (its token still in the tab) finds a new, empty database with the default settings.
  const settingsNow = await page.evaluate(async () => {
    const res = await fetch('/api/invoke/settings:get', {
      method: 'POST',
      headers: {
        'X-ShareAudit-Token': sessionStorage.getItem('shareaudit.token') ?? '',
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    return res.json() as Promise<unknown>;
  });
  expect(settingsNow).toEqual({ ok: true, value: { phoneRegion: 'DE' } });
});
