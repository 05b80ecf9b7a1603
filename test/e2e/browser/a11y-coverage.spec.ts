/**
 * Accessibility (axe) of what shell.spec.ts does not reach, in light and dark: the first run with no
 * data, the import dialog in each of its states (recognising, review, a file it cannot read, running,
 * finished, failed), the keyboard shortcuts, the revoke confirmation, the export dialog and Settings'
 * confirmation to forget everything; the first run and the import's review and summary as they look.
 */
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe } from './axe';
import { expect, test } from './host-fixture';

const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'Connections.csv');

/** Holds every request to a channel until `release` is called: the state before its answer stays on screen. */
async function hold(page: Page, channel: string): Promise<() => void> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/invoke/${encodeURIComponent(channel)}`, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme}: the first run and every state of the import dialog have no accessibility violations`, async ({
    app,
    page,
    dataDir,
  }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await expect(page.getByRole('heading', { level: 2, name: 'No data yet' })).toBeVisible();
    await axe(page);
    await expect(page).toHaveScreenshot(`first-run-${scheme}.png`);

    // Recognising the files (held until looked at).
    const releaseInspect = await hold(page, 'import:inspect');
    await page.getByTestId('import-input').setInputFiles(fixture);
    await expect(app.importDialog().getByTestId('import-progress')).toBeVisible();
    await axe(page);
    releaseInspect();

    // The review: what each file was recognised as.
    await expect(page.getByRole('heading', { name: 'Ready to import' })).toBeVisible();
    await expect(page.getByTestId('review-files')).toContainText('LinkedIn connections');
    await axe(page);
    await expect(app.importDialog()).toHaveScreenshot(`import-review-${scheme}.png`);

    // Running (held), then the summary.
    const releaseRun = await hold(page, 'import:run');
    await app.importDialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect(app.importDialog().getByTestId('import-progress')).toBeVisible();
    await expect(app.importDialog().getByRole('button', { name: 'Cancel' })).toBeVisible();
    await axe(page);
    releaseRun();
    await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await axe(page);
    await expect(app.importDialog()).toHaveScreenshot(`import-done-${scheme}.png`);
    await app.importDialog().getByRole('button', { name: 'Close' }).click();
    await expect(app.stat('connections')).toHaveText('3');

    // A review naming a file it cannot read (an error line), then a failed import.
    const notes = join(dataDir, 'notes.csv');
    writeFileSync(notes, 'hello,world\nfoo,bar\n');
    await page.getByTestId('import-input').setInputFiles(notes);
    await expect(page.getByTestId('review-files')).toContainText('not a file ShareAudit can read');
    await axe(page);
    await app.importDialog().getByRole('button', { name: 'Cancel' }).click();
    const broken = join(dataDir, 'export.zip');
    writeFileSync(broken, Buffer.from('PK\u0003\u0004 not a zip at all'));
    await page.getByTestId('import-input').setInputFiles(broken);
    await expect(page.getByTestId('import-error')).toBeVisible();
    await axe(page);
  });

  test(`${scheme}: the shortcuts, the export dialog, Settings' confirmation and the revoke confirmation have no accessibility violations`, async ({
    app,
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await app.loadDemo();
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);

    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-dialog')).toContainText('Ctrl+O');
    await axe(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('button', { name: 'Export report' }).click();
    await expect(page.getByTestId('export-dialog').getByRole('radio')).toHaveCount(4);
    await axe(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Settings with its "Forget everything" confirmation shown.
    await page.keyboard.press('Control+,');
    const settings = page.getByTestId('settings-dialog');
    await settings.getByRole('button', { name: 'Forget everything…' }).click();
    await expect(settings.getByRole('alert')).toBeVisible();
    await axe(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await app.screen('Findings');
    await page.getByTestId('finding').first().getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Revoke selected (1)' }).click();
    const confirm = page.getByTestId('revoke-dialog');
    await expect(confirm.getByTestId('revoke-effect')).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Revoke', exact: true })).toBeFocused();
    await axe(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
}
