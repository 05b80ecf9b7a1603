import type { AuditOverview } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/i18n';
import { ruleTitle } from '../../../../shared/finding-text';
import { useContract } from '../../api/client';
import { t } from '../../i18n';
import { lazyComponent } from '../../ui/lazy';
import { ShowFailed } from '../../ui/ScreenBoundary';
import { useAfterPaint } from '../../ui/useAfterPaint';
import { ReminderBanner } from './Reminder';

// The charts (recharts: the biggest library of the app) load once the numbers are drawn, not before.
const OverviewCharts = lazyComponent(
  () => import('./OverviewCharts').then((m) => m.OverviewCharts),
  null,
  (retry, error, { lang }) => <ShowFailed lang={lang} error={error} retry={retry} compact />,
);

/** A number as it is now, and — when a plan changes it — what it will be once the plan is done. */
function Stat({
  label,
  value,
  after,
  tone,
  testId,
}: {
  label: string;
  value: string;
  after?: string | null;
  tone?: 'warn';
  testId: string;
}) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`} data-testid={testId}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
      {after && (
        <div className="stat-after small" data-testid={`${testId}-after`}>
          {after}
        </div>
      )}
    </div>
  );
}

/** The headline: numbers, the score and what makes it up, and who can see which detail. */
export function Overview({ audit, lang, onDeclare }: { audit: AuditOverview; lang: Lang; onDeclare: () => void }) {
  // The rest is asked for once the numbers are on screen: main computes its full audit for it.
  const painted = useAfterPaint();
  const reminder = useContract('history:reminder', {}, painted).data;
  // Asked with the charts' code, not once it has arrived: both come at once.
  const charts = useContract('audit:charts', {}, painted).data;
  const trend = useContract('history:trend', {}, painted).data;
  return (
    <section className="dashboard" aria-labelledby="screen-title">
      <Stats audit={audit} lang={lang} />
      {reminder && <ReminderBanner lang={lang} reminder={reminder} />}
      {audit.summary.settingsAssumed && <AssumedBanner lang={lang} onDeclare={onDeclare} />}
      {audit.score.reasons.length > 0 && <ScoreReasons audit={audit} lang={lang} />}
      {/* Drawn once recharts has arrived: the numbers above do not wait for it. */}
      {painted && <OverviewCharts lang={lang} byField={audit.byField} charts={charts} points={trend?.points ?? []} />}
    </section>
  );
}

/** The headline numbers: connections, who can see the email and the mobile number, the unfamiliar, the score. */
function Stats({ audit, lang }: { audit: AuditOverview; lang: Lang }) {
  const s = audit.summary;
  // "After your plan" only where the plan changes the number: nothing planned is shown as gone.
  const after = (now: number, then: number): string | null =>
    now === then ? null : t(lang, 'afterPlan', { value: formatNumber(lang, then) });
  return (
    <div className="stats">
      <Stat label={t(lang, 'connections')} value={formatNumber(lang, s.connections)} testId="stat-connections" />
      <Stat
        label={t(lang, 'canSeeEmail')}
        value={formatNumber(lang, s.canSeeEmail)}
        after={after(s.canSeeEmail, s.afterPlan.canSeeEmail)}
        testId="stat-email"
      />
      <Stat
        label={t(lang, 'canSeeMobile')}
        value={formatNumber(lang, s.canSeeMobile)}
        after={after(s.canSeeMobile, s.afterPlan.canSeeMobile)}
        testId="stat-mobile"
      />
      <Stat
        label={t(lang, 'unfamiliar')}
        value={formatNumber(lang, s.unfamiliarWithAccess)}
        after={after(s.unfamiliarWithAccess, s.afterPlan.unfamiliarWithAccess)}
        tone="warn"
        testId="stat-unfamiliar"
      />
      <Stat
        label={t(lang, 'score')}
        value={formatNumber(lang, audit.score.value)}
        after={after(audit.score.value, audit.scoreAfterPlan.value)}
        tone={audit.score.value >= 50 ? 'warn' : undefined}
        testId="stat-score"
      />
    </div>
  );
}

/** The sharing settings were assumed, not declared: a note with the way to declare them. */
function AssumedBanner({ lang, onDeclare }: { lang: Lang; onDeclare: () => void }) {
  return (
    <p className="banner" role="note">
      <span className="tag">{t(lang, 'assumed')}</span> {t(lang, 'assumedBanner')}{' '}
      <button type="button" className="link" onClick={onDeclare}>
        {t(lang, 'declare')}
      </button>
    </p>
  );
}

/** What makes up the score: the points each rule's findings add. */
function ScoreReasons({ audit, lang }: { audit: AuditOverview; lang: Lang }) {
  return (
    <details className="card" data-testid="score-reasons">
      <summary>
        {t(lang, 'scoreReasons')}: {audit.score.value}
      </summary>
      <ul className="score-reasons">
        {audit.score.reasons.map((r) => (
          <li key={r.rule}>
            {ruleTitle(lang, r.rule)}: {formatNumber(lang, r.findings)} → +{r.points}
          </li>
        ))}
      </ul>
    </details>
  );
}
