import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/domain';
import { prefetch, useContract } from './api/client';
import { SkipLink, Sidebar, TopBar } from './app/Chrome';
import { ShellDialog, type DialogName } from './app/Dialogs';
import { initialScreen, useRoute, type Screen } from './app/routes';
import { EmptyState, SCREEN_MODULES, ScreenView } from './app/screens';
import { useShellCommands } from './app/commands';
import { useTheme } from './app/theme';
import { FeedbackProvider, useFeedback } from './app/toast';
import { ImportDialog } from './features/import/ImportDialog';
import { useImport } from './features/import/useImport';
import { useImportPicker } from './features/import/useImportPicker';
import { useReauditToast } from './features/overview/Reminder';
import { initialLang, t } from './i18n';
import { platform } from './platform';
import { preloadDialogs } from './ui/Dialog';
import { useAfterPaint } from './ui/useAfterPaint';

// The shell's first request (every screen's header needs the numbers), sent before React renders.
prefetch('audit:summary', {});
// Started early, not awaited: a failure to load is tried again when the screen is shown.
void SCREEN_MODULES[initialScreen()]?.preload().catch(() => undefined);

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    localStorage.setItem('shareaudit.lang', lang);
    document.documentElement.lang = lang;
    // The desktop menu follows the page's language.
    void platform.invoke('app:language', { lang }).catch(() => undefined);
  }, [lang]);
  return (
    <FeedbackProvider lang={lang}>
      <Shell lang={lang} setLang={setLang} />
    </FeedbackProvider>
  );
}

function Shell({ lang, setLang }: { lang: Lang; setLang: (lang: Lang) => void }) {
  const feedback = useFeedback();
  const [screen, go] = useRoute();
  const theme = useTheme();
  const [dialog, setDialog] = useState<DialogName>(null);
  // Ctrl/Cmd+F: the findings screen focuses its search whenever this number changes.
  const [searchRequest, setSearchRequest] = useState(0);
  const imports = useImport(lang);
  const busy = feedback.busy || imports.running;
  const picker = useImportPicker(imports, busy);
  const { data: overview } = useContract('audit:summary', {});
  const empty = overview !== undefined && overview.summary.connections === 0;
  useFirstNumbers(lang, overview !== undefined, empty);
  const title = useScreenTitle(lang, screen);

  const commands = useShellCommands({
    busy,
    screen,
    go,
    pick: (folders) => void picker.pick(folders),
    openDialog: setDialog,
    undoLast: feedback.undoLast,
    requestSearch: () => setSearchRequest((n) => n + 1),
  });

  return (
    <div className={`app${picker.dragging ? ' dragging' : ''}`} {...picker.dropTarget}>
      <SkipLink lang={lang} />
      <TopBar
        lang={lang}
        busy={busy}
        canExport={empty ? null : overview !== undefined}
        onPick={(folders) => (folders ? commands.importFolder() : commands.import())}
        onExport={commands.exportReport}
        setLang={setLang}
        inputs={picker.inputs}
      />
      <div className="layout">
        {!empty && <Sidebar lang={lang} screen={screen} onDialog={setDialog} />}
        <main id="main" tabIndex={-1}>
          <h1 id="screen-title" className={empty ? 'visually-hidden' : 'screen-title'}>
            {title}
          </h1>
          {empty ? (
            <EmptyState lang={lang} busy={busy} onDemo={() => void imports.loadDemo()} onImport={commands.import} />
          ) : (
            <ScreenView
              screen={screen}
              lang={lang}
              overview={overview}
              searchRequest={searchRequest}
              onDeclare={() => setDialog('sharing')}
            />
          )}
        </main>
      </div>
      <footer className="muted small">{t(lang, 'local')}</footer>

      {picker.dragging && <div className="dropzone">{t(lang, 'dropHere')}</div>}

      <ImportFlow imports={imports} lang={lang} />
      <ShellDialog dialog={dialog} lang={lang} theme={theme} onClose={() => setDialog(null)} />
    </div>
  );
}

/**
 * Once the first numbers are drawn: the dialogs' code loads while nothing else is going on, and — the
 * policy's number of days after the newest export — the reminder to re-audit is said, once.
 */
function useFirstNumbers(lang: Lang, shown: boolean, empty: boolean): void {
  const painted = useAfterPaint(shown);
  useReauditToast(lang, painted && !empty);
  useEffect(() => {
    if (painted) preloadDialogs();
  }, [painted]);
}

/** An import under way, if any: what was recognised, then its progress and its summary. */
function ImportFlow({ imports, lang }: { imports: ReturnType<typeof useImport>; lang: Lang }) {
  if (!imports.state) return null;
  return (
    <ImportDialog
      state={imports.state}
      lang={lang}
      onConfirm={imports.confirm}
      onCancel={imports.cancel}
      onClose={imports.close}
    />
  );
}

/** The current screen's name, also in the window's title. */
function useScreenTitle(lang: Lang, screen: Screen): string {
  const title = t(lang, `screen_${screen}`);
  useEffect(() => {
    document.title = `${title} — ShareAudit`;
  }, [title]);
  return title;
}
