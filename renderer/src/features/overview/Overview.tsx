import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuditOverview } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/domain';
import { fieldLabel, formatNumber } from '../../../../shared/i18n';
import { ruleTitle } from '../../../../shared/finding-text';
import { t } from '../../i18n';

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
  const s = audit.summary;
  const data = audit.byField.map((row) => ({
    name: fieldLabel(lang, row.field),
    familiar: row.visibleTo - row.unfamiliar,
    unfamiliar: row.unfamiliar,
    revoked: row.revoked,
  }));
  // "After your plan" only where the plan changes the number: nothing planned is shown as gone.
  const after = (now: number, then: number): string | null =>
    now === then ? null : t(lang, 'afterPlan', { value: formatNumber(lang, then) });
  return (
    <section className="dashboard" aria-labelledby="screen-title">
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
      {s.settingsAssumed && (
        <p className="banner" role="note">
          <span className="tag">{t(lang, 'assumed')}</span> {t(lang, 'assumedBanner')}{' '}
          <button type="button" className="link" onClick={onDeclare}>
            {t(lang, 'declare')}
          </button>
        </p>
      )}
      {audit.score.reasons.length > 0 && (
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
      )}
      <div className="card chart-card" data-testid="exposure-chart">
        <h2 id="exposure-chart-title">{t(lang, 'chartTitle')}</h2>
        {/* The chart is a picture for the eyes; screen readers get its numbers as a table. */}
        <table className="visually-hidden" aria-labelledby="exposure-chart-title">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'detail')}</th>
              <th scope="col">{t(lang, 'familiar')}</th>
              <th scope="col">{t(lang, 'visibleUnfamiliar')}</th>
              <th scope="col">{t(lang, 'revoked')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{formatNumber(lang, row.familiar)}</td>
                <td>{formatNumber(lang, row.unfamiliar)}</td>
                <td>{formatNumber(lang, row.revoked)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div aria-hidden="true">
          <ResponsiveContainer width="100%" height={60 + data.length * 56}>
            <BarChart
              accessibilityLayer={false}
              data={data}
              layout="vertical"
              margin={{ left: 24, right: 24, top: 8, bottom: 8 }}
            >
              <CartesianGrid horizontal={false} stroke="var(--line)" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={140} />
              <Tooltip />
              <Legend />
              <Bar
                dataKey="familiar"
                stackId="a"
                name={t(lang, 'familiar')}
                fill="var(--chart-familiar)"
                isAnimationActive={false}
              />
              <Bar
                dataKey="unfamiliar"
                stackId="a"
                name={t(lang, 'visibleUnfamiliar')}
                fill="var(--chart-unfamiliar)"
                isAnimationActive={false}
              />
              <Bar
                dataKey="revoked"
                stackId="a"
                name={t(lang, 'revoked')}
                fill="var(--chart-revoked)"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
    </section>
  );
}
