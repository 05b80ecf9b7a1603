/**
 * History and the dashboards that explain: the trend over imports and changes, exposure by connection
 * date with the declared changes marked, every chart's numbers as a table, and the re-audit reminder
 * (the host's clock is fixed at 1 Nov 2026 by host-fixture.ts).
 */
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { DEMO } from '../pages/app-page';
import { axe } from './axe';
import { expect, test } from './host-fixture';

const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'Connections.csv');

/** Imports files through the file picker, as a user does, and closes the summary. */
async function importFiles(page: Page, files: Parameters<Page['setInputFiles']>[1]): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(files);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Close' }).click();
}

/** The rows of a chart's table for screen readers, cell texts per row. */
async function tableRows(page: Page, chart: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: `The numbers of the chart “${chart}”` });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
}

/**
 * A long-time user's history: `n` more imports of the first run's export, a minute apart, the k-th
 * taking 1,000 + k ms (what tells them apart on the screen), written into the host's database beside
 * it (SQLite in WAL mode; the host reads the history fresh per request).
 */
function addImportRuns(dbPath: string, n: number): void {
  const db = new Database(dbPath, { fileMustExist: true, timeout: 5000 });
  try {
    db.prepare(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
       INSERT INTO import_run (started_at, finished_at, origin, files_json, ignored_json, added, updated, unchanged, removed, warnings_json, duration_ms)
       SELECT strftime('%Y-%m-%dT%H:%M:%fZ', r.started_at, '+' || k.i || ' minutes'),
              strftime('%Y-%m-%dT%H:%M:%fZ', r.finished_at, '+' || k.i || ' minutes'),
              'file', r.files_json, r.ignored_json, 0, 0, r.added, 0, '[]', 1000 + k.i
       FROM import_run r, k WHERE r.id = 1 ORDER BY k.i`,
    ).run(n);
  } finally {
    db.close();
  }
}

/** Adds `n` snapshots (an hour apart, the score moving; every second after an import) to the running host's database. */
function addSnapshots(dbPath: string, n: number): void {
  const db = new Database(dbPath, { fileMustExist: true, timeout: 5000 });
  try {
    db.prepare(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
       INSERT INTO audit_snapshot (at, cause, run_id, connections, score_now, score_after_plan, open_findings, counts_json)
       SELECT strftime('%Y-%m-%dT%H:%M:%fZ', s.at, '+' || k.i || ' hours'),
              CASE WHEN k.i % 2 = 0 THEN 'import' ELSE 'revocation' END, NULL, s.connections,
              (s.score_now + k.i) % 100, s.score_after_plan, s.open_findings, s.counts_json
       FROM audit_snapshot s, k WHERE s.id = (SELECT min(id) FROM audit_snapshot) ORDER BY k.i`,
    ).run(n);
  } finally {
    db.close();
  }
}

/** Declares in the Sharing dialog: LinkedIn phone numbers only for me, XING's "Als Standard" for the mobile number from a day. */
async function declareSettings(page: Page, xingDefaultFrom: string): Promise<void> {
  await page.getByRole('button', { name: 'Sharing', exact: true }).click();
  const dialog = page.getByTestId('sharing-dialog');
  await dialog.getByTestId('li-phone').selectOption('only-me');
  await dialog.getByLabel('since').fill(xingDefaultFrom);
  await dialog.getByRole('checkbox', { name: 'mobile number', exact: true }).check();
  await dialog.getByRole('button', { name: 'Add default' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('toast')).toContainText('Sharing settings saved.');
}

test('the trend: an import, a setting declared, a newer export — each an event, score and exposure over time (screenshot)', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.loadDemo();
  await declareSettings(page, '2018-04-01');
  await importFiles(page, fixture);
  await app.screen('History');

  const events = page.getByTestId('trend-event');
  await expect(events).toHaveText([
    /^1 Nov 2026, 12:00 Import · Exposure score \d+ → \d+$/,
    /^1 Nov 2026, 12:00 Sharing settings changed · Exposure score \d+ → \d+$/,
    `1 Nov 2026, 12:00 Import · Exposure score ${DEMO.score}`,
  ]);
  // The score chart's numbers: the demo's score first, then after each change.
  const scores = await tableRows(page, 'Exposure score after each import and change');
  expect(scores.map((r) => r.slice(1))).toEqual([
    ['Import', DEMO.score, DEMO.score],
    ['Sharing settings changed', expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)],
    ['Import', expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)],
  ]);
  // Who sees the mobile number: every LinkedIn connection, then only XING contacts since the default.
  const exposure = await tableRows(page, 'People who can see each detail, after each import and change');
  const mobile = (await page.getByTestId('exposure-trend').locator('thead th').allTextContents()).indexOf(
    'mobile number',
  );
  expect(exposure.map((r) => r[mobile])).toEqual([
    DEMO.mobile,
    expect.not.stringMatching(`^${DEMO.mobile}$`),
    expect.any(String),
  ]);

  await axe(page);
  await page.mouse.move(0, 0);
  await expect(page.getByTestId('trend')).toHaveScreenshot('history-trend.png');
});

