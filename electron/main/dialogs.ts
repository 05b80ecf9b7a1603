import type { OpenDialogOptions } from 'electron';
import type { Lang } from '../../shared/domain';
import { message } from '../../shared/i18n';

/** What the import dialog offers: every format the importer reads (README "What it imports"). */
export const IMPORT_EXTENSIONS = ['zip', 'csv', 'vcf', 'vcard'] as const;

/**
 * The native open dialog for imports. Windows and Linux cannot pick files and folders in one dialog
 * (Electron's `dialog.showOpenDialog` docs), so the app asks for one or the other.
 */
export function importDialogOptions(folders: boolean, lang: Lang): OpenDialogOptions {
  return folders
    ? { title: message(lang, 'ui.importFolder'), properties: ['openDirectory', 'multiSelections'] }
    : {
        title: message(lang, 'ui.import'),
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: message(lang, 'ui.importFilter'), extensions: [...IMPORT_EXTENSIONS] },
          { name: message(lang, 'ui.allFiles'), extensions: ['*'] },
        ],
      };
}
