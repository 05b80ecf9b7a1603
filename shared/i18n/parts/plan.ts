/**
 * Messages of the plan domain (ICU MessageFormat), merged into the one catalogue in ../en.ts and ../de.ts.
 * Keys start with "plan." so each domain owns its own names; the German entries must match the English keys.
 */
export const planEn = {} as const;

export const planDe: Record<keyof typeof planEn, string> = {};
