import type { Lang } from '../../../../shared/domain';
import { useContract } from '../../api/client';
import { errorText, t } from '../../i18n';
import { h } from '../overview/chart-kit';
import { ImportRuns, TrendEvents } from './HistoryLists';
import { ExposureTrendChart, ScoreTrendChart } from './TrendCharts';

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
        {data && data.runs.length > 0 && <ImportRuns lang={lang} runs={data.runs} />}
      </section>
    </div>
  );
}
