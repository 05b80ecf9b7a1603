import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from './host-fixture';

/**
 * The HTML report as its reader sees it, opened from the file the app exported: accessible (axe) and
 * looked at in light and dark — a screen set to dark shows it dark — while on paper it stays light.
 */
test('the exported HTML report: no accessibility violations in light and dark, light on paper', async ({
  app,
  page,
  context,
}) => {
  await app.loadDemo();
  await page.getByRole('button', { name: 'Export report' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByRole('radio', { name: 'HTML page' })).toBeChecked();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const html = readFileSync((await file.path())!, 'utf8');

  for (const scheme of ['light', 'dark'] as const) {
    // A page of its own each time: axe's script does not survive a second setContent.
    const report = await context.newPage();
    await report.setViewportSize({ width: 1000, height: 900 });
    await report.emulateMedia({ media: 'screen', colorScheme: scheme });
    await report.setContent(html);
    await expect(report.getByRole('heading', { level: 1 })).toBeVisible();
    // The appendix (≈ 2,400 of the demo's 3,500 elements) holds only tables, lists and links styled as
    // those above it: checked with it, axe took a minute on a busy machine.
    const { violations } = await new AxeBuilder({ page: report }).exclude('#appendix').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    const background = await report.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(scheme === 'dark' ? 'rgb(21, 24, 31)' : 'rgba(0, 0, 0, 0)');
    // When it was made (the import's clock time) differs from run to run: masked.
    await expect(report).toHaveScreenshot(`report-${scheme}.png`, { mask: [report.locator('header .muted').first()] });
    if (scheme === 'dark') {
      // Printed, it is the light page whatever the screen's setting.
      await report.emulateMedia({ media: 'print', colorScheme: 'dark' });
      expect(await report.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    }
    await report.close();
  }
});
