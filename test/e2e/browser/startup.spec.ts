/**
 * What the page waits for at start: the overview's numbers come with the app's own code and the
 * summary; the charts' library (the biggest file of the page) is drawn with when it arrives.
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
  expect(asked).toBe(true);
  await expect(page.getByTestId('exposure-chart')).toHaveCount(0);
  release();
  await expect(page.getByTestId('exposure-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('exposure-over-time').locator('svg').first()).toBeVisible();
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
