import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '../pages/app-page';
import { expect, startHost, ShareAuditPage, test } from './host-fixture';

/** A generated export big enough that the progress bar is on screen while it runs. */
function writeExport(dir: string, connections: number, messages: number): string[] {
  const rows = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < connections; i++)
    rows.push(
      `Vorname${i},Nachname${i},https://www.linkedin.com/in/person-${i},,"Firma ${i % 97}, GmbH",Beruf ${i % 13},${1 + (i % 28)} Mar 20${10 + (i % 15)}`,
    );
  const msgs = [
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
  ];
  for (let i = 0; i < messages; i++) {
    const other = i % connections;
    const mine = i % 3 === 0;
    const me = ['Ich', 'https://www.linkedin.com/in/ich'];
    const them = [`Vorname${other} Nachname${other}`, `https://www.linkedin.com/in/person-${other}`];
    const [from, to] = mine ? [me, them] : [them, me];
    msgs.push(
      `c-${other},,${from[0]},${from[1]},${to[0]},${to[1]},2024-03-20 15:09:26 UTC,,"Text ${i}, mit Komma",INBOX`,
    );
  }
  const a = join(dir, 'Connections.csv');
  const b = join(dir, 'messages.csv');
  writeFileSync(a, rows.join('\r\n'));
  writeFileSync(b, msgs.join('\n'));
  return [a, b];
}

test('empty first screen → demo data → dashboard with chart (screenshot)', async ({ app, page }) => {
  await expect(page.getByRole('heading', { name: 'No data yet' })).toBeVisible();
  await app.loadDemo();
  await app.expectDemoDashboard();
  // The pointer rests where Close was clicked; keep it off the chart so no tooltip shows.
  await page.mouse.move(0, 0);
  await expect(page.getByRole('region', { name: 'Overview' })).toHaveScreenshot('dashboard.png');
});

// The desktop spec (test/e2e/electron) runs this same flow.
test('revoke a finding, see the platform step, undo it', async ({ app }) => {
  await app.loadDemo();
  await app.revokeFirstFindingAndUndo();
});

test('after a write, the list on screen is asked first: the row revoked shows before the numbers beside it', async ({
  app,
  page,
}) => {
  await app.loadDemo();
  await app.screen('Findings');
  await expect(app.findingsCount()).toHaveText(DEMO.findings);
  const asked: string[] = [];
  page.on('request', (request) => {
    const channel = /\/api\/invoke\/([^?]+)/.exec(request.url())?.[1];
    if (channel) asked.push(decodeURIComponent(channel));
  });
  const first = app.findings().first();
  await first.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(first.getByTestId('revocation-state')).toHaveText('removal planned');
  await expect(page.getByTestId('planned-count')).toBeVisible();
  // Main answers in turn: the first thing asked after the write is what the reader looks at.
  const write = asked.indexOf('revocation:create');
  expect(write).toBeGreaterThanOrEqual(0);
  expect(asked[write + 1]).toBe('findings:list');
  await expect.poll(() => asked.slice(write + 2)).toContain('audit:summary');
});

test('bulk revoke of everything matching a filter: confirmed with its actions, undone as a batch', async ({
  app,
  page,
}) => {
  await app.loadDemo();
  await app.screen('Findings');
  await expect(app.findingsCount()).toHaveText(DEMO.findings);
  await page.getByRole('searchbox').fill('Personalberater');
  // Every open finding of the demo's 8 Personalberater: 24 (mobile, private email, collector).
  await expect(app.findingsCount()).toHaveText('24');
  await page.getByRole('button', { name: 'Select all 24 open findings matching the filter' }).click();
  await expect(page.getByTestId('selection-bar')).toContainText(
    'All 24 open findings matching the filter are selected',
  );
  await page.getByRole('button', { name: 'Revoke selected (24)' }).click();
  const confirm = page.getByTestId('revoke-dialog');
  await expect(confirm.getByTestId('revoke-effect')).toHaveText(
    '24 findings: remove 8 connections. Removing a connection takes away everything that person sees.',
  );
  await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(app.toast()).toContainText('8 revocations planned');
  // Planned is not done: the findings stay open, each marked, and none can be selected again.
  await expect(app.findingsCount()).toHaveText('24');
  await expect(page.getByTestId('planned-count')).toHaveText('· 24 with a revocation planned');
  await expect(page.getByRole('button', { name: /^Select/ })).toBeDisabled();
  await app.screen('Revocations');
  await expect(page.getByTestId('revocations-count')).toHaveText('8');
  await app.toast().getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('revocations-count')).toHaveText('0');
  await app.screen('Findings');
  await expect(app.findingsCount()).toHaveText(DEMO.findings);
});

