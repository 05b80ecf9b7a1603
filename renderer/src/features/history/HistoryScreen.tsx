import type { Lang } from '../../../../shared/domain';
import { formatDate, formatNumber } from '../../../../shared/i18n';
import { useContract } from '../../api/client';
import { ImportSummaryView } from '../import/ImportDialog';
import { errorText, t } from '../../i18n';

/** Past imports with their files (kind, rows, SHA-256), counts, warnings and duration. */
export function HistoryScreen({ lang }: { lang: Lang }) {
  const { data, error } = useContract('import:history', {});
  return (
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
  );
}
