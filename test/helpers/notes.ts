import type { ImportNote } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import { message } from '../../shared/i18n';

/** Import warnings as a reader sees them (English unless asked). */
export function noteTexts(notes: readonly ImportNote[], lang: Lang = 'en'): string[] {
  return notes.map((n) => message(lang, n.messageId, n.values));
}
