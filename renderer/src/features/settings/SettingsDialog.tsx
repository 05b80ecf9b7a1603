import { useEffect, useState } from 'react';
import type { Lang } from '../../../../shared/domain';
import { Dialog } from '../../ui/Dialog';
import { errorText, t } from '../../i18n';
import { write } from '../../api/client';
import { platform } from '../../platform';
import type { ThemeChoice } from '../../app/theme';

const REGIONS = ['DE', 'AT', 'CH', 'LI', 'LU', 'NL', 'BE', 'FR', 'IT', 'ES', 'PL', 'DK', 'SE', 'GB', 'IE', 'US', 'CA'];

export interface SettingsDialogProps {
  lang: Lang;
  theme: ThemeChoice;
  onTheme: (choice: ThemeChoice) => void;
  onClose: () => void;
  onSaved: () => void;
}

/** The app's settings: the region phone numbers are read in, the theme, and forgetting everything. */
export function SettingsDialog({ lang, theme, onTheme, onClose, onSaved }: SettingsDialogProps) {
  const [region, setRegion] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    platform.invoke('settings:get', {}).then(
      (s) => setRegion(s.phoneRegion),
      (e: unknown) => setError(e),
    );
  }, []);
  const save = async (): Promise<void> => {
    if (!region) return;
    try {
      await write('settings:set', { phoneRegion: region });
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Dialog
      name="settings"
      onClose={onClose}
      title={t(lang, 'settings')}
      error={error === null ? null : errorText(lang, error)}
    >
      <RegionField lang={lang} region={region} onRegion={setRegion} />
      <ThemeField lang={lang} theme={theme} onTheme={onTheme} />
      <ForgetEverything lang={lang} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t(lang, 'cancel')}
        </button>
        <button type="button" onClick={() => void save()} disabled={region === null}>
          {t(lang, 'save')}
        </button>
      </div>
    </Dialog>
  );
}

/** The region phone numbers without a country code are read in (null until the settings are loaded). */
function RegionField({
  lang,
  region,
  onRegion,
}: {
  lang: Lang;
  region: string | null;
  onRegion: (region: string) => void;
}) {
  const regionNames = new Intl.DisplayNames([lang], { type: 'region' });
  return (
    <label className="field">
      <span>{t(lang, 'phoneRegion')}</span>
      <select value={region ?? ''} onChange={(e) => onRegion(e.target.value)} disabled={region === null}>
        {[...new Set([...(region ? [region] : []), ...REGIONS])].map((r) => (
          <option key={r} value={r}>
            {regionNames.of(r) ?? r} ({r})
          </option>
        ))}
      </select>
    </label>
  );
}

/** Light, dark, or as the system is: applied at once (the shell's useTheme). */
function ThemeField({ lang, theme, onTheme }: { lang: Lang; theme: ThemeChoice; onTheme: (c: ThemeChoice) => void }) {
  return (
    <label className="field">
      <span>{t(lang, 'theme')}</span>
      <select value={theme} onChange={(e) => onTheme(e.target.value as ThemeChoice)} data-testid="theme-select">
        {(['system', 'light', 'dark'] as const).map((c) => (
          <option key={c} value={c}>
            {t(lang, `theme_${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Forget everything" (data:forget): the database and every setting, after a confirmation. */
function ForgetEverything({ lang }: { lang: Lang }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const forget = async (): Promise<void> => {
    try {
      await platform.invoke('data:forget', {});
      // The page's own settings (language, theme) go too; then it starts again, empty.
      localStorage.clear();
      location.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="field" data-testid="forget-everything">
      {confirming ? (
        <>
          <p role="alert">{t(lang, 'forgetEverythingConfirm')}</p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t(lang, 'cancel')}
            </button>
            <button type="button" className="danger" onClick={() => void forget()}>
              {t(lang, 'forgetEverythingYes')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t(lang, 'forgetEverything')}
        </button>
      )}
      {error !== null && <p className="error">{errorText(lang, error)}</p>}
    </div>
  );
}
