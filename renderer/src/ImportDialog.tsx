import type { ImportProgress, ImportSummary } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import { t } from './i18n';

export type ImportState =
  | { phase: 'running'; progress: ImportProgress | null }
  | { phase: 'done'; summary: ImportSummary }
  | { phase: 'failed'; message: string };

export function ImportDialog({
  state,
  lang,
  onCancel,
  onClose,
}: {
  state: ImportState;
  lang: Lang;
  onCancel: () => void;
  onClose: () => void;
}) {
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-dialog"
      >
        {state.phase === 'running' && (
          <>
            <h2 id="import-title">{state.progress ? t(lang, 'importing') : t(lang, 'uploading')}</h2>
            <progress
              data-testid="import-progress"
              max={state.progress?.bytesTotal || 1}
              value={state.progress ? state.progress.bytesDone : undefined}
            />
            <div className="muted small">
              {state.progress
                ? `${state.progress.file} · ${state.progress.rows.toLocaleString()} ${t(lang, 'rows')}`
                : ''}
            </div>
            <div className="actions">
              <button type="button" className="secondary" onClick={onCancel}>
                {t(lang, 'cancel')}
              </button>
            </div>
          </>
        )}
        {state.phase === 'done' && (
          <>
            <h2 id="import-title">{t(lang, 'importDone')}</h2>
            <p data-testid="import-counts">
              {t(lang, 'importCounts', {
                added: state.summary.added,
                updated: state.summary.updated,
                unchanged: state.summary.unchanged,
                removed: state.summary.removed,
              })}
            </p>
            <ul className="files">
              {state.summary.files.map((f) => (
                <li key={f.name}>
                  {f.name} — {f.kind.replace('linkedin-', 'LinkedIn ')}, {f.rows.toLocaleString()} {t(lang, 'rows')}
                </li>
              ))}
            </ul>
            {state.summary.ignored.length > 0 && (
              <details>
                <summary>
                  {t(lang, 'ignored')} ({state.summary.ignored.length})
                </summary>
                <ul>
                  {state.summary.ignored.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              </details>
            )}
            {state.summary.warnings.length > 0 && (
              <details>
                <summary>
                  {t(lang, 'warnings')} ({state.summary.warnings.length})
                </summary>
                <ul>
                  {state.summary.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </details>
            )}
            <div className="actions">
              <button type="button" onClick={onClose}>
                {t(lang, 'close')}
              </button>
            </div>
          </>
        )}
        {state.phase === 'failed' && (
          <>
            <h2 id="import-title">{t(lang, 'importFailed')}</h2>
            <p className="error" data-testid="import-error">
              {state.message}
            </p>
            <div className="actions">
              <button type="button" onClick={onClose}>
                {t(lang, 'close')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