test('a revocation marked done on the platform waits for a newer export to prove it', async ({ app, page }) => {
  await app.loadDemo();
  await app.screen('Findings');
  await app.findings().first().getByRole('button', { name: 'Revoke', exact: true }).click();
  await app.screen('Revocations');
  const row = page.getByTestId('revocation');
  await row.getByRole('button', { name: 'Done on the platform' }).click();
  await expect(app.toast()).toContainText('Marked as done. A newer export will prove it.');
  await expect(row.getByTestId('revocation-status')).toHaveText(
    'done on the platform — waiting for a newer export to prove it',
  );
  await expect(row).toContainText('done 1 Nov 2026');
  // Until proven it can still be undone.
  await row.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toHaveCount(0);
});

test('import through the file picker shows progress and a summary', async ({ app, page, dataDir }) => {
  const files = writeExport(dataDir, 3000, 120_000);
  await page.getByTestId('import-input').setInputFiles(files);
  // First what each file was recognised as; nothing is imported before the user confirms.
  await expect(page.getByRole('heading', { name: 'Ready to import' })).toBeVisible();
  await expect(page.getByTestId('review-files')).toContainText('Connections.csv');
  await expect(page.getByTestId('review-files')).toContainText('LinkedIn connections');
  await expect(page.getByTestId('review-files')).toContainText('LinkedIn messages (counts only)');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-counts')).toHaveText('3,000 added · 0 updated · 0 unchanged · 0 removed');
  await expect(page.getByTestId('import-dialog')).toContainText('LinkedIn messages (counts only), 120,000 rows');
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(app.stat('connections')).toHaveText('3,000');
});

test('import by drag and drop onto the window', async ({ app, page }) => {
  const csv = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'Connections.csv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'Connections.csv', { type: 'text/csv' }));
    return dt;
  }, csv);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await expect(page.getByText('Drop files to import')).toBeVisible();
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await expect(page.getByTestId('review-files')).toContainText('LinkedIn connections');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(app.stat('connections')).toHaveText('3');
});

test('a broken file fails the import with the reason and changes nothing', async ({ app, page, dataDir }) => {
  await app.loadDemo();
  const bad = join(dataDir, 'export.zip');
  writeFileSync(bad, Buffer.from('PK\u0003\u0004 not a zip at all'));
  await page.getByTestId('import-input').setInputFiles(bad);
  await expect(page.getByRole('heading', { name: 'Import failed — nothing was changed' })).toBeVisible();
  // Named by the file's own name, not the temporary folder it was uploaded to.
  await expect(page.getByTestId('import-error')).toHaveText(/^export\.zip: not a readable ZIP archive/);
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(app.stat('connections')).toHaveText(DEMO.connections);
});

