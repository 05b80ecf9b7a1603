/**
 * How much of the long lists the HTML page and the PDF show (a model built "capped"): a heavy user's 30,000 connections are
 * grouped and capped there; the CSV tables and the JSON document list everything.
 */
export const CAPS = {
  /** Steps of the plan (groups of findings) shown in "findings by step". */
  groups: 30,
  /** People (or settings) shown per step of the plan in "findings by step". */
  peoplePerGroup: 15,
  /** Rows of the appendix of all open findings. */
  appendix: 300,
  /** Names of known people who lose access, per step. */
  collateralNames: 8,
  /** Steps of a plan variant listed. */
  planSteps: 40,
  /** Revocations listed. */
  revocations: 300,
  /** Muted findings listed. */
  muted: 300,
} as const;

/** The first `n` of a list, and how many were left out. */
export function capped<T>(list: readonly T[], n: number): { shown: readonly T[]; more: number } {
  return list.length <= n ? { shown: list, more: 0 } : { shown: list.slice(0, n), more: list.length - n };
}
