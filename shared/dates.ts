/**
 * Whole calendar years from a date (YYYY-MM-DD or a timestamp; its UTC day counts) to `now`: exactly
 * N years after the date it is N, one day before it is N − 1 (no 365.25-day approximation, which
 * is a day off around most anniversaries). Null for a date that cannot be read.
 */
export function wholeYearsSince(iso: string, now: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const before = now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day) ? 1 : 0;
  return now.getUTCFullYear() - year - before;
}