test('export report downloads a self-contained HTML file; German too', async ({ app, page }) => {
  await app.loadDemo();
  // The format is chosen in a dialog (HTML unless chosen otherwise): report-export.spec.ts has the others.
  await page.getByRole('button', { name: 'Export report' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-dialog').getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ShareAudit-Report-2026-11-01.html');
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('<h1>ShareAudit report</h1>');
  expect(html).not.toContain('<script');

  await page.getByRole('button', { name: 'DE', exact: true }).click();
  await expect(page.getByText('Sehen meine E-Mail')).toBeVisible();
  await page.getByRole('button', { name: 'Bericht exportieren' }).click();
  const [german] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-dialog').getByRole('button', { name: 'Exportieren', exact: true }).click(),
  ]);
  expect(german.suggestedFilename()).toBe('ShareAudit-Bericht-2026-11-01.html');
});

test('closing and reopening keeps everything', async ({ browser, dataDir }) => {
  const dbPath = join(dataDir, 'keep.db');
  const first = await startHost(dbPath);
  const page = await browser.newPage();
  await page.goto(first.url);
  const app = new ShareAuditPage(page);
  await app.loadDemo();
  await app.screen('Findings');
  await page.getByTestId('finding').first().getByRole('button', { name: 'Revoke', exact: true }).click();
  await app.screen('Revocations');
  await expect(page.getByTestId('revocation')).toHaveCount(1);
  await page.close();
  await first.stop();

  const second = await startHost(dbPath);
  const again = await browser.newPage();
  await again.goto(second.url);
  const reopened = new ShareAuditPage(again);
  await expect(reopened.stat('connections')).toHaveText(DEMO.connections);
  await reopened.screen('Revocations');
  await expect(again.getByTestId('revocation')).toHaveCount(1);
  await again.close();
  await second.stop();
});

test('a file that is not an export is named in the review, and Import stays disabled', async ({
  app,
  page,
  dataDir,
}) => {
  await app.loadDemo();
  const notes = join(dataDir, 'notes.csv');
  writeFileSync(notes, 'hello,world\nfoo,bar\n');
  await page.getByTestId('import-input').setInputFiles(notes);
  await expect(page.getByTestId('review-files')).toContainText('notes.csv');
  await expect(page.getByTestId('review-files')).toContainText('not a file ShareAudit can read');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(app.stat('connections')).toHaveText(DEMO.connections);
});

test('the import history lists past runs with their files and counts', async ({ app, page }) => {
  await app.loadDemo();
  await app.screen('History');
  const run = page.getByTestId('history-run');
  await expect(run).toHaveCount(1);
  await expect(run).toContainText('demo data');
  // 320 LinkedIn connections, 24 XING contacts and 74 entries of the address book uploaded to LinkedIn.
  await expect(run).toContainText('418 added · 0 updated · 0 unchanged · 0 removed');
  await expect(run).toContainText('Demo › Connections.csv — LinkedIn connections, 320 rows');
});

test('the phone region is a setting that persists', async ({ app, page }) => {
  await app.loadDemo();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const select = page.getByTestId('settings-dialog').getByLabel('Region for phone numbers without country code');
  await expect(select).toHaveValue('DE');
  await select.selectOption('AT');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('toast')).toContainText('Settings saved.');
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(
    page.getByTestId('settings-dialog').getByLabel('Region for phone numbers without country code'),
  ).toHaveValue('AT');
});

test('declaring a sharing setting previews the effect before saving, then changes the audit', async ({ app, page }) => {
  await app.loadDemo();
  await expect(app.stat('email')).toHaveText(DEMO.email);
  await page.getByRole('button', { name: 'Declare settings' }).click();
  const dialog = page.getByTestId('sharing-dialog');
  const preview = page.getByTestId('sharing-preview');
  await expect(preview).toBeVisible();
  const before = await preview.innerText();
  await dialog.getByTestId('li-email').selectOption('only-me');
  // Main re-runs the rules with the change: the preview changes before anything is saved.
  await expect(preview).not.toHaveText(before);
  await expect(app.stat('email')).toHaveText(DEMO.email);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('toast')).toContainText('Sharing settings saved.');
  await expect(app.stat('email')).toHaveText('0');
  await page.getByRole('button', { name: 'Sharing', exact: true }).click();
  await expect(page.getByTestId('li-email')).toHaveValue('only-me');
});

