import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ComponentType, type DragEvent } from 'react';
import { COMMANDS, keysLabel, type CommandId } from '../../shared/commands';
import type { Lang } from '../../shared/domain';
import { message } from '../../shared/i18n';
import { prefetch, useContract } from './api/client';
import { initialScreen, SCREENS, useRoute, type Screen } from './app/routes';
import { IS_MAC, useShortcuts } from './app/shortcuts';
import { useTheme, type ThemeChoice } from './app/theme';
import { FeedbackProvider, useFeedback } from './app/toast';
import { ImportDialog } from './features/import/ImportDialog';
import { ExportDialog, type ReportFormat } from './features/reports/ExportDialog';
import { IMPORT_ACCEPT, isImportable, useImport } from './features/import/useImport';
import { useReauditToast } from './features/overview/Reminder';
import { initialLang, t } from './i18n';
import { platform } from './platform';
import { PolicyDialog } from './PolicyDialog';
import { SettingsDialog } from './SettingsDialog';
import { SharingDialog } from './SharingDialog';
import { Dialog, preloadDialogs } from './ui/Dialog';
import { lazyComponent } from './ui/lazy';
import { ScreenBoundary, ShowFailed } from './ui/ScreenBoundary';

// Screens load when first opened (the overview's charts are the biggest part of the bundle) — the one the
// app opens on at once, beside the first requests, not after its numbers arrived.
// A screen whose code could not be loaded says so, with a retry (the rest of the app stays usable).
const screen = <P extends { lang: Lang }>(load: () => Promise<ComponentType<P>>) =>
  lazyComponent(load, <p className="muted">…</p>, (retry, error, { lang }) => (
    <ShowFailed lang={lang} error={error} retry={retry} />
  ));
const Overview = screen(() => import('./features/overview/Overview').then((m) => m.Overview));
const FindingsScreen = screen(() => import('./features/findings/FindingsScreen').then((m) => m.FindingsScreen));
const PlanScreen = screen(() => import('./features/plan/PlanScreen').then((m) => m.PlanScreen));
const PeopleScreen = screen(() => import('./features/people/PeopleScreen').then((m) => m.PeopleScreen));
const RevocationsScreen = screen(() =>
  import('./features/revocations/RevocationsScreen').then((m) => m.RevocationsScreen),
);
const HistoryScreen = screen(() => import('./features/history/HistoryScreen').then((m) => m.HistoryScreen));
const SCREEN_MODULES: Partial<Record<Screen, { preload: () => Promise<unknown> }>> = {
  overview: Overview,
  findings: FindingsScreen,
  plan: PlanScreen,
  people: PeopleScreen,
  revocations: RevocationsScreen,
  history: HistoryScreen,
};
// The shell's first request (every screen's header needs the numbers), sent before React renders.
prefetch('audit:summary', {});
// Started early, not awaited: a failure to load is tried again when the screen is shown.
void SCREEN_MODULES[initialScreen()]?.preload().catch(() => undefined);

type DialogName = 'settings' | 'sharing' | 'policy' | 'shortcuts' | 'export' | null;

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    localStorage.setItem('shareaudit.lang', lang);
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <FeedbackProvider lang={lang}>
      <Shell lang={lang} setLang={setLang} />
    </FeedbackProvider>
  );
}

