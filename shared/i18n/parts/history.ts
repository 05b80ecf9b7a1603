/**
 * Messages of the history domain (ICU MessageFormat), merged into the one catalogue in ../en.ts and ../de.ts.
 * Keys start with "history." so each domain owns its own names; the German entries must match the English keys.
 */
export const historyEn = {} as const;

export const historyDe: Record<keyof typeof historyEn, string> = {};
