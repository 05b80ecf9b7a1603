/**
 * The ShareAudit window as a user sees it, for both end-to-end specs: the browser host
 * (test/e2e/browser) and the desktop app (test/e2e/electron) drive the same page through it, so
 * the two cannot drift apart. Flows shared by both live here with their expectations.
 */
import { expect, type Page } from '@playwright/test';

export type StatName = 'connections' | 'email' | 'mobile' | 'unfamiliar';

/** What the fixed demo data shows right after loading it. */
export const DEMO = {
  /** 320 LinkedIn connections and 24 XING contacts. */
  connections: '344',
  /** Every LinkedIn connection sees the email (the platform's default, assumed). */
  email: '320',
};

export class ShareAuditPage {
  constructor(readonly page: Page) {}

  stat(name: StatName) {
    return this.page.getByTestId(`stat-${name}`).locator('.stat-value');
  }
  async statValue(name: StatName): Promise<number> {
    return Number((await this.stat(name).innerText()).replace(/[^\d]/g, ''));
  }
  findingsCount() {
    return this.page.getByTestId('findings-count');
  }
  async findingsNumber(): Promise<number> {
    return Number((await this.findingsCount().innerText()).replace(/[^\d]/g, ''));
  }
  findings() {
    return this.page.getByTestId('finding');
  }
  toast() {
    return this.page.getByTestId('toast');
  }
  importDialog() {
    return this.page.getByTestId('import-dialog');
  }

  async loadDemo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(this.page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await this.importDialog().getByRole('button', { name: 'Close' }).click();
  }

  /** The dashboard right after loading the demo data. */
  async expectDemoDashboard(): Promise<void> {
    await expect(this.stat('connections')).toHaveText(DEMO.connections);
    await expect(this.stat('email')).toHaveText(DEMO.email);
    await expect(this.page.getByTestId('exposure-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(this.page.getByText('You have not declared your sharing settings yet')).toBeVisible();
  }

  /**
   * Revokes the first finding: the platform step to take, and — removing the connection takes away
   * everything that person sees — every finding about that person gone, one mobile number less;
   * then Undo puts all of it back.
   */
  async revokeFirstFindingAndUndo(): Promise<void> {
    const findingsBefore = await this.findingsNumber();
    const mobileBefore = await this.statValue('mobile');
    const first = this.findings().first();
    const name = (await first.locator('strong').innerText()).trim();
    await first.getByRole('button', { name: 'Revoke', exact: true }).click();

    const toast = this.toast();
    await expect(toast).toContainText('Revocation planned for 1 finding.');
    const step = toast.getByRole('link', { name: /Remove the connection on LinkedIn/ });
    await expect(step).toHaveAttribute('href', /^https:\/\/www\.linkedin\.com\/in\//);
    await expect.poll(() => this.findingsNumber()).toBeLessThan(findingsBefore);
    await expect(this.findings().filter({ hasText: name })).toHaveCount(0);
    await expect(this.stat('mobile')).toHaveText(String(mobileBefore - 1));
    await expect(this.page.getByTestId('revocation')).toHaveCount(1);
    await expect(this.page.getByTestId('revocation')).toContainText(name);
    await expect(this.page.getByTestId('exposure-chart')).toContainText('Revocation planned');

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(this.findingsCount()).toHaveText(String(findingsBefore));
    await expect(this.stat('mobile')).toHaveText(String(mobileBefore));
    await expect(this.findings().filter({ hasText: name }).first()).toBeVisible();
    await expect(this.page.getByTestId('revocation')).toHaveCount(0);
  }
}
