/**
 * The scenario: what one run does in the page, phase by phase — open the app, revoke and undo one
 * finding, export the report, a what-if in Sharing, the People search, the bulk revoke and its undo,
 * then the remaining screens at rest. Each interaction is measured by the Session.
 */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { DEADLINE_MS, SEARCH, VIEWPORT, type User } from './config';
import { startHost } from './host';
import { installPageProbe, type PageGlobals } from './page-probe';
import type { RunResult } from './results';
import { Session } from './session';
import { ApiTraffic } from './traffic';

/** The page of one run, its session, and what every phase looks for in it. */
interface Run {
  page: Page;
  s: Session;
  /** A link of the app's navigation. */
  nav(name: string): Locator;
  toast: Locator;
}

const count = '[data-testid="findings-count"]';

/** One run for one user: a fresh copy of the database, a fresh host, a fresh browser context. */
export async function runOnce(
  browser: Browser,
  build: string,
  pristine: string,
  work: string,
  user: User,
): Promise<RunResult> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  copyFileSync(pristine, work);
  const host = await startHost(build, work);
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-US',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  try {
    const { run, errors } = await openPage(context);
    await openApp(run, host.url);
    await revokeAndUndoOne(run);
    await exportReport(run);
    await sharingWhatIf(run);
    await searchPeople(run, SEARCH[user]);
    await bulkRevoke(run);
    await undoBulkRevoke(run);
    await visitRemainingScreens(run);
    if (errors.length > 0) process.stderr.write(`[${user}] page errors: ${errors.join(' | ')}\n`);
    return run.s.result;
  } finally {
    await context.close();
    await host.stop();
  }
}

/** A page with the probe installed, the network recorded, and its errors collected. */
async function openPage(context: BrowserContext): Promise<{ run: Run; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // tsx keeps function names with a helper the page does not have; the probe's functions need it.
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page.addInitScript(installPageProbe);
  const cdp = await context.newCDPSession(page);
  const net = new ApiTraffic(cdp);
  await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
  const s = new Session(page, cdp, net);

  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  const toast = page.getByTestId('toast');
  return { run: { page, s, nav, toast }, errors };
}

/** Cold start (the host just started), then a reload (the audit cached). */
async function openApp({ page, s }: Run, url: string): Promise<void> {
  await s.load('load.cold', () => page.goto(url));
  await s.atRest('overview');
  await s.load('load.warm', () => page.reload());
  await s.atRest('overview');
}

/** Findings, then Revoke on the first row and the toast's Undo. */
async function revokeAndUndoOne({ page, s, nav, toast }: Run): Promise<void> {
  await s.interact('nav.findings', 'click', () => nav('Findings').click(), 'visible', '[data-testid="finding"]');
  await s.atRest('findings', true);
  const all = await s.text(count);
  s.result.counts.findings = all;
  await s.interact(
    'revoke.one',
    'click',
    () => page.getByTestId('finding').first().getByRole('button', { name: 'Revoke', exact: true }).click(),
    'firstRowPlanned',
  );
  s.result.counts.afterRevokeOne = `${await s.text(count)} ${await s.text('[data-testid="planned-count"]')}`;
  await s.interact('undo.one', 'click', () => toast.getByRole('button', { name: 'Undo' }).click(), 'firstRowUndone');
}

/** The report, until the browser has the file. */
async function exportReport({ page, s }: Run): Promise<void> {
  // The format is chosen in a dialog first (HTML, the default); the export itself is measured.
  await page.getByRole('button', { name: 'Export report', exact: true }).click();
  const download = page.waitForEvent('download', { timeout: DEADLINE_MS });
  const since = await page.evaluate(() => (globalThis as unknown as PageGlobals).__bench.downloadAt);
  await s.interact(
    'export',
    'click',
    () => page.getByTestId('export-dialog').getByRole('button', { name: 'Export', exact: true }).click(),
    'downloaded',
    String(since),
  );
  const file = await (await download).path();
  s.result.reportBytes = statSync(file).size;
}