test('the overview explains: exposure by connection date with the marks, familiarity, collector signals, the riskiest people (screenshot)', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.loadDemo();
  const overTime = page.getByTestId('exposure-over-time');
  await expect(overTime.locator('svg').first()).toBeVisible();
  // Everyone who sees a detail today, by the month they connected: the last month has them all.
  const rows = await tableRows(page, 'Who can see each detail, by the day they connected');
  expect(rows.at(-1)!.slice(1)).toEqual([DEMO.email, DEMO.mobile, DEMO.email]);
  expect(rows.length).toBeGreaterThan(12);

  const familiarity = await tableRows(page, 'How well you know the people who can see your private details');
  expect(familiarity).toEqual([
    ['private email', '96', '3', DEMO.unfamiliar],
    ['mobile number', '96', '3', DEMO.unfamiliar],
    ['any private detail', '96', '3', DEMO.unfamiliar],
  ]);
  await expect(page.getByTestId('collector-summary')).toContainText(
    /^\d+ likely contact collectors can see your details\./,
  );
  const signals = await tableRows(page, 'Collector signals among the people who can see your details');
  expect(signals.length).toBeGreaterThan(0);
  expect(signals[0]).toEqual([
    expect.stringMatching(/^“.+”$/),
    expect.stringMatching(/^(invitation phrase|role)$/),
    expect.stringMatching(/^\d+$/),
  ]);
  await expect(page.getByTestId('top-people').locator('tbody tr')).toHaveCount(10);

  await declareSettings(page, '2018-04-01');
  // The XING default and the day settings were declared, marked and explained.
  await expect(page.getByTestId('exposure-markers').locator('li')).toHaveText([
    '1. XING “Als Standard” from 1 Apr 2018: mobile number',
    '2. Settings declared in ShareAudit on 1 Nov 2026',
  ]);
  await axe(page);
  await app.toast().getByRole('button', { name: 'Close' }).click();
  await page.mouse.move(0, 0);
  await expect(overTime).toHaveScreenshot('exposure-over-time.png');

  // Numbers in the UI's language: German separators on the axes and in the tables.
  await page.getByRole('button', { name: 'DE', exact: true }).click();
  await expect(page.getByTestId('exposure-markers').locator('li').first()).toHaveText(
    '1. XING „Als Standard“ ab 01.04.2018: Mobilnummer',
  );
  const german = page.getByRole('table', {
    name: 'Die Zahlen des Diagramms „Wer welches Detail sieht, nach dem Tag der Vernetzung“',
  });
  await expect(german.locator('tbody tr').last().locator('th')).toHaveText('Nov. 2026');
  // Phone numbers only for me now: nobody sees the mobile number, so it is no column.
  await expect(german.locator('thead th')).toHaveText(['Vernetzt bis', 'private E-Mail', 'Geburtstag']);
});

test('an export older than the policy’s 90 days: said on start and on the overview, with LinkedIn’s page', async ({
  app,
  page,
}) => {
  const zip = {
    // LinkedIn writes the month first: 1 July 2026.
    name: 'Basic_LinkedInDataExport_07-01-2026.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync({ 'Connections.csv': readFileSync(fixture) })),
  };
  await importFiles(page, zip);
  await page.reload();
  const text = 'Your newest export is from 1 Jul 2026, 123 days ago.';
  await expect(app.toast()).toContainText(text);
  const banner = page.getByTestId('reaudit-reminder');
  await expect(banner).toContainText(text);
  await expect(banner.getByRole('link', { name: 'Get a copy of your data on LinkedIn' })).toHaveAttribute(
    'href',
    'https://www.linkedin.com/mypreferences/d/download-my-data',
  );
  await axe(page);
});

