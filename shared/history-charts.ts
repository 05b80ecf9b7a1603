/**
 * The overview's charts, aggregated where the data is (main): a few hundred numbers whether the
 * user has 300 contacts or 30,000 — never the findings themselves.
 */
import {
  DETAIL_FIELDS,
  PRIVATE_FIELDS,
  type AuditResult,
  type Contact,
  type DetailField,
  type Familiarity,
  type FamiliarityJudgement,
  type Network,
} from './domain';
import { isLikelyCollector } from './familiarity';
import { levelOf, type ExposureBasis } from './history';
import { SEVERITY_WEIGHT } from './score';
import type { SharingSettings } from './sharing';

/** A dated change that decides who sees what, marked on the connection-date axis. */
export interface ExposureMarker {
  /** The month it took effect (YYYY-MM). */
  month: string;
  date: string;
  /** xing-default: XING's "Als Standard" from this day on; declared: sharing settings declared in ShareAudit. */
  kind: 'xing-default' | 'declared';
  fields: DetailField[];
}

export interface ExposureOverTime {
  /** The details the user has, in the order of DETAIL_FIELDS. */
  fields: DetailField[];
  /** Per month (YYYY-MM, ascending): how many people who can see each detail now were connected by then. */
  points: Array<{ month: string; counts: Partial<Record<DetailField, number>> }>;
  /** People who can see a detail, connected on an unknown day (not on the axis). */
  undated: Partial<Record<DetailField, number>>;
  markers: ExposureMarker[];
}

export interface FamiliarityRow {
  /** A private detail, or "any" (people who can see at least one). */
  field: DetailField | 'any';
  known: number;
  acquainted: number;
  unfamiliar: number;
}

export interface SignalCount {
  text: string;
  people: number;
}

export interface CollectorSignals {
  /** Generic invitation phrases of the policy found in invitations from people who can see a detail. */
  phrases: SignalCount[];
  /** Pitching roles found in their positions. */
  roles: SignalCount[];
  /** People who wrote and never got an answer. */
  unanswered: number;
  /** Likely collectors who can see at least one detail. */
  collectors: number;
}

export interface RiskyPerson {
  contactId: number;
  name: string;
  network: Network;
  familiarity: Familiarity;
  /** Sum of the severity weights of their open findings (high 6, medium 3, low 1). */
  points: number;
  findings: number;
  fields: DetailField[];
}

export interface DashboardCharts {
  revision: number;
  exposureOverTime: ExposureOverTime;
  privateFamiliarity: FamiliarityRow[];
  collectorSignals: CollectorSignals;
  topPeople: RiskyPerson[];
}

const TOP = 10;

function month(date: string): string {
  return date.slice(0, 7);
}

