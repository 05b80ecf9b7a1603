/**
 * Windows of the audit's findings, as views ask for them: a filter (search, severity, open or muted),
 * an offset and a limit, and the counts of the whole match. Pure, so main answers `findings:list`
 * from its cached audit and tests run it directly.
 */
import type { Finding, Severity } from './domain';

export type FindingStatus = 'open' | 'muted' | 'all';

export interface FindingsFilter {
  /** Matches name, company and position, case-insensitively; words in any order. */
  query: string;
  severity: Severity | 'all';
  status: FindingStatus;
}

export interface FindingsPage {
  /** Findings matching the filter. */
  total: number;
  /** Of the findings matching search and severity: how many are open, how many muted. */
  open: number;
  muted: number;
  /** Of the open ones, how many a live revocation already covers (not selectable for another). */
  planned: number;
  rows: Finding[];
}

/** The lower-cased text each finding is searched by, built once per list of findings. */
const haystacks = new WeakMap<readonly Finding[], string[]>();

function haystackOf(findings: readonly Finding[]): string[] {
  let list = haystacks.get(findings);
  if (list === undefined) {
    list = findings.map((f) =>
      f.contact ? `${f.contact.name} ${f.contact.company ?? ''} ${f.contact.position ?? ''}`.toLowerCase() : '',
    );
    haystacks.set(findings, list);
  }
  return list;
}

/** Indexes (into `findings`, in its order) of the findings that match; muted ones counted apart. */
export function matchFindings(
  findings: readonly Finding[],
  filter: FindingsFilter,
): { indexes: number[]; open: number; muted: number; planned: number } {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = words.length > 0 ? haystackOf(findings) : null;
  const indexes: number[] = [];
  let open = 0;
  let muted = 0;
  let planned = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (filter.severity !== 'all' && f.severity !== filter.severity) continue;
    if (hay !== null && !words.every((w) => hay[i]!.includes(w))) continue;
    const isMuted = f.muted !== null;
    if (isMuted) muted++;
    else {
      open++;
      if (f.revocation !== null) planned++;
    }
    if (filter.status === 'all' || (filter.status === 'muted') === isMuted) indexes.push(i);
  }
  return { indexes, open, muted, planned };
}

export function findingsPage(
  findings: readonly Finding[],
  filter: FindingsFilter,
  offset: number,
  limit: number,
): FindingsPage {
  const { indexes, open, muted, planned } = matchFindings(findings, filter);
  return {
    total: indexes.length,
    open,
    muted,
    planned,
    rows: indexes.slice(offset, offset + limit).map((i) => findings[i]!),
  };
}
