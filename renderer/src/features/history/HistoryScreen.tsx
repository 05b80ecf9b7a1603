import type { Lang } from '../../../../shared/domain';
import type { TrendPoint } from '../../../../shared/history';
import { formatDate, formatNumber } from '../../../../shared/i18n';
import { useContract } from '../../api/client';
import { ImportSummaryView } from '../import/ImportDialog';
import { errorText, t } from '../../i18n';
import { h } from '../overview/chart-kit';
import { ExposureTrendChart, movedText, ScoreTrendChart } from './TrendCharts';

/** The trend, then past imports with their files (kind, rows, SHA-256), counts, warnings and duration. */
export function HistoryScreen({ lang }: { lang: Lang }) {
  const { data, error } = useContract('import:history', {});
  const trend = useContract('history:trend', {});
  const points = trend.data?.points ?? [];
  return (
    <div className="dashboard">
      <section className="card" aria-labelledby="trend-heading" data-testid="trend">
        <h2 id="trend-heading">{h(lang, 'history.trendTitle')}</h2>
        {trend.error && <p className="error">{errorText(lang, trend.error)}</p>}
        {trend.data && points.length === 0 && <p className="muted">{h(lang, 'history.trendEmpty')}</p>}
        {points.length > 0 && (
          <>
            <div className="chart-grid">
              <ScoreTrendChart lang={lang} points={points} />
              <ExposureTrendChart lang={lang} points={points} />
            </div>
            <TrendEvents lang={lang} points={points} />
          </>
        )}
      </section>
      <section className="card" aria-labelledby="history-heading" data-testid="history-screen">
        <h2 id="history-heading">{t(lang, 'historyTitle')}</h2>
        {error && <p className="error">{errorText(lang, error)}</p>}
        {data?.runs.length === 0 && <p className="muted">{t(lang, 'noHistory')}</p>}
        <ol className="history">
          {data?.runs.map((run) => (
            <li key={run.id} data-testid="history-run">
              <strong>
                {formatDate(lang, run.startedAt, true)}
                {run.origin === 'demo' ? ` · ${t(lang, 'demoRun')}` : ''}
              </strong>{' '}
              <span className="muted small">({formatNumber(lang, run.durationMs)} ms)</span>
              <ImportSummaryView summary={run} lang={lang} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Each snapshot's event, newest first, with how it moved the score and which revocations it moved. */
function TrendEvents({ lang, points }: { lang: Lang; points: readonly TrendPoint[] }) {
  const rows = points.map((p, i) => ({ p, before: i > 0 ? points[i - 1]! : null })).reverse();
  return (
    <>
      <h3 id="trend-events-title" className="trend-events-title">
        {h(lang, 'history.events')}
      </h3>
      <ol className="trend-events" aria-labelledby="trend-events-title" data-testid="trend-events">
        {rows.map(({ p, before }) => (
          <li key={p.id} data-testid="trend-event">
            <span className="muted small" data-testid="trend-event-when">
              {formatDate(lang, p.at, true)}
            </span>{' '}
            <strong>{h(lang, `history.cause.${p.cause}`)}</strong> · {t(lang, 'score')}{' '}
            {before && before.score.now !== p.score.now
              ? h(lang, 'history.scoreChange', {
                  before: formatNumber(lang, before.score.now),
                  after: formatNumber(lang, p.score.now),
                })
              : formatNumber(lang, p.score.now)}
            {movedText(lang, p) && ` · ${movedText(lang, p)}`}
          </li>
        ))}
      </ol>
    </>
  );
}