function Shell({ lang, setLang }: { lang: Lang; setLang: (lang: Lang) => void }) {
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const [screen, go] = useRoute();
  const [theme, setTheme] = useTheme();
  const [dialog, setDialog] = useState<DialogName>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  // Ctrl/Cmd+F: the findings screen focuses its search whenever this number changes.
  const [searchRequest, setSearchRequest] = useState(0);
  const imports = useImport(lang);
  const { data: overview } = useContract('audit:summary', {});
  const empty = overview !== undefined && overview.summary.connections === 0;
  // After the policy's number of days since the newest export: say so once, on start.
  useReauditToast(lang, overview !== undefined && !empty);
  // Once the first numbers are on screen, the dialogs' code loads while nothing else is going on.
  const shown = overview !== undefined;
  useEffect(() => {
    if (shown) preloadDialogs();
  }, [shown]);
  const busy = feedback.busy || imports.running;

  const title = t(lang, `screen_${screen}`);
  useEffect(() => {
    document.title = `${title} — ShareAudit`;
  }, [title]);

  const pick = async (folders: boolean): Promise<void> => {
    if (platform.kind === 'browser') {
      (folders ? folderInput : fileInput).current?.click();
      return;
    }
    const sources = await feedback.run(() => platform.pickPaths(folders));
    if (sources && sources.length > 0) await imports.inspect(() => Promise.resolve(sources));
  };

  // The format is chosen in a small dialog (features/reports); then saved (desktop) or downloaded.
  const exportReport = (): void => setDialog('export');
  const saveReport = (format: ReportFormat): void => {
    setDialog(null);
    void feedback.run(
      () => platform.saveReport(lang, format),
      (path) => (path ? { text: t(lang, 'reportSaved', { path }) } : null),
    );
  };

  const commands: Record<CommandId, () => void> = {
    import: () => void pick(false),
    importFolder: () => void pick(true),
    exportReport,
    undoRevocation: () => feedback.undoLast(),
    search: () => {
      if (screen !== 'findings') go('findings');
      setSearchRequest((n) => n + 1);
    },
    settings: () => setDialog('settings'),
    goOverview: () => go('overview'),
    goFindings: () => go('findings'),
    goPlan: () => go('plan'),
    goPeople: () => go('people'),
    goRevocations: () => go('revocations'),
    goHistory: () => go('history'),
    showShortcuts: () => setDialog('shortcuts'),
  };
  const runCommand = (id: CommandId): void => {
    if (!busy || id.startsWith('go') || id === 'showShortcuts') commands[id]();
  };
  useShortcuts(runCommand);
  // The desktop menu sends the same commands; Ctrl/Cmd+Z in a text field still undoes typing.
  const latestRun = useRef(runCommand);
  useEffect(() => {
    latestRun.current = runCommand;
  });
  useEffect(
    () =>
      platform.on('command', (id) => {
        const typing = document.activeElement?.closest('input, textarea, [contenteditable="true"]');
        if (id === 'undoRevocation' && typing) document.execCommand('undo');
        else latestRun.current(id);
      }),
    [],
  );
  useEffect(() => {
    void platform.invoke('app:language', { lang }).catch(() => undefined);
  }, [lang]);

  const onFiles = (files: File[]): void => {
    if (files.length > 0) void imports.inspect(() => platform.sourcesFor(files));
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    if (!busy) onFiles([...event.dataTransfer.files]);
  };

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
      <a className="skip-link" href="#main" onClick={() => document.getElementById('main')?.focus()}>
        {t(lang, 'skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden>
            ◐
          </span>
          <div>
            <div className="app-name">ShareAudit</div>
            <div className="muted small tagline">{t(lang, 'tagline')}</div>
          </div>
        </div>
        <div className="actions">
          <button type="button" onClick={() => void pick(false)} disabled={busy}>
            {t(lang, 'import')}
          </button>
          <button type="button" className="secondary" onClick={() => void pick(true)} disabled={busy}>
            {t(lang, 'importFolder')}
          </button>
          {!empty && (
            <button type="button" className="secondary" onClick={exportReport} disabled={busy || !overview}>
              {t(lang, 'exportReport')}
            </button>
          )}
          <div className="lang" role="group" aria-label={t(lang, 'language')}>
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

      <div className="layout">
        {!empty && (
          <nav className="sidebar" aria-label={t(lang, 'navigation')}>
            <ul>
              {SCREENS.map((s: Screen) => (
                <li key={s}>
                  <a
                    href={`#/${s}`}
                    aria-current={s === screen ? 'page' : undefined}
                    className={s === screen ? 'active' : undefined}
                  >
                    {t(lang, `screen_${s}`)}
                  </a>
                </li>
              ))}
            </ul>
            <ul className="sidebar-dialogs">
              {(['sharing', 'policy', 'settings', 'shortcuts'] as const).map((d) => (
                <li key={d}>
                  <button type="button" className="nav-button" onClick={() => setDialog(d)}>
                    {t(lang, d)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1}>
          <h1 id="screen-title" className={empty ? 'visually-hidden' : 'screen-title'}>
            {title}
          </h1>
          {empty && (
            <section className="card empty">
              <h2>{t(lang, 'emptyTitle')}</h2>
              <p>{t(lang, 'emptyText')}</p>
              <div className="actions">
                <button type="button" onClick={() => void imports.loadDemo()} disabled={busy}>
                  {t(lang, 'loadDemo')}
                </button>
                <button type="button" className="secondary" onClick={() => void pick(false)} disabled={busy}>
                  {t(lang, 'import')}
                </button>
              </div>
            </section>
          )}
          <ScreenBoundary
            resetKey={screen}
            failed={(retry, error) => (
              <ShowFailed
                lang={lang}
                error={error}
                retry={() => {
                  // What the screen showed may have been the cause: the failed screen's data (no longer
                  // shown, so inactive) is dropped and asked for again when it renders.
                  queryClient.removeQueries({ type: 'inactive' });
                  retry();
                }}
              />
            )}
          >
            {overview && !empty && screen === 'overview' && (
              <Overview audit={overview} lang={lang} onDeclare={() => setDialog('sharing')} />
            )}
            {!empty && screen === 'findings' && <FindingsScreen lang={lang} focusSearch={searchRequest} />}
            {!empty && screen === 'plan' && <PlanScreen lang={lang} />}
            {!empty && screen === 'people' && <PeopleScreen lang={lang} />}
            {!empty && screen === 'revocations' && <RevocationsScreen lang={lang} />}
            {!empty && screen === 'history' && <HistoryScreen lang={lang} />}
          </ScreenBoundary>
        </main>
      </div>

      <footer className="muted small">{t(lang, 'local')}</footer>

      {dragging && <div className="dropzone">{t(lang, 'dropHere')}</div>}

      {imports.state && (
        <ImportDialog
          state={imports.state}
          lang={lang}
          onConfirm={imports.confirm}
          onCancel={imports.cancel}
          onClose={imports.close}
        />
      )}
      {dialog === 'policy' && (
        <PolicyDialog
          lang={lang}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            feedback.show({ text: t(lang, 'policySaved') });
          }}
        />
      )}
      {dialog === 'sharing' && (
        <SharingDialog
          lang={lang}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            feedback.show({ text: t(lang, 'sharingSaved') });
          }}
        />
      )}
      {dialog === 'settings' && (
        <SettingsDialog
          lang={lang}
          theme={theme}
          onTheme={(choice: ThemeChoice) => setTheme(choice)}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            feedback.show({ text: t(lang, 'saved') });
          }}
        />
      )}
      {dialog === 'shortcuts' && <ShortcutsDialog lang={lang} onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportDialog lang={lang} onClose={() => setDialog(null)} onExport={saveReport} />}
    </div>
  );
}

/** Every command with its keys, as this OS writes them (the same list builds the desktop menu). */
function ShortcutsDialog({ lang, onClose }: { lang: Lang; onClose: () => void }) {
  return (
    <Dialog name="shortcuts" title={t(lang, 'shortcuts')} onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {[
            ...COMMANDS.filter((c) => c.keys !== null).map((c) => ({
              id: c.id,
              label: message(lang, c.label),
              keys: keysLabel(c.keys!, IS_MAC),
            })),
            // Keys that are no command of the menu: the toast's, and Escape in every dialog and form.
            { id: 'toast', label: t(lang, 'toastShortcut'), keys: 'F6' },
            { id: 'escape', label: t(lang, 'escapeShortcut'), keys: 'Esc' },
          ].map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              <td>
                <kbd>{row.keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t(lang, 'close')}
        </button>
      </div>
    </Dialog>
  );
}
