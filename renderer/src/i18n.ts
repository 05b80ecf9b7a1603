import type { Lang } from '../../shared/domain';
import { ApiError } from './platform';
import { hasMessage, message, type MessageKey, type MessageValues } from '../../shared/i18n';

/** The UI's keys: the catalogue's `ui.*` entries (shared/i18n), without the prefix. */
export type StringKey = MessageKey extends infer K ? (K extends `ui.${infer Rest}` ? Rest : never) : never;

export function t(lang: Lang, key: StringKey, data: MessageValues = {}): string {
  const full = `ui.${key}`;
  // A key built at run time (e.g. an audience) that has no text falls back to itself.
  return hasMessage(full) ? message(lang, full, data) : key;
}

/** An error as the user reads it: from the catalogue when main sent its key, else its text. */
export function errorText(lang: Lang, error: unknown): string {
  if (error instanceof ApiError && error.messageId !== undefined && hasMessage(error.messageId))
    return message(lang, error.messageId, error.values);
  return error instanceof Error ? error.message : String(error);
}

export function initialLang(): Lang {
  const saved = localStorage.getItem('shareaudit.lang');
  if (saved === 'de' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}
