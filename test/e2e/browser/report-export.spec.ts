import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from './host-fixture';

/**
 * Export report: the user picks the format in a dialog; the browser host downloads the file — a
 * PDF, the four CSV tables as a ZIP, or the JSON document — named for the language and the day.
 */
test('the export dialog offers four formats; PDF, ZIP and JSON download (screenshot)', async ({ app, page }) => {
  await app.loadDemo();
  await page.getByRole('button', { name: 'Export report' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByRole('radio')).toHaveCount(4);
  await expect(dialog.getByRole('radio', { name: 'HTML page' })).toBeChecked();
  await expect(dialog).toHaveScreenshot('export-dialog.png');
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="export-dialog"]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  const download = async (format: string) => {
    await page.getByRole('button', { name: 'Export report' }).click();
    await dialog.getByRole('radio', { name: format }).check();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  };
  const pdf = await download('PDF document');
  expect(pdf.name).toBe('ShareAudit-Report-2026-11-01.pdf');
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const zip = await download('CSV tables (ZIP)');
  expect(zip.name).toBe('ShareAudit-Report-2026-11-01.zip');
  expect(zip.bytes.subarray(0, 2).toString()).toBe('PK');
  for (const name of ['findings.csv', 'people.csv', 'plan.csv', 'revocations.csv'])
    expect(zip.bytes.includes(Buffer.from(name))).toBe(true);
  const json = await download('JSON document');
  expect(JSON.parse(json.bytes.toString('utf8'))).toMatchObject({ schemaVersion: 2, lang: 'en', complete: true });

  // The last choice is kept; Escape closes the dialog without exporting.
  await page.getByRole('button', { name: 'Export report' }).click();
  await expect(dialog.getByRole('radio', { name: 'JSON document' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
