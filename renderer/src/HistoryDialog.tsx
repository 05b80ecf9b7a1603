import { useEffect, useState } from 'react';
import type { ImportRun } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import { Dialog } from './ui/Dialog';
import { errorText, t } from './i18n';
import { ImportSummaryView } from './ImportDialog';
import { platform } from './platform';

export function HistoryDialog({ lang, onClose }: { lang: Lang; onClose: () => void }) {
  const [runs, setRuns] = useState<ImportRun[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    platform.invoke('import:history', {}).then(
      (r) => setRuns(r.runs),
      (e: unknown) => setError(e),
    );
  }, []);
  const date = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Dialog
      name="history"
      onClose={onClose}
      title={t(lang, 'historyTitle')}
      wide
      error={error === null ? null : errorText(lang, error)}
    >
      {runs?.length === 0 && <p className="muted">{t(lang, 'noHistory')}</p>}
      <ol className="history">
        {runs?.map((run) => (
          <li key={run.id} data-testid="history-run">
            <strong>
              {date.format(new Date(run.startedAt))}
              {run.origin === 'demo' ? ` · ${t(lang, 'demoRun')}` : ''}
            </strong>{' '}
            <span className="muted small">({run.durationMs} ms)</span>
            <ImportSummaryView summary={run} lang={lang} />
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t(lang, 'close')}
        </button>
      </div>
    </Dialog>
  );
}
