/**
 * The import dialog and the user's own details, in the browser host: a bad file's reason in the
 * user's language, two files of one name listed twice, and every value of a detail kept on save.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './host-fixture';

const card = (name: string): string => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEND:VCARD\r\n`;

test('a bad file fails with its reason in German, naming the file and the line', async ({ app, page, dataDir }) => {
  await expect(app.page.getByRole('button', { name: 'DE', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'DE', exact: true }).click();
  const bad = join(dataDir, 'Connections.csv');
  writeFileSync(
    bad,
    [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Erika,Musterfrau,https://www.linkedin.com/in/erika,,,,01 Feb 2020',
      'Max,"Muster,,,',
    ].join('\n'),
  );
  await page.getByTestId('import-input').setInputFiles(bad);
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Importieren', exact: true }).click();
  await expect(page.getByTestId('import-error')).toHaveText(
    'Connections.csv, Zeile 3: fehlerhafte CSV-Datei (ein Feld in Anführungszeichen endet nicht – ist die Datei abgeschnitten?)',
  );
});

test('two files of one name from two folders are listed as two, and both are imported', async ({
  app,
  page,
  dataDir,
}) => {
  const files = ['privat', 'firma'].map((folder, i) => {
    mkdirSync(join(dataDir, folder));
    const path = join(dataDir, folder, 'kontakte.vcf');
    writeFileSync(path, card(i === 0 ? 'Erika Musterfrau' : 'Max Mustermann'));
    return path;
  });
  await page.getByTestId('import-input').setInputFiles(files);
  const rows = page.getByTestId('review-files').locator('li');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('kontakte.vcf');
  await expect(rows.nth(1)).toContainText('kontakte.vcf');
  const ids = await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-file-id')));
  expect(new Set(ids).size).toBe(2);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-counts')).toContainText('2 added');
  await app.importDialog().getByRole('button', { name: 'Close' }).click();
});

test('a second email survives a save, with its type and label; removing a detail removes it', async ({ app, page }) => {
  await app.loadDemo();
  await page.getByRole('button', { name: 'Declare settings' }).click();
  const dialog = page.getByTestId('sharing-dialog');
  const rows = dialog.getByTestId('detail-row');
  // Counted once the user's details have arrived (the demo user has some): not the empty form before.
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  const values = async (): Promise<string[]> =>
    dialog.getByTestId('detail-value').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const first = await values();

  await dialog.getByTestId('detail-add').click();
  const added = rows.nth(before);
  await added.getByTestId('detail-field').selectOption('businessEmail');
  await added.getByTestId('detail-value').fill('e.musterfrau@verein.example');
  await added.getByTestId('detail-label').fill('Verein');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(app.toast()).toContainText('Sharing settings saved.');

  await page.getByRole('button', { name: 'Sharing', exact: true }).click();
  await expect(rows).toHaveCount(before + 1);
  expect((await values()).sort()).toEqual([...first, 'e.musterfrau@verein.example'].sort());
  const kept = rows.filter({ has: page.locator('input[value="e.musterfrau@verein.example"]') });
  await expect(kept.getByTestId('detail-field')).toHaveValue('businessEmail');
  await expect(kept.getByTestId('detail-label')).toHaveValue('Verein');

  await kept.getByRole('button', { name: 'Remove' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(app.toast()).toContainText('Sharing settings saved.');
  await page.getByRole('button', { name: 'Sharing', exact: true }).click();
  await expect(rows).toHaveCount(before);
  expect((await values()).sort()).toEqual([...first].sort());
});
