/**
 * Sizes in rem: the page follows the user's font setting (Chromium's "font size", set here as the
 * browser's own preference) and 200 % zoom; the header never takes a third of a small window.
 */
import { expect, test } from './host-fixture';

test("the user's font size scales the page; at 200 % zoom the header stays under a third of the window", async ({
  app,
  page,
}) => {
  await app.loadDemo();
  // No chart's tooltip open: the pointer is away from the charts.
  await page.mouse.move(0, 0);
  const rootPx = (): Promise<number> =>
    page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const banner = page.getByRole('banner');
  const height = async (): Promise<number> => (await banner.boundingBox())!.height;
  // 87.5 % of the browser's 16 px.
  expect(await rootPx()).toBe(14);
  const atDefault = await height();
  const title = page.getByRole('heading', { level: 1 });
  const titleAtDefault = (await title.boundingBox())!.height;

  // The user's font setting, 16 → 20 px: everything sized in rem grows with it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 20, fixed: 16 } });
  await expect.poll(rootPx).toBe(17.5);
  expect(await height()).toBeGreaterThan(atDefault * 1.15);
  expect((await title.boundingBox())!.height).toBeGreaterThan(titleAtDefault * 1.15);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
  await expect.poll(rootPx).toBe(14);

  // 200 % zoom of a 1280 × 800 window: 640 × 400 CSS pixels. Nothing is cut off sideways.
  await page.setViewportSize({ width: 640, height: 400 });
  expect(await height()).toBeLessThan(400 / 3);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('stat-connections')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page).toHaveScreenshot('zoom-200.png');
});
