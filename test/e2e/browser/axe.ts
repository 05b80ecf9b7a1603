/**
 * The accessibility check every browser spec uses: no axe violations on the page. With a dialog open,
 * its text's contrast once more: where shapes of the page behind the dialog (a chart, list rows) lie
 * under part of a text, axe cannot tell that text's background and leaves it unchecked
 * ("incomplete"). The dialog's card is opaque, so the page behind it is hidden for that second look,
 * and nothing in the dialog may stay unchecked.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './host-fixture';

const list = (results: { id: string; nodes: { target: unknown[] }[] }[]): string[] =>
  results.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

export async function axe(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(list(violations)).toEqual([]);
  if ((await page.locator('[role="dialog"]').count()) === 0) return;
  const behind = page.locator('#root');
  await behind.evaluate((el) => ((el as HTMLElement).style.visibility = 'hidden'));
  // The dialog is not inside what was hidden (React Aria puts it at the end of <body>).
  await expect(page.getByRole('dialog')).toBeVisible();
  const contrast = await new AxeBuilder({ page }).include('[role="dialog"]').withRules(['color-contrast']).analyze();
  await behind.evaluate((el) => ((el as HTMLElement).style.visibility = ''));
  expect(list(contrast.violations)).toEqual([]);
  expect(list(contrast.incomplete)).toEqual([]);
}