/** The Sharing dialog, a what-if change in it, then Cancel. */
async function sharingWhatIf({ page, s }: Run): Promise<void> {
  await s.interact(
    'sharing.open',
    'click',
    () => page.getByRole('button', { name: 'Sharing', exact: true }).click(),
    'visible',
    '[data-testid="sharing-preview"]',
  );
  await s.atRest('sharing dialog');
  const preview = await s.text('[data-testid="sharing-preview"]');
  await s.interact(
    'sharing.whatif',
    'change',
    () => page.getByTestId('li-email').selectOption('only-me'),
    'textNot',
    JSON.stringify(['[data-testid="sharing-preview"]', preview]),
  );
  await page.getByTestId('sharing-dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.getByTestId('sharing-dialog').waitFor({ state: 'detached' });
}

/** People, the name typed one character short (not measured), then its last keypress. */
async function searchPeople({ page, s, nav }: Run, name: string): Promise<void> {
  await s.interact('nav.people', 'click', () => nav('People').click(), 'visible', '[data-testid="person"]');
  await s.atRest('people');
  const people = await s.text('[data-testid="people-count"]');
  await page.getByRole('searchbox').fill(name.slice(0, -1));
  await page.waitForFunction(
    ([sel, before]) => (globalThis as unknown as PageGlobals).document.querySelector(sel)?.textContent !== before,
    ['[data-testid="people-count"]', people] as [string, string],
    { polling: 'raf', timeout: DEADLINE_MS },
  );
  await s.settle();
  s.result.counts.searchPrefix = await s.text('[data-testid="people-count"]');
  await s.interact('people.search', 'keydown', () => page.keyboard.press(name.slice(-1)), 'onlyPerson', name);
}

/** Back in Findings: select every finding matching the filter, ask, and confirm the bulk revoke. */
async function bulkRevoke({ page, s, nav }: Run): Promise<void> {
  await nav('Findings').click();
  await page.locator('[data-testid="finding"]').first().waitFor();
  await s.settle();
  const noneSelected = await s.text('[data-testid="selection-bar"] span');
  await s.interact(
    'bulk.select',
    'click',
    () => page.getByRole('button', { name: /^Select (all|the) .* matching the filter$/ }).click(),
    'textNot',
    JSON.stringify(['[data-testid="selection-bar"] span', noneSelected]),
  );
  s.result.counts.selected = await s.text('[data-testid="selection-bar"] span');
  await s.interact(
    'bulk.ask',
    'click',
    () => page.getByRole('button', { name: /^Revoke selected/ }).click(),
    'visible',
    '[data-testid="revoke-effect"]',
  );
  const effect = await s.text('[data-testid="revoke-effect"]');
  s.result.counts.bulkEffect = effect;
  // "60,000 findings: remove 30,000 connections. …"
  const revoked = /^[\d,]+/.exec(effect)?.[0] ?? effect;
  await s.interact(
    'bulk.revoke',
    'click',
    () => page.getByTestId('revoke-dialog').getByRole('button', { name: 'Revoke', exact: true }).click(),
    'bulkPlanned',
    revoked,
  );
  s.result.counts.afterBulk = `${await s.text(count)} ${await s.text('[data-testid="planned-count"]')}`;
  await s.atRest('findings after bulk revoke', true);
}

/** Revocations after the bulk revoke, then the toast's Undo of it. */
async function undoBulkRevoke({ s, nav, toast }: Run): Promise<void> {
  await s.interact(
    'nav.revocations',
    'click',
    () => nav('Revocations').click(),
    'visible',
    '[data-testid="revocation"]',
  );
  await s.atRest('revocations after bulk revoke');
  s.result.counts.revocations = await s.text('[data-testid="revocations-count"]');
  await s.interact(
    'bulk.undo',
    'click',
    () => toast.getByRole('button', { name: 'Undo' }).click(),
    'textIs',
    JSON.stringify(['[data-testid="revocations-count"]', '0']),
  );
}

/** Plan, History and Findings at rest (not timed: their DOM size and heap). */
async function visitRemainingScreens({ page, s, nav }: Run): Promise<void> {
  await nav('Plan').click();
  await page.getByTestId('plan-total').waitFor({ timeout: DEADLINE_MS });
  await s.atRest('plan', true);
  await nav('History').click();
  await page.getByTestId('history-screen').waitFor();
  await s.atRest('history');
  await nav('Findings').click();
  await page.locator('[data-testid="finding"]').first().waitFor();
  await s.atRest('findings at the end', true);
  s.result.counts.findingsAtEnd = await s.text(count);
}
