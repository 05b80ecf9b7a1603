/**
 * Messages of the importer domain (ICU MessageFormat), merged into the one catalogue in ../en.ts and ../de.ts.
 * Keys start with "importer." so each domain owns its own names; the German entries must match the English keys.
 */
export const importerEn = {} as const;

export const importerDe: Record<keyof typeof importerEn, string> = {};
