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

export interface ImportDialogProps {
  state: ImportState;
  lang: Lang;
  onConfirm: () => void;
  onCancel: () => void;
  onClose: () => void;
}

function dialogTitle(lang: Lang, state: ImportState): string {
  return {
    inspecting: t(lang, 'inspecting'),
    review: t(lang, 'reviewTitle'),
    running: state.phase === 'running' && state.progress ? t(lang, 'importing') : t(lang, 'uploading'),
    done: t(lang, 'importDone'),
    failed: t(lang, 'importFailed'),
  }[state.phase];
}

/** The import in its phases: inspecting the files, confirming them, running, done or failed. */
export function ImportDialog({ state, lang, onConfirm, onCancel, onClose }: ImportDialogProps) {
  return (
    <Dialog
      name="import"
      title={dialogTitle(lang, state)}
      onClose={state.phase === 'running' || state.phase === 'inspecting' ? undefined : onClose}
    >
      {state.phase === 'inspecting' && <InspectingPhase />}
      {state.phase === 'review' && (
        <ConfirmingPhase files={state.files} lang={lang} onConfirm={onConfirm} onClose={onClose} />
      )}
      {state.phase === 'running' && <RunningPhase progress={state.progress} lang={lang} onCancel={onCancel} />}
      {state.phase === 'done' && <DonePhase summary={state.summary} lang={lang} onClose={onClose} />}
      {state.phase === 'failed' && <FailedPhase message={state.message} lang={lang} onClose={onClose} />}
    </Dialog>
  );
}

function InspectingPhase() {
  return <progress data-testid="import-progress" />;
}

/** One file as inspected: its problem, or its name, size and what it will be read as (or that it is ignored). */
function InspectedFileLine({ file: f, lang }: { file: InspectedFile; lang: Lang }) {
  return (
    <li data-file-id={f.id} className={f.problem ? 'error' : f.kind ? '' : 'muted'}>
      {f.problem ? (
        // The reason names the file (and the line), in the reader's language.
        <>
          {message(lang, f.problem.messageId, f.problem.values)} <span className="muted">({size(f.size)})</span>
        </>
      ) : (
        <>
          {f.name} <span className="muted">({size(f.size)})</span> —{' '}
          {f.kind ? <strong>{kindLabel(lang, f.kind)}</strong> : t(lang, 'willIgnore')}
        </>
      )}
    </li>
  );
}

interface ConfirmingPhaseProps {
  files: InspectedFile[];
  lang: Lang;
  onConfirm: () => void;
  onClose: () => void;
}

/** The files found, for the user to confirm: importable only without problems and with something to read. */
function ConfirmingPhase({ files, lang, onConfirm, onClose }: ConfirmingPhaseProps) {
  return (
    <>
      <p className="muted small">{t(lang, 'reviewHint')}</p>
      <ul className="files" data-testid="review-files">
        {files.map((f) => (
          <InspectedFileLine key={f.id} file={f} lang={lang} />
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t(lang, 'cancel')}
        </button>
        <button type="button" onClick={onConfirm} disabled={files.some((f) => f.problem) || !files.some((f) => f.kind)}>
          {t(lang, 'importNow')}
        </button>
      </div>
    </>
  );
}

function RunningPhase({
  progress,
  lang,
  onCancel,
}: {
  progress: ImportProgress | null;
  lang: Lang;
  onCancel: () => void;
}) {
  return (
    <>
      <progress
        data-testid="import-progress"
        max={progress?.bytesTotal || 1}
        value={progress ? progress.bytesDone : undefined}
      />
      <div className="muted small">{progress ? `${progress.file} · ${t(lang, 'rows', { n: progress.rows })}` : ''}</div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t(lang, 'cancel')}
        </button>
      </div>
    </>
  );
}

function DonePhase({ summary, lang, onClose }: { summary: ImportSummary; lang: Lang; onClose: () => void }) {
  return (
    <>
      <ImportSummaryView summary={summary} lang={lang} />
      <CloseAction lang={lang} onClose={onClose} />
    </>
  );
}

function FailedPhase({ message, lang, onClose }: { message: string; lang: Lang; onClose: () => void }) {
  return (
    <>
      <p className="error" data-testid="import-error">
        {message}
      </p>
      <CloseAction lang={lang} onClose={onClose} />
    </>
  );
}

function CloseAction({ lang, onClose }: { lang: Lang; onClose: () => void }) {
  return (
    <div className="actions">
      <button type="button" onClick={onClose}>
        {t(lang, 'close')}
      </button>
    </div>
  );
}
