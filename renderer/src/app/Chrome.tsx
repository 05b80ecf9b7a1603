import type { ReactNode } from 'react';
import type { Lang } from '../../../shared/domain';
import { t } from '../i18n';
import { SCREENS, type Screen } from './routes';

/** The dialogs the sidebar opens (the others open from a screen or a command). */
export type SidebarDialog = 'sharing' | 'policy' | 'settings' | 'shortcuts';

/** Skips the header and the navigation, to the screen (the first stop of Tab). */
export function SkipLink({ lang }: { lang: Lang }) {
  return (
    <a className="skip-link" href="#main" onClick={() => document.getElementById('main')?.focus()}>
      {t(lang, 'skipToContent')}
    </a>
  );
}

/** The header: the app's name, the import and export, the language. `inputs`: the browser's file pickers. */
export function TopBar({
  lang,
  busy,
  canExport,
  onPick,
  onExport,
  setLang,
  inputs,
}: {
  lang: Lang;
  busy: boolean;
  /** Null: nothing imported, no export offered; false: offered, not yet possible. */
  canExport: boolean | null;
  onPick: (folders: boolean) => void;
  onExport: () => void;
  setLang: (lang: Lang) => void;
  inputs: ReactNode;
}) {
  return (
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
        <button type="button" onClick={() => onPick(false)} disabled={busy}>
          {t(lang, 'import')}
        </button>
        <button type="button" className="secondary" onClick={() => onPick(true)} disabled={busy}>
          {t(lang, 'importFolder')}
        </button>
        {canExport !== null && (
          <button type="button" className="secondary" onClick={onExport} disabled={busy || !canExport}>
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
      {inputs}
    </header>
  );
}

/** Navigation between the screens (deep links: `#/<screen>`), and the dialogs of settings. */
export function Sidebar({
  lang,
  screen,
  onDialog,
}: {
  lang: Lang;
  screen: Screen;
  onDialog: (dialog: SidebarDialog) => void;
}) {
  return (
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
            <button type="button" className="nav-button" onClick={() => onDialog(d)}>
              {t(lang, d)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
