/** Handlers of the app itself: its facts, language and theme, settings, links, dialogs, forgetting. */
import { isAllowedExternalUrl } from '../../../shared/platform';
import { AppError } from '../errors';
import { isCountryCode } from '../importers/normalise';
import { getSettings, saveSettings } from '../store';
import type { HandlerPart, ServiceContext } from './types';

export type AppChannel =
  | 'app:info'
  | 'app:language'
  | 'app:theme'
  | 'settings:get'
  | 'settings:set'
  | 'data:forget'
  | 'dialog:openImport'
  | 'shell:openExternal';

export function appHandlers(ctx: ServiceContext): HandlerPart<AppChannel> {
  const { options, platform } = ctx;
  return {
    'app:info': () =>
      Promise.resolve({ version: options.version ?? '0.0.0', dbPath: options.dbPath, transport: platform.transport }),
    'app:language': ({ lang }) => {
      platform.setLanguage?.(lang);
      return Promise.resolve({ applied: platform.setLanguage !== undefined });
    },
    'app:theme': ({ theme }) => {
      platform.setTheme?.(theme);
      return Promise.resolve({ applied: platform.setTheme !== undefined });
    },
    'data:forget': () => ctx.forget(),
    'settings:get': () => Promise.resolve(getSettings(ctx.db())),
    'settings:set': (settings) => {
      if (!isCountryCode(settings.phoneRegion)) {
        throw new AppError('BAD_REQUEST', 'error.badPhoneRegion', { region: settings.phoneRegion });
      }
      return Promise.resolve(saveSettings(ctx.db(), settings));
    },
    'dialog:openImport': async ({ folders }) => {
      if (!platform.openImportDialog) throw new AppError('UNSUPPORTED', 'error.UNSUPPORTED', { what: 'dialog' });
      return { paths: await platform.openImportDialog(folders ?? false) };
    },
    'shell:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new AppError('FORBIDDEN', 'error.FORBIDDEN', { url });
      if (!platform.openExternal) throw new AppError('UNSUPPORTED', 'error.UNSUPPORTED', { what: 'link' });
      await platform.openExternal(url);
      return { opened: true };
    },
  };
}
