/**
 * Messages of the report domain (ICU MessageFormat), merged into the one catalogue in ../en.ts and ../de.ts.
 * Keys start with "report." so each domain owns its own names; the German entries must match the English keys.
 */
export const reportEn = {} as const;

export const reportDe: Record<keyof typeof reportEn, string> = {};
