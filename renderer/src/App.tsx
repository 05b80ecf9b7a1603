import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { ImportProgress, ImportSource, ImportSummary } from '../../shared/contract';
import type { AuditResult, Lang } from '../../shared/domain';
import { platformStep, type PlatformStep } from '../../shared/platform';
import { Dashboard } from './Dashboard';
import { Findings } from './Findings';
import { HistoryDialog } from './HistoryDialog';
import { initialLang, errorText, t } from './i18n';
import { ImportDialog, type ImportState } from './ImportDialog';
import { platform } from './platform';
import { People } from './People';
import { PolicyDialog } from './PolicyDialog';
import { Revocations } from './Revocations';
import { SettingsDialog } from './SettingsDialog';
import { SharingDialog } from './SharingDialog';

interface Toast {
  text: string;
  undo?: number[];
  steps?: PlatformStep[];
  error?: boolean;
}

/** Every format the importer reads (README "What it imports"); the same list as the desktop dialog's. */
const IMPORT_ACCEPT = '.zip,.csv,.vcf,.vcard,application/zip,text/csv,text/vcard,text/x-vcard';
const isImportable = (file: File): boolean => /\.(zip|csv|vcf|vcard)$/i.test(file.name);

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [audit, setAudit] = useState<AuditResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [importState, setImportState] = useState<ImportState | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pendingSources, setPendingSources] = useState<ImportSource[] | null>(null);
  const [view, setView] = useState<'findings' | 'people'>('findings');
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<'history' | 'settings' | 'sharing' | 'policy' | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    setAudit(await platform.invoke('audit:get', { lang }));
    setVersion((v) => v + 1);
  }, [lang]);

  useEffect(() => {
    localStorage.setItem('shareaudit.lang', lang);
    document.documentElement.lang = lang;
    platform
      .invoke('audit:get', { lang })
      .then(setAudit, (error: unknown) => setToast({ text: errorText(lang, error), error: true }));
  }, [lang]);

  useEffect(
    () =>
      platform.on('import:progress', (progress: ImportProgress) =>
        setImportState((s) => (s && s.phase === 'running' ? { ...s, progress } : s)),
      ),
    [],
  );

  const runImport = async (load: () => Promise<ImportSummary>): Promise<void> => {
    setBusy(true);
    setImportState({ phase: 'running', progress: null });
    try {
      const summary = await load();
      setImportState({ phase: 'done', summary });
      await refresh();
    } catch (error) {
      const e = error as Error & { code?: string };
      setImportState(e.code === 'IMPORT_CANCELLED' ? null : { phase: 'failed', message: errorText(lang, e) });
    } finally {
      setBusy(false);
    }
  };

  /** First show what each file was recognised as; the import runs when the user confirms. */
  const importSources = async (getSources: () => Promise<ImportSource[]>): Promise<void> => {
    setBusy(true);
    setImportState({ phase: 'inspecting' });
    try {
      const sources = await getSources();
      const { files } = await platform.invoke('import:inspect', { sources });
      setPendingSources(sources);
      setImportState({ phase: 'review', files });
    } catch (error) {
      setImportState({ phase: 'failed', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const confirmImport = (): void => {
    const sources = pendingSources;
    setPendingSources(null);
    if (sources) void runImport(() => platform.invoke('import:run', { sources }));
  };

  const onImportClick = async (folders = false): Promise<void> => {
    if (platform.kind === 'browser') {
      (folders ? folderInput : fileInput).current?.click();
      return;
    }
    try {
      const sources = await platform.pickPaths(folders);
      if (sources && sources.length > 0) await importSources(() => Promise.resolve(sources));
    } catch (error) {
      setToast({ text: errorText(lang, error), error: true });
    }
  };

  const onFiles = (files: File[]): void => {
    if (files.length > 0) void importSources(() => platform.sourcesFor(files));
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    if (!busy) onFiles([...event.dataTransfer.files]);
  };

  const revoke = async (ids: string[]): Promise<void> => {
    if (!audit) return;
    setBusy(true);
    try {
      const { revocations } = await platform.invoke('revocation:create', { findingIds: ids });
      const byId = new Map(audit.findings.map((f) => [f.id, f]));
      const first = revocations[0];
      const steps = first
        ? (byId.get(first.findingId)?.actions ?? [first.action]).map((a) =>
            platformStep(a, lang, byId.get(first.findingId)?.contact?.profileUrl ?? null),
          )
        : [];
      setToast({ text: t(lang, 'revokedToast', { n: revocations.length }), undo: revocations.map((r) => r.id), steps });
      await refresh();
    } catch (error) {
      setToast({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  /** Runs a change, then shows the new audit. */
  const act = async (change: () => Promise<unknown>, done: string | null): Promise<void> => {
    setBusy(true);
    try {
      await change();
      if (done) setToast({ text: done });
      await refresh();
    } catch (error) {
      setToast({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  const undo = async (ids: number[]): Promise<void> => {
    setBusy(true);
    try {
      await platform.invoke('revocation:undo', { ids });
      setToast({ text: t(lang, 'undoneToast') });
      await refresh();
    } catch (error) {
      setToast({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  const exportReport = async (): Promise<void> => {
    try {
      const path = await platform.saveReport(lang);
      if (path) setToast({ text: t(lang, 'reportSaved', { path }) });
    } catch (error) {
      setToast({ text: (error as Error).message, error: true });
    }
  };

  const empty = audit !== null && audit.summary.connections === 0;

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden>
            ◐
          </span>
          <div>
            <h1>ShareAudit</h1>
            <div className="muted small">{t(lang, 'tagline')}</div>
          </div>
        </div>
        <div className="actions">
          <button type="button" onClick={() => void onImportClick()} disabled={busy}>
            {t(lang, 'import')}
          </button>
          <button type="button" className="secondary" onClick={() => void onImportClick(true)} disabled={busy}>
            {t(lang, 'importFolder')}
          </button>
          {!empty && (
            <button
              type="button"
              className="secondary"
              onClick={() => void exportReport()}
              disabled={busy || audit === null}
            >
              {t(lang, 'exportReport')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setDialog('sharing')}>
            {t(lang, 'sharing')}
          </button>
          <button type="button" className="secondary" onClick={() => setDialog('policy')}>
            {t(lang, 'policy')}
          </button>
          <button type="button" className="secondary" onClick={() => setDialog('history')}>
            {t(lang, 'history')}
          </button>
          <button type="button" className="secondary" onClick={() => setDialog('settings')}>
            {t(lang, 'settings')}
          </button>
          <div className="lang" role="group" aria-label="Language">
            {(['de', 'en'] as const).map((l) => (
              <button
                key={l}
                type="button"
                className={l === lang ? 'active' : 'secondary'}
                aria-pressed={l === lang}
                onClick={() => setLang(l)}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </div>
        </div>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="import-input"
          accept={IMPORT_ACCEPT}
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <input
          ref={(input) => {
            folderInput.current = input;
            // Not in React's types: lets the browser pick a whole folder (all its files, recursively).
            input?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          multiple
          hidden
          data-testid="import-folder-input"
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])].filter(isImportable));
            e.target.value = '';
          }}
        />
      </header>

      <main>
        {empty && (
          <section className="card empty">
            <h2>{t(lang, 'emptyTitle')}</h2>
            <p>{t(lang, 'emptyText')}</p>
            <div className="actions">
              <button
                type="button"
                onClick={() => void runImport(() => platform.invoke('demo:load', {}))}
                disabled={busy}
              >
                {t(lang, 'loadDemo')}
              </button>
              <button type="button" className="secondary" onClick={() => void onImportClick()} disabled={busy}>
                {t(lang, 'import')}
              </button>
            </div>
          </section>
        )}
        {audit && !empty && (
          <>
            <Dashboard audit={audit} lang={lang} onDeclare={() => setDialog('sharing')} />
            <Revocations audit={audit} lang={lang} busy={busy} onUndo={(ids) => void undo(ids)} />
            <div className="tabs" role="tablist">
              {(['findings', 'people'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  className="secondary"
                  aria-selected={view === v}
                  onClick={() => setView(v)}
                >
                  {t(lang, v === 'findings' ? 'findingsTab' : 'people')}
                </button>
              ))}
            </div>
            {view === 'people' && <People lang={lang} version={version} onChanged={() => void refresh()} />}
            {view === 'findings' && (
              <Findings
                findings={audit.findings}
                lang={lang}
                busy={busy}
                onRevoke={(ids) => void revoke(ids)}
                onMute={(id, reason, until) =>
                  void act(() => platform.invoke('finding:mute', { findingId: id, reason, until }), t(lang, 'muted'))
                }
                onUnmute={(id) => void act(() => platform.invoke('finding:unmute', { findingId: id }), null)}
              />
            )}
          </>
        )}
      </main>

      <footer className="muted small">{t(lang, 'local')}</footer>

      {dragging && <div className="dropzone">{t(lang, 'dropHere')}</div>}

      {importState && (
        <ImportDialog
          state={importState}
          lang={lang}
          onConfirm={confirmImport}
          onCancel={() => void platform.invoke('import:cancel', {})}
          onClose={() => {
            setPendingSources(null);
            setImportState(null);
          }}
        />
      )}

      {dialog === 'history' && <HistoryDialog lang={lang} onClose={() => setDialog(null)} />}
      {dialog === 'policy' && (
        <PolicyDialog
          lang={lang}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setToast({ text: t(lang, 'policySaved') });
            void refresh();
          }}
        />
      )}
      {dialog === 'sharing' && (
        <SharingDialog
          lang={lang}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setToast({ text: t(lang, 'sharingSaved') });
            void refresh();
          }}
        />
      )}
      {dialog === 'settings' && (
        <SettingsDialog
          lang={lang}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setToast({ text: t(lang, 'saved') });
          }}
        />
      )}

      {toast && (
        <div className={`toast${toast.error ? ' toast-error' : ''}`} role="status" data-testid="toast">
          <div>{toast.text}</div>
          {toast.steps && toast.steps.length > 0 && (
            <div className="steps">
              {t(lang, 'nextStep')}
              <ul>
                {toast.steps.map((s) => (
                  <li key={s.action}>
                    <a href={s.url} target="_blank" rel="noreferrer noopener">
                      {s.label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="toast-actions">
            {toast.undo && (
              <button type="button" onClick={() => void undo(toast.undo!)} disabled={busy}>
                {t(lang, 'undo')}
              </button>
            )}
            <button type="button" className="secondary" onClick={() => setToast(null)}>
              {t(lang, 'close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