/** For each detail, how many of those who can see it now had connected by each month. */
export function exposureOverTime(
  contacts: ReadonlyMap<number, Contact>,
  basis: ExposureBasis,
  sharing: SharingSettings,
  declaredOn: readonly string[],
): ExposureOverTime {
  const fields = DETAIL_FIELDS.filter((f) => basis.exposures.some((e) => e.field === f));
  const perMonth = new Map<string, Partial<Record<DetailField, number>>>();
  const undated: Partial<Record<DetailField, number>> = {};
  for (const e of basis.exposures) {
    const on = contacts.get(e.contactId)?.connectedOn ?? null;
    if (on === null) {
      undated[e.field] = (undated[e.field] ?? 0) + 1;
      continue;
    }
    const bucket = perMonth.get(month(on)) ?? {};
    bucket[e.field] = (bucket[e.field] ?? 0) + 1;
    perMonth.set(month(on), bucket);
  }
  const markers: ExposureMarker[] = [
    ...(sharing.xing.model.value === 'per-contact' ? sharing.xing.defaults : []).map((d) => ({
      month: month(d.from),
      date: d.from,
      kind: 'xing-default' as const,
      fields: DETAIL_FIELDS.filter((f) => d.fields.includes(f)),
    })),
    ...[...new Set(declaredOn.map((d) => d.slice(0, 10)))].map((date) => ({
      month: month(date),
      date,
      kind: 'declared' as const,
      fields: [],
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  // A marker's month is on the axis even when nobody connected that month.
  for (const m of markers) if (!perMonth.has(m.month)) perMonth.set(m.month, {});
  const running: Partial<Record<DetailField, number>> = {};
  const points = [...perMonth.keys()].sort().map((m) => {
    const added = perMonth.get(m)!;
    for (const f of fields) running[f] = (running[f] ?? 0) + (added[f] ?? 0);
    return { month: m, counts: { ...running } };
  });
  return { fields, points, undated, markers };
}

/** How well the user knows the people who can see each private detail (and any of them). */
export function privateFamiliarity(basis: ExposureBasis): FamiliarityRow[] {
  const empty = (field: FamiliarityRow['field']): FamiliarityRow => ({ field, known: 0, acquainted: 0, unfamiliar: 0 });
  const rows = new Map<DetailField, FamiliarityRow>();
  const anyone = new Set<number>();
  const any = empty('any');
  for (const e of basis.exposures) {
    if (!PRIVATE_FIELDS.has(e.field)) continue;
    const level = levelOf(basis, e.contactId);
    const row = rows.get(e.field) ?? empty(e.field);
    row[level]++;
    rows.set(e.field, row);
    if (!anyone.has(e.contactId)) {
      anyone.add(e.contactId);
      any[level]++;
    }
  }
  const byField = DETAIL_FIELDS.flatMap((f) => rows.get(f) ?? []);
  return byField.length > 0 ? [...byField, any] : [];
}

function top(counts: Map<string, number>): SignalCount[] {
  return [...counts]
    .map(([text, people]) => ({ text, people }))
    .sort((a, b) => b.people - a.people || a.text.localeCompare(b.text))
    .slice(0, TOP);
}

/** The collector signals found among the people who can see at least one detail. */
export function collectorSignals(
  basis: ExposureBasis,
  judgements: ReadonlyMap<number, FamiliarityJudgement>,
): CollectorSignals {
  const seeing = new Set(basis.exposures.map((e) => e.contactId));
  const phrases = new Map<string, number>();
  const roles = new Map<string, number>();
  let unanswered = 0;
  let collectors = 0;
  for (const id of seeing) {
    const judgement = judgements.get(id);
    if (!judgement) continue;
    if (isLikelyCollector(judgement)) collectors++;
    // One person counts once per phrase, however many invitations used it.
    const seen = new Set<string>();
    for (const s of judgement.collectorSignals) {
      if (s.kind === 'unanswered-pitch') unanswered++;
      const key = s.kind === 'generic-invitation' ? `p:${s.data.phrase}` : `r:${s.data.role}`;
      if (s.kind === 'unanswered-pitch' || seen.has(key)) continue;
      seen.add(key);
      const map = s.kind === 'generic-invitation' ? phrases : roles;
      const text = String(s.kind === 'generic-invitation' ? s.data.phrase : s.data.role);
      map.set(text, (map.get(text) ?? 0) + 1);
    }
  }
  return { phrases: top(phrases), roles: top(roles), unanswered, collectors };
}

/**
 * The people whose open findings weigh most (severity weights of docs/score.md); among equals, the
 * one the user knows least (lowest familiarity score) first.
 */
export function topPeople(
  audit: Pick<AuditResult, 'findings'>,
  contacts: ReadonlyMap<number, Contact>,
  familiarity: ReadonlyMap<number, Pick<FamiliarityJudgement, 'score'>>,
): RiskyPerson[] {
  const people = new Map<number, RiskyPerson>();
  for (const f of audit.findings) {
    if (f.muted !== null || f.contact === null) continue;
    const contact = contacts.get(f.contact.id);
    if (!contact) continue;
    const person = people.get(contact.id) ?? {
      contactId: contact.id,
      name: contact.name,
      network: contact.network,
      familiarity: f.familiarity ?? 'unfamiliar',
      points: 0,
      findings: 0,
      fields: [],
    };
    person.points += SEVERITY_WEIGHT[f.severity];
    person.findings++;
    if (f.field !== null && !person.fields.includes(f.field)) person.fields.push(f.field);
    people.set(contact.id, person);
  }
  // The best TOP by a linear pass on numbers only (a full sort of 30,000 people, or a collator call
  // for each, costs more than the rest of the charts); among complete equals the lower id first.
  const rank = (a: RiskyPerson, b: RiskyPerson): number =>
    b.points - a.points ||
    b.findings - a.findings ||
    (familiarity.get(a.contactId)?.score ?? 0) - (familiarity.get(b.contactId)?.score ?? 0);
  const best: RiskyPerson[] = [];
  for (const person of people.values()) {
    const worst = best[TOP - 1];
    if (worst && (rank(person, worst) || person.contactId - worst.contactId) >= 0) continue;
    const at = best.findIndex((p) => (rank(person, p) || person.contactId - p.contactId) < 0);
    best.splice(at === -1 ? best.length : at, 0, person);
    if (best.length > TOP) best.pop();
  }
  // Shown with equals in the reader's alphabetical order.
  const collator = new Intl.Collator('de', { numeric: true });
  return best
    .sort((a, b) => rank(a, b) || collator.compare(a.name, b.name))
    .map((p) => ({ ...p, fields: DETAIL_FIELDS.filter((f) => p.fields.includes(f)) }));
}
