import type { Lang } from '../../../../shared/domain';
import { message, type MessageKey } from '../../../../shared/i18n';

/** The plan's words (plan.* keys of the catalogue). */
export function p(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  return message(lang, `plan.${key}` as MessageKey, values);
}

export const NETWORK = { linkedin: 'LinkedIn', xing: 'XING' } as const;