test('a muted finding is no longer counted as open, stays listed as muted, and can be unmuted', async ({
  app,
  page,
}) => {
  await app.loadDemo();
  await app.screen('Findings');
  await expect(app.findingsCount()).toHaveText(DEMO.findings);
  const first = page.getByTestId('finding').first();
  await first.getByRole('button', { name: 'Mute', exact: true }).click();
  await first.getByLabel('Why? (e.g. "my assistant")').fill('meine Assistentin');
  await first.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(page.getByTestId('toast')).toContainText('Finding muted.');
  await expect(app.findingsCount()).toHaveText(String(Number(DEMO.findings) - 1));
  await page.getByRole('combobox', { name: 'Status' }).selectOption('muted');
  await expect(page.getByTestId('finding')).toHaveCount(1);
  await expect(page.getByTestId('muted-note')).toContainText('Muted: meine Assistentin');
  await page.getByTestId('muted-note').getByRole('button', { name: 'Unmute' }).click();
  await expect(page.getByTestId('muted-note')).toHaveCount(0);
  await expect(app.findingsCount()).toHaveText(DEMO.findings);
});

test('editing the policy previews its effect, then applies it', async ({ app, page }) => {
  await app.loadDemo();
  await app.screen('Findings');
  const before = await app.findingsNumber();
  await page.getByRole('button', { name: 'Policy', exact: true }).click();
  const preview = page.getByTestId('policy-preview');
  await expect(preview).toBeVisible();
  const previewBefore = await preview.innerText();
  // Treat the mobile number as not private any more.
  await page.getByTestId('policy-dialog').getByRole('checkbox', { name: 'mobile number' }).uncheck();
  await expect(preview).not.toHaveText(previewBefore);
  await page.getByTestId('policy-dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('toast')).toContainText('Policy saved.');
  await expect.poll(() => app.findingsNumber()).toBeLessThan(before);
});

test('the people view shows what each person sees, and records XING grants in bulk', async ({ app, page }) => {
  await app.loadDemo();
  await app.screen('People');
  await expect(page.getByTestId('person').first().getByTestId('exposure').first()).toContainText(
    'all 1st-degree connections (assumed)',
  );
  await page.getByRole('combobox', { name: 'Network' }).selectOption('xing');
  const people = page.getByTestId('person');
  await expect(people.first()).toContainText('sees none of your details');
  await people.nth(0).getByRole('checkbox').check();
  await people.nth(1).getByRole('checkbox').check();
  await page.getByTestId('grant-toolbar').getByRole('combobox').selectOption('mobile');
  await page.getByRole('button', { name: 'Grant on XING' }).click();
  await expect(people.nth(0).getByTestId('exposure')).toContainText('mobile number · released to them');
  await expect(people.nth(1).getByTestId('exposure')).toContainText('mobile number · released to them');
});

test('the exported policy holds the lists, thresholds and the muted findings', async ({ app, page }) => {
  await app.loadDemo();
  await app.screen('Findings');
  const first = page.getByTestId('finding').first();
  await first.getByRole('button', { name: 'Mute', exact: true }).click();
  await first.getByLabel('Why? (e.g. "my assistant")').fill('known from school');
  await first.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(page.getByTestId('toast')).toContainText('Finding muted.');
  await page.getByRole('button', { name: 'Policy', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('policy-dialog').getByRole('button', { name: 'Export' }).click(),
  ]);
  const policy = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown> & {
    collector: { roles: string[] };
    mutedFindings: Array<{ reason: string }>;
  };
  expect(policy.collector.roles).toContain('headhunter');
  expect(policy.staleYears).toBe(3);
  expect(policy.mutedFindings).toEqual([expect.objectContaining({ reason: 'known from school' })]);
});
