import { useQueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { AuditOverview } from '../../../shared/contract';
import type { Lang } from '../../../shared/domain';
import { t } from '../i18n';
import { lazyComponent } from '../ui/lazy';
import { ScreenBoundary, ShowFailed } from '../ui/ScreenBoundary';
import type { Screen } from './routes';

// Screens load when first opened (the overview's charts are the biggest part of the bundle) — the one the
// app opens on at once, beside the first requests, not after its numbers arrived.
// A screen whose code could not be loaded says so, with a retry (the rest of the app stays usable).
const screen = <P extends { lang: Lang }>(load: () => Promise<ComponentType<P>>) =>
  lazyComponent(load, <p className="muted">…</p>, (retry, error, { lang }) => (
    <ShowFailed lang={lang} error={error} retry={retry} />
  ));
const Overview = screen(() => import('../features/overview/Overview').then((m) => m.Overview));
const FindingsScreen = screen(() => import('../features/findings/FindingsScreen').then((m) => m.FindingsScreen));
const PlanScreen = screen(() => import('../features/plan/PlanScreen').then((m) => m.PlanScreen));
const PeopleScreen = screen(() => import('../features/people/PeopleScreen').then((m) => m.PeopleScreen));
const RevocationsScreen = screen(() =>
  import('../features/revocations/RevocationsScreen').then((m) => m.RevocationsScreen),
);
const HistoryScreen = screen(() => import('../features/history/HistoryScreen').then((m) => m.HistoryScreen));

/** Each screen's code, to load ahead (the screen the app opens on, before React renders). */
export const SCREEN_MODULES: Partial<Record<Screen, { preload: () => Promise<unknown> }>> = {
  overview: Overview,
  findings: FindingsScreen,
  plan: PlanScreen,
  people: PeopleScreen,
  revocations: RevocationsScreen,
  history: HistoryScreen,
};

/**
 * The current screen, inside a boundary that shows its failure with a retry. `searchRequest`: the
 * findings screen focuses its search whenever it changes (Ctrl/Cmd+F).
 */
export function ScreenView({
  screen: current,
  lang,
  overview,
  searchRequest,
  onDeclare,
}: {
  screen: Screen;
  lang: Lang;
  /** The headline (the overview waits for it; the other screens ask for their own data). */
  overview: AuditOverview | undefined;
  searchRequest: number;
  onDeclare: () => void;
}) {
  const queryClient = useQueryClient();
  return (
    <ScreenBoundary
      resetKey={current}
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
      {current === 'overview' && overview && <Overview audit={overview} lang={lang} onDeclare={onDeclare} />}
      {current === 'findings' && <FindingsScreen lang={lang} focusSearch={searchRequest} />}
      {current === 'plan' && <PlanScreen lang={lang} />}
      {current === 'people' && <PeopleScreen lang={lang} />}
      {current === 'revocations' && <RevocationsScreen lang={lang} />}
      {current === 'history' && <HistoryScreen lang={lang} />}
    </ScreenBoundary>
  );
}

/** Nothing imported yet: what the app is for, the demo, and the import. */
export function EmptyState({
  lang,
  busy,
  onDemo,
  onImport,
}: {
  lang: Lang;
  busy: boolean;
  onDemo: () => void;
  onImport: () => void;
}) {
  return (
    <section className="card empty">
      <h2>{t(lang, 'emptyTitle')}</h2>
      <p>{t(lang, 'emptyText')}</p>
      <div className="actions">
        <button type="button" onClick={onDemo} disabled={busy}>
          {t(lang, 'loadDemo')}
        </button>
        <button type="button" className="secondary" onClick={onImport} disabled={busy}>
          {t(lang, 'import')}
        </button>
      </div>
    </section>
  );
}
