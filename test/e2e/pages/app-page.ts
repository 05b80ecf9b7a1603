/**
 * The ShareAudit window as a user sees it, for both end-to-end specs: the browser host
 * (test/e2e/browser) and the desktop app (test/e2e/electron) drive the same page through it, so
 * the two cannot drift apart. Flows shared by both live here with their expectations.
 */
import { expect, type Page } from '@playwright/test';

export type StatName = 'connections' | 'email' | 'mobile' | 'unfamiliar';
export type ScreenName = 'Overview' | 'Findings' | 'Plan' | 'People' | 'Revocations' | 'History';

/** What the fixed demo data shows right after loading it: absolute numbers, not "more than zero". */
export const DEMO = {
  /** 320 LinkedIn connections and 24 XING contacts. */
  connections: '344',
  /** Every LinkedIn connection sees the email (the platform's default, assumed). */
  email: '320',
  mobile: '320',
  unfamiliar: '221',
  score: '64',
  /** Open findings. */
  findings: '561',
};

export class ShareAuditPage {
  constructor(readonly page: Page) {}

  /** Opens a screen through the navigation, as a user does. */
  async screen(name: ScreenName): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

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

  /** The overview right after loading the demo data. */
  async expectDemoDashboard(): Promise<void> {
    await expect(this.stat('connections')).toHaveText(DEMO.connections);
    await expect(this.stat('email')).toHaveText(DEMO.email);
    await expect(this.stat('mobile')).toHaveText(DEMO.mobile);
    await expect(this.stat('unfamiliar')).toHaveText(DEMO.unfamiliar);
    await expect(this.page.getByTestId('stat-score').locator('.stat-value')).toHaveText(DEMO.score);
    await expect(this.page.getByTestId('exposure-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(this.page.getByText('You have not declared your sharing settings yet')).toBeVisible();
  }

  /**
   * Revokes the first finding: the platform step to take, and — removing the connection takes away
   * everything that person sees — every finding about that person gone, one mobile number less;
   * then Undo puts all of it back.
   */
  async revokeFirstFindingAndUndo(): Promise<void> {
    await this.screen('Findings');
    await expect(this.findingsCount()).toHaveText(DEMO.findings);
    const first = this.findings().first();
    const name = (await first.locator('strong').innerText()).trim();
    await first.getByRole('button', { name: 'Revoke', exact: true }).click();

    const toast = this.toast();
    await expect(toast).toContainText('1 revocation planned');
    const step = toast.getByRole('link', { name: /Remove the connection on LinkedIn/ });
    await expect(step).toHaveAttribute('href', /^https:\/\/www\.linkedin\.com\/in\//);
    // Nothing has changed on LinkedIn yet: the finding stays, marked as planned, counted as open.
    await expect(first.getByTestId('revocation-state')).toHaveText('removal planned');
    await expect(this.findingsCount()).toHaveText(DEMO.findings);
    await expect(this.page.getByTestId('planned-count')).toBeVisible();

    await this.screen('Revocations');
    await expect(this.page.getByTestId('revocation')).toHaveCount(1);
    await expect(this.page.getByTestId('revocation')).toContainText(name);
    await expect(this.page.getByTestId('revocation-status')).toHaveText('removal planned');
    await this.screen('Overview');
    await expect(this.stat('mobile')).toHaveText(DEMO.mobile);
    await expect(this.page.getByTestId('stat-mobile-after')).toHaveText(`after your plan: ${Number(DEMO.mobile) - 1}`);

    // Undo stays in reach on every screen, and takes everything back.
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(toast).toContainText('Undone.');
    await expect(this.page.getByTestId('stat-mobile-after')).toHaveCount(0);
    await this.screen('Findings');
    await expect(this.findings().first().getByTestId('revocation-state')).toHaveCount(0);
    await expect(this.page.getByTestId('planned-count')).toHaveCount(0);
    await this.screen('Revocations');
    await expect(this.page.getByTestId('revocation')).toHaveCount(0);
  }
}
