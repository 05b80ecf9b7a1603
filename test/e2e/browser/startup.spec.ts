/**
 * What the page waits for at start: the overview's numbers come with the app's own code and the
 * summary; the charts' library (the biggest file of the page) and what the overview shows beside the
 * numbers are asked for once the numbers are drawn, and drawn when they arrive.
 */
import { DEMO } from '../pages/app-page';
import { expect, test } from './host-fixture';

test("the overview's numbers do not wait for the charts' library; the charts are drawn once it arrives", async ({
  app,
  page,
}) => {
  await app.loadDemo();
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/assets\/charts-[^/]+\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: 'commit' });
  await expect(app.stat('connections')).toHaveText(DEMO.connections);
  await expect(page.getByTestId('stat-score').locator('.stat-value')).toHaveText(DEMO.score);
  await expect.poll(() => asked).toBe(true);
  await expect(page.getByTestId('exposure-chart')).toHaveCount(0);
  release();
  await expect(page.getByTestId('exposure-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('exposure-over-time').locator('svg').first()).toBeVisible();
});

test('what the overview shows beside its numbers is asked for once they are drawn, not with them', async ({
  app,
  page,
}) => {
  await app.loadDemo();
  // The start of the first frame that shows the numbers (drawn at its end), on the page's clock.
  await page.addInitScript(() => {
    const seen = (): boolean => document.querySelector('[data-testid="stat-connections"] .stat-value') !== null;
    new MutationObserver((_, observer) => {
      if (!seen()) return;
      observer.disconnect();
      requestAnimationFrame((frame) => ((globalThis as unknown as { numbersFrame: number }).numbersFrame = frame));
    }).observe(document, { childList: true, subtree: true });
  });
  // The numbers are held back until the overview's own code has arrived and run: what it might ask for
  // beside them would be asked for by then.
  let overviewLoaded = (): void => undefined;
  const overview = new Promise<void>((resolve) => (overviewLoaded = resolve));
  page.on('requestfinished', (request) => {
    if (/\/assets\/Overview-[^/]+\.js$/.test(request.url())) overviewLoaded();
  });
  await page.route(/\/api\/invoke\/audit%3Asummary$/, async (route) => {
    await overview;
    await page.evaluate(() => new Promise((ran) => requestAnimationFrame(() => requestAnimationFrame(ran))));
    await route.continue();
  });
  await page.reload();
  await expect(page.getByTestId('exposure-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  const { frame, asked } = await page.evaluate(() => ({
    frame: (globalThis as unknown as { numbersFrame: number }).numbersFrame,
    asked: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      name: decodeURIComponent(e.name.replace(/^.*\/(assets|api\/invoke)\//, '')),
      at: e.startTime,
    })),
  }));
  const after = ['charts-', 'OverviewCharts-', 'history:reminder', 'audit:charts', 'history:trend'];
  for (const prefix of after) {
    const requests = asked.filter((r) => r.name.startsWith(prefix));
    expect(requests.length, prefix).toBeGreaterThan(0);
    for (const r of requests) expect(r.at, `${r.name} asked before the numbers were drawn`).toBeGreaterThan(frame);
  }
  // The numbers themselves come first.
  const summary = asked.find((r) => r.name.startsWith('audit:summary'));
  expect(summary!.at).toBeLessThan(frame);
});

test('the overview shown again draws its charts with its numbers, in the same frame', async ({ app, page }) => {
  await app.loadDemo();
  await expect(page.getByTestId('exposure-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Findings', exact: true }).click();
  await expect(page.getByTestId('stat-connections')).toHaveCount(0);
  // Whether the charts were there when the numbers came back (checked as the page changes).
  await page.evaluate(() => {
    const g = globalThis as unknown as { chartsWithNumbers?: boolean };
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="stat-connections"]') === null) return;
      observer.disconnect();
      g.chartsWithNumbers = document.querySelector('[data-testid="exposure-chart"]') !== null;
    }).observe(document, { childList: true, subtree: true });
  });
  await nav.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(app.stat('connections')).toHaveText(DEMO.connections);
  expect(await page.evaluate(() => (globalThis as unknown as { chartsWithNumbers?: boolean }).chartsWithNumbers)).toBe(
    true,
  );
});

test('what every page loads at start carries neither zod (main validates requests) nor the charts, dialogs or lists', async ({
  app,
  page,
}) => {
  const loaded: string[] = [];
  page.on('response', (response) => {
    if (/\/assets\/[^/]+\.js$/.test(response.url())) loaded.push(response.url());
  });
  await app.loadDemo();
  await page.reload();
  await expect(app.stat('connections')).toHaveText(DEMO.connections);
  // The files the page's entry needs before it can run: its own and the ones it preloads.
  const html = await (await page.request.get(new URL('/', page.url()).href)).text();
  const startup = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(startup.length).toBeGreaterThan(1);
  for (const asset of startup) {
    const code = await (await page.request.get(new URL(`/${asset}`, page.url()).href)).text();
    expect(/_zod|ZodError/.test(code), `zod in ${asset}`).toBe(false);
    expect(/recharts/.test(code), `recharts in ${asset}`).toBe(false);
    // React Aria (the dialogs) and TanStack Virtual (the lists) load after the first view.
    expect(/react-aria/.test(code), `React Aria in ${asset}`).toBe(false);
    expect(/getVirtualItems/.test(code), `TanStack Virtual in ${asset}`).toBe(false);
  }
  expect(loaded.some((url) => /vendor-/.test(url))).toBe(true);
});
