import type { ImportProgress, ImportSummary, InspectedFile } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import { kindLabel, t } from './i18n';

export type ImportState =
  | { phase: 'inspecting' }
  | { phase: 'review'; files: InspectedFile[] }
  | { phase: 'running'; progress: ImportProgress | null }
  | { phase: 'done'; summary: ImportSummary }
  | { phase: 'failed'; message: string };

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ImportSummaryView({ summary, lang }: { summary: Omit<ImportSummary, 'runId'>; lang: Lang }) {
  return (
    <>
      <p data-testid="import-counts">
        {t(lang, 'importCounts', {
          added: summary.added,
          updated: summary.updated,
          unchanged: summary.unchanged,
          removed: summary.removed,
        })}
      </p>
      <ul className="files">
        {summary.files.map((f) => (
          <li key={f.name}>
            {f.name} — {kindLabel(lang, f.kind)}, {f.rows.toLocaleString()} {t(lang, 'rows')}
          </li>
        ))}
      </ul>
      {summary.ignored.length > 0 && (
        <details>
          <summary>
            {t(lang, 'ignored')} ({summary.ignored.length})
          </summary>
          <ul>
            {summary.ignored.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </details>
      )}
      {summary.warnings.length > 0 && (
        <details>
          <summary>
            {t(lang, 'warnings')} ({summary.warnings.length})
          </summary>
          <ul>
            {summary.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

export function ImportDialog({
  state,
  lang,
  onConfirm,
  onCancel,
  onClose,
}: {
  state: ImportState;
  lang: Lang;
  onConfirm: () => void;
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
        {state.phase === 'inspecting' && (
          <>
            <h2 id="import-title">{t(lang, 'inspecting')}</h2>
            <progress data-testid="import-progress" />
          </>
        )}
        {state.phase === 'review' && (
          <>
            <h2 id="import-title">{t(lang, 'reviewTitle')}</h2>
            <p className="muted small">{t(lang, 'reviewHint')}</p>
            <ul className="files" data-testid="review-files">
              {state.files.map((f) => (
                <li key={f.name} className={f.problem ? 'error' : f.kind ? '' : 'muted'}>
                  {f.name} <span className="muted">({size(f.size)})</span> —{' '}
                  {f.problem ?? (f.kind ? <strong>{kindLabel(lang, f.kind)}</strong> : t(lang, 'willIgnore'))}
                </li>
              ))}
            </ul>
            <div className="actions">
              <button type="button" className="secondary" onClick={onClose}>
                {t(lang, 'cancel')}
              </button>
              <button
                type="button"
                onClick={onConfirm}
                disabled={state.files.some((f) => f.problem) || !state.files.some((f) => f.kind)}
              >
                {t(lang, 'importNow')}
              </button>
            </div>
          </>
        )}
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
            <ImportSummaryView summary={state.summary} lang={lang} />
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
