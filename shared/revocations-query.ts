/**
 * Windows of the revocations, as the Revocations screen asks for them: a search (the person's name)
 * and a group — still to do or prove, or done (proven by an export, or confirmed by the user) — with
 * the counts of both groups for the search. Pure, so main answers `revocations:list` from its cached
 * audit and tests run it directly.
 */
import { LIVE_REVOCATION, type RevocationView } from './domain';

/** live: planned, applied, or not applied after all; closed: verified, or confirmed by the user. */
export type RevocationGroup = 'live' | 'closed' | 'all';

export interface RevocationsFilter {
  /** Matches the person's name, case-insensitively; words in any order. */
  query: string;
  group: RevocationGroup;
}

export interface RevocationsPage {
  /** Revocations matching the filter. */
  total: number;
  /** Of those matching the search: how many are live, how many closed. */
  live: number;
  closed: number;
  rows: RevocationView[];
}

export function revocationsPage(
  revocations: readonly RevocationView[],
  filter: RevocationsFilter,
  offset: number,
  limit: number,
): RevocationsPage {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching: RevocationView[] = [];
  let live = 0;
  let closed = 0;
  for (const r of revocations) {
    if (words.length > 0) {
      // A setting's revocation has no person: a search for a name does not find it.
      const name = r.contactName?.toLowerCase();
      if (name === undefined || !words.every((w) => name.includes(w))) continue;
    }
    const isLive = LIVE_REVOCATION.has(r.status);
    if (isLive) live++;
    else closed++;
    if (filter.group === 'all' || (filter.group === 'live') === isLive) matching.push(r);
  }
  return { total: matching.length, live, closed, rows: matching.slice(offset, offset + limit) };
}
