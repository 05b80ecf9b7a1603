import type { ImportProgress, ImportSummary, InspectedFile } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/domain';
import { Dialog } from '../../ui/Dialog';
import { kindLabel, message } from '../../../../shared/i18n';
import { t } from '../../i18n';

export type ImportState =
  | { phase: 'inspecting' }
  | { phase: 'review'; files: InspectedFile[] }
  | { phase: 'running'; progress: ImportProgress | null }
  | { phase: 'done'; summary: ImportSummary }
  | { phase: 'failed'; message: string };

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A count that expands into its list; nothing when the list is empty. */
function ExpandableList({ label, items }: { label: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <details>
      <summary>
        {label} ({items.length})
      </summary>
      <ul>
        {items.map((item, i) => (
          // A fixed list, shown once: its place is its identity (two lines may read alike).
          <li key={i}>{item}</li>
        ))}
      </ul>
    </details>
  );
}

const MAX_LISTED_FILES = 10;

export function ImportSummaryView({ summary, lang }: { summary: Omit<ImportSummary, 'runId'>; lang: Lang }) {
  const fileLines = summary.files.map(
    (f) => `${f.name} — ${kindLabel(lang, f.kind)}, ${t(lang, 'rows', { n: f.rows })}`,
  );
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
      {summary.files.length <= MAX_LISTED_FILES ? (
        <ul className="files">
          {fileLines.map((line, i) => (
            // Two files of one name (from two folders) give the same line: keyed by place.
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : (
        // A folder of hundreds of vCards: the list is there, folded.
        <ExpandableList label={t(lang, 'filesRead')} items={fileLines} />
      )}
      <ExpandableList label={t(lang, 'ignored')} items={summary.ignored} />
      <ExpandableList
        label={t(lang, 'warnings')}
        items={summary.warnings.map((w) => message(lang, w.messageId, w.values))}
      />
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
  const title = {
    inspecting: t(lang, 'inspecting'),
    review: t(lang, 'reviewTitle'),
    running: state.phase === 'running' && state.progress ? t(lang, 'importing') : t(lang, 'uploading'),
    done: t(lang, 'importDone'),
    failed: t(lang, 'importFailed'),
  }[state.phase];
  return (
    <Dialog
      name="import"
      title={title}
      onClose={state.phase === 'running' || state.phase === 'inspecting' ? undefined : onClose}
    >
      {state.phase === 'inspecting' && (
        <>
          <progress data-testid="import-progress" />
        </>
      )}
      {state.phase === 'review' && (
        <>
          <p className="muted small">{t(lang, 'reviewHint')}</p>
          <ul className="files" data-testid="review-files">
            {state.files.map((f) => (
              <li key={f.id} data-file-id={f.id} className={f.problem ? 'error' : f.kind ? '' : 'muted'}>
                {f.problem ? (
                  // The reason names the file (and the line), in the reader's language.
                  <>
                    {message(lang, f.problem.messageId, f.problem.values)}{' '}
                    <span className="muted">({size(f.size)})</span>
                  </>
                ) : (
                  <>
                    {f.name} <span className="muted">({size(f.size)})</span> —{' '}
                    {f.kind ? <strong>{kindLabel(lang, f.kind)}</strong> : t(lang, 'willIgnore')}
                  </>
                )}
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
          <progress
            data-testid="import-progress"
            max={state.progress?.bytesTotal || 1}
            value={state.progress ? state.progress.bytesDone : undefined}
          />
          <div className="muted small">
            {state.progress ? `${state.progress.file} · ${t(lang, 'rows', { n: state.progress.rows })}` : ''}
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
    </Dialog>
  );
}
