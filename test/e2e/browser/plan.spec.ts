/**
 * Issue 9: the action plan and the guided session in the app — the variants side by side, then one
 * step at a time (done, skipped), the app closed in the middle and opened again, resumed where it was.
 */
import { join } from 'node:path';
import { ShareAuditPage } from '../pages/app-page';
import { axe } from './axe';
import { expect, startHost, test } from './host-fixture';

test('the plan: fewest steps and keep-the-people-I-know side by side, each with who loses access', async ({
  app,
  page,
}) => {
  await app.loadDemo();
  await app.screen('Plan');
  const fewest = page.getByTestId('plan-variant-fewest');
  await expect(fewest.getByTestId('plan-steps')).toHaveText('4 steps');
  await expect(fewest.getByTestId('plan-collateral')).toHaveText('96 people you know lose access too.');
  const keep = page.getByTestId('plan-variant-keep-known');
  await expect(keep.getByTestId('plan-collateral')).toHaveText('Nobody you know loses access.');
  await expect(page.getByTestId('plan-step').first().getByTestId('step-title')).toHaveText(
    'Narrow "Who can see your email address" to "Only visible to me"',
  );
  await expect(page.getByTestId('plan-score-line')).toHaveText(
    'Score now 64 · with what you already planned 64 · after this plan 0',
  );
  await keep.click();
  await expect(page.getByTestId('plan-total')).toHaveText('222');
  await expect(page.getByTestId('plan-emergency')).toContainText('3 steps');
  await axe(page);
});

test('the guided session: done, skipped, the app closed and opened again, resumed at the same step', async ({
  app,
  page,
  browser,
  dataDir,
  host,
}) => {
  await app.loadDemo();
  await app.screen('Plan');
  await page.getByTestId('plan-start').click();
  const session = page.getByTestId('guided-session');
  await expect(session.getByTestId('guided-step-of')).toHaveText('Step 1 of 4');
  await expect(session.getByTestId('guided-step-of')).toBeFocused();
  await expect(session.getByTestId('step-title')).toHaveText(
    'Narrow "Who can see your email address" to "Only visible to me"',
  );
  await expect(session.getByRole('link', { name: 'Open the page on LinkedIn' })).toHaveAttribute(
    'href',
    'https://www.linkedin.com/psettings/privacy/email',
  );
  await expect(session.getByTestId('step-effect')).toContainText('clears 221 findings · score after: 59');
  await axe(page);

  // Step 1 done on a given day; step 2 skipped.
  await session.getByLabel('Done on').fill('2026-10-31');
  await session.getByTestId('guided-done').click();
  await expect(app.toast()).toContainText('Marked as done on 31 Oct 2026.');
  await expect(session.getByTestId('guided-step-of')).toHaveText('Step 2 of 4');
  await session.getByTestId('guided-skip').click();
  await expect(session.getByTestId('guided-step-of')).toHaveText('Step 3 of 4');
  await expect(session.getByTestId('guided-progress')).toHaveText('1 done · 1 skipped · 2 to go');

  // Close the app (the host and its page) and open it again on the same database.
  await page.close();
  await host.stop();
  const again = await startHost(join(dataDir, 'shareaudit.db'));
  try {
    const next = await browser.newPage();
    await next.goto(again.url);
    const reopened = new ShareAuditPage(next);
    await reopened.screen('Plan');
    const resumed = next.getByTestId('guided-session');
    await expect(resumed.getByTestId('guided-step-of')).toHaveText('Step 3 of 4');
    await expect(resumed.getByTestId('guided-progress')).toHaveText('1 done · 1 skipped · 2 to go');
    // The host's clock stands at 1 November 2026 (--now): a later day is refused as not yet come.
    await resumed.getByLabel('Done on').fill('2026-11-01');
    await resumed.getByTestId('guided-done').click();
    await expect(resumed.getByTestId('guided-step-of')).toHaveText('Step 4 of 4');

    // What "done" recorded: the email setting, applied on the day given — one revocation for everyone.
    await reopened.screen('Revocations');
    const email = next.getByTestId('revocation').filter({ hasText: 'Only visible to me' });
    await expect(email.getByTestId('revocation-status')).toHaveText(
      'done on the platform — confirm it by declaring the setting under Sharing',
    );
    await expect(email).toContainText('31 Oct 2026');
    // Now is unchanged; after the plan, the email step's findings are gone.
    await reopened.screen('Overview');
    await expect(next.getByTestId('stat-email').locator('.stat-value')).toHaveText('320');

    await reopened.screen('Plan');
    await next.getByTestId('guided-end').click();
    await expect(next.getByTestId('plan-variant-fewest')).toBeVisible();
    await expect(next.getByRole('heading', { name: 'Compare the plans' })).toBeFocused();
    // The plan made now does not plan again what the session recorded.
    await expect(next.getByTestId('plan-variant-fewest').getByTestId('plan-steps')).toHaveText('2 steps');
  } finally {
    await again.stop();
  }
});