test('two hundred imports: the history renders the runs in view, and the keyboard reaches the oldest', async ({
  app,
  page,
  host,
}) => {
  await app.loadDemo();
  addImportRuns(host.dbPath, 199);
  await app.screen('History');

  const list = page.getByTestId('history-runs');
  const runs = list.getByTestId('history-run');
  // The newest first, with its counts; the list knows all 200.
  await expect(runs.first()).toContainText('(1,199 ms)');
  await expect(runs.first()).toContainText('0 added · 0 updated · 418 unchanged · 0 removed');
  await expect(runs.first()).toBeInViewport();
  // Only the rows in view (and a few either side) are in the page: ≈ 780 elements at the top, ≈ 1,010
  // when rows on both sides are kept; all 200 runs would be ≈ 8,000 (31 files each).
  const elements = (): Promise<number> => page.evaluate(() => document.querySelectorAll('*').length);
  expect(await elements()).toBeLessThan(1200);
  expect(await runs.count()).toBeLessThan(30);
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '200');

  // The keyboard: End reaches the oldest run (the demo), ↑ the one before it, Home the newest.
  await list.getByRole('listitem').first().focus();
  await page.keyboard.press('End');
  const focused = list.locator('li:focus');
  await expect(focused).toHaveAttribute('aria-posinset', '200');
  await expect(focused.getByTestId('history-run')).toContainText('· demo data');
  await expect(focused).toBeInViewport();
  expect(await elements()).toBeLessThan(1200);
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('aria-posinset', '199');
  await expect(focused.getByTestId('history-run')).toContainText('(1,001 ms)');
  await page.keyboard.press('Home');
  await expect(focused).toHaveAttribute('aria-posinset', '1');
  await expect(focused).toBeInViewport();
  await expect(focused.getByTestId('history-run')).toContainText('(1,199 ms)');
  expect(await elements()).toBeLessThan(1200);
  await axe(page);
});

test('a long trend: End in its events brings the last one into view, though the imports follow below', async ({
  app,
  page,
  host,
}) => {
  await app.loadDemo();
  // One import: the score trend marks it.
  await expect(page.getByTestId('overview-score-trend').locator('.recharts-reference-line')).toHaveCount(1);
  addSnapshots(host.dbPath, 200);
  // A long list of imports below the events: the page does not end with them.
  addImportRuns(host.dbPath, 199);
  // The page asked for the trend with the overview: it asks again after a reload.
  await page.reload();
  await app.screen('History');
  const events = page.getByTestId('trend-events');
  await expect(events.getByRole('listitem').first()).toBeVisible();
  const size = Number(await events.getByRole('listitem').first().getAttribute('aria-setsize'));
  expect(size).toBeGreaterThan(100);
  await events.getByRole('listitem').first().focus();
  await page.keyboard.press('End');
  const focused = events.locator('li:focus');
  await expect(focused).toHaveAttribute('aria-posinset', String(size));
  await expect(focused).toBeInViewport();
  // In view, and not under the page's sticky header: what is drawn at its middle is the row itself.
  const uncovered = (): Promise<boolean> =>
    focused.evaluate((li) => {
      const r = li.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && li.contains(hit);
    });
  expect(await uncovered()).toBe(true);
  // Home, then End again from the top: the same.
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await expect(focused).toHaveAttribute('aria-posinset', String(size));
  expect(await uncovered()).toBe(true);

  // A hundred imports are not marked one by one: the marks would merge into a band over the lines.
  await expect(page.getByTestId('score-trend').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('score-trend').locator('.recharts-reference-line')).toHaveCount(0);

  // The charts' 201 points are not kept as hidden tables (thousands of cells): each is shown on request.
  const elements = (): Promise<number> => page.evaluate(() => document.querySelectorAll('*').length);
  expect(await elements()).toBeLessThan(3000);
  const trend = page.getByTestId('exposure-trend');
  await expect(trend.getByRole('table')).toHaveCount(0);
  const toggle = trend.getByRole('button', { name: /as a table \(201 rows\)/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toHaveAccessibleDescription(/People who can see each detail/);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveAttribute('aria-controls', (await trend.getByRole('table').getAttribute('id'))!);
  await expect(trend.getByRole('table').locator('tbody tr')).toHaveCount(size);
  await expect(trend.getByRole('table')).toBeVisible();
  await axe(page);
});
