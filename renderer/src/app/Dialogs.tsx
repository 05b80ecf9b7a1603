import { COMMANDS, keysLabel } from '../../../shared/commands';
import type { Lang } from '../../../shared/domain';
import { message } from '../../../shared/i18n';
import { ExportDialog, type ReportFormat } from '../features/reports/ExportDialog';
import { t } from '../i18n';
import { platform } from '../platform';
import { PolicyDialog } from '../features/settings/PolicyDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { SharingDialog } from '../features/settings/SharingDialog';
import { Dialog } from '../ui/Dialog';
import { IS_MAC } from './shortcuts';
import type { ThemeChoice } from './theme';
import { useFeedback } from './toast';

export type DialogName = 'settings' | 'sharing' | 'policy' | 'shortcuts' | 'export' | null;

/** The shell's dialog, if one is open: each closes itself, and says so in a toast when it saved. */
export function ShellDialog({
  dialog,
  lang,
  theme,
  onClose,
}: {
  dialog: DialogName;
  lang: Lang;
  /** The theme chosen, and how to choose another (Settings). */
  theme: [ThemeChoice, (choice: ThemeChoice) => void];
  onClose: () => void;
}) {
  const feedback = useFeedback();
  const [choice, setTheme] = theme;
  // The format is chosen in a small dialog (features/reports); then saved (desktop) or downloaded.
  const saveReport = (format: ReportFormat): void => {
    onClose();
    void feedback.run(
      () => platform.saveReport(lang, format),
      (path) => (path ? { text: t(lang, 'reportSaved', { path }) } : null),
    );
  };
  const saved = (key: 'policySaved' | 'sharingSaved' | 'saved') => () => {
    onClose();
    feedback.show({ text: t(lang, key) });
  };
  switch (dialog) {
    case 'policy':
      return <PolicyDialog lang={lang} onClose={onClose} onSaved={saved('policySaved')} />;
    case 'sharing':
      return <SharingDialog lang={lang} onClose={onClose} onSaved={saved('sharingSaved')} />;
    case 'settings':
      return (
        <SettingsDialog lang={lang} theme={choice} onTheme={setTheme} onClose={onClose} onSaved={saved('saved')} />
      );
    case 'shortcuts':
      return <ShortcutsDialog lang={lang} onClose={onClose} />;
    case 'export':
      return <ExportDialog lang={lang} onClose={onClose} onExport={saveReport} />;
    case null:
      return null;
  }
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
