import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuditResult, Lang } from '../../shared/domain';
import { fieldLabel, formatNumber } from '../../shared/i18n';
import { ruleTitle } from '../../shared/finding-text';
import { t } from './i18n';

function Stat({ label, value, tone, testId }: { label: string; value: string; tone?: 'warn'; testId: string }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`} data-testid={testId}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

export function Dashboard({ audit, lang, onDeclare }: { audit: AuditResult; lang: Lang; onDeclare: () => void }) {
  const s = audit.summary;
  const data = audit.byField.map((row) => ({
    name: fieldLabel(lang, row.field),
    familiar: row.visibleTo - row.unfamiliar,
    unfamiliar: row.unfamiliar,
    revoked: row.revoked,
  }));
  return (
    <section className="dashboard" aria-label="Dashboard">
      <div className="stats">
        <Stat label={t(lang, 'connections')} value={formatNumber(lang, s.connections)} testId="stat-connections" />
        <Stat label={t(lang, 'canSeeEmail')} value={formatNumber(lang, s.canSeeEmail)} testId="stat-email" />
        <Stat label={t(lang, 'canSeeMobile')} value={formatNumber(lang, s.canSeeMobile)} testId="stat-mobile" />
        <Stat
          label={t(lang, 'unfamiliar')}
          value={formatNumber(lang, s.unfamiliarWithAccess)}
          tone="warn"
          testId="stat-unfamiliar"
        />
        <Stat
          label={t(lang, 'score')}
          value={formatNumber(lang, audit.score.value)}
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
        <h2>{t(lang, 'chartTitle')}</h2>
        <ResponsiveContainer width="100%" height={60 + data.length * 56}>
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24, top: 8, bottom: 8 }}>
            <CartesianGrid horizontal={false} stroke="#e6e8ef" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={140} />
            <Tooltip />
            <Legend />
            <Bar dataKey="familiar" stackId="a" name={t(lang, 'familiar')} fill="#4c8bf5" isAnimationActive={false} />
            <Bar
              dataKey="unfamiliar"
              stackId="a"
              name={t(lang, 'visibleUnfamiliar')}
              fill="#e4572e"
              isAnimationActive={false}
            />
            <Bar dataKey="revoked" stackId="a" name={t(lang, 'revoked')} fill="#b9bcc6" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
