/**
 * The JSON document of the report (schemaVersion 2, docs/report.schema.json): the complete model with
 * every text that many items share written once, in lookup tables, and referred to by key — the
 * platform steps, evidence, grants, the people's names and companies, dates and the labels of enums.
 * A heavy user's 60,000 findings repeat a handful of step labels and evidence texts: written inline
 * (schemaVersion 1) they made a document of 112 MiB.
 */
import type { DetailField, Familiarity, RevocationStatus, Severity } from '../domain';
import { mapInSlices, runAtOnce } from './slices';
import type { ReportFinding, ReportFindingGroup, ReportModel, ReportMutedFinding, ReportPerson } from './types';

/** A platform step; `url` null: the page is the contact's profile (`contacts[id].profileUrl`). */
export interface ReportDocStep {
  action: ReportFinding['steps'][number]['action'];
  label: string;
  url: string | null;
}

export interface ReportDocContact {
  name: string;
  profileUrl: string | null;
  company: string | null;
  position: string | null;
}

export interface ReportDocFinding {
  id: string;
  rule: string;
  severity: Severity;
  field: DetailField | null;
  network: ReportFinding['network'];
  /** Key of `contacts`; null for a setting. */
  contact: number | null;
  familiarity: Familiarity | null;
  message: string;
  /** Keys of `evidence`. */
  evidence: string[];
  assumed: boolean;
  /** Keys of `steps`. */
  steps: string[];
  revocation: { id: number; status: RevocationStatus } | null;
}

export interface ReportDocMuted extends ReportDocFinding {
  reason: string;
  until: ReportMutedFinding['until'];
}

export interface ReportDocGroup extends Omit<ReportFindingGroup, 'people'> {
  people: Array<{ contact: number | null; familiarity: Familiarity | null; findings: string[] }>;
}

export interface ReportDocPerson {
  contactId: number;
  network: ReportPerson['network'];
  connectedOn: string | null;
  familiarity: Familiarity;
  familiarityScore: number;
  evidence: string[];
  sees: Array<{
    field: DetailField;
    /** Key of `grants`. */
    grant: string;
    grantKind: ReportPerson['sees'][number]['grantKind'];
    assumed: boolean;
    /** ISO date; its text is `dates[since]`. */
    since: string | null;
    public: boolean;
    revocation: { id: number; status: RevocationStatus } | null;
  }>;
}

/** The words of the enums the document uses, in its language. */
export interface ReportDocLabels {
  severity: Partial<Record<Severity, string>>;
  field: Partial<Record<DetailField, string>>;
  familiarity: Partial<Record<Familiarity, string>>;
  status: Partial<Record<RevocationStatus, string>>;
  rule: Record<string, string>;
}

export type ReportDocument = Omit<ReportModel, 'findings' | 'muted' | 'groups' | 'people'> & {
  labels: ReportDocLabels;
  contacts: Record<string, ReportDocContact>;
  steps: Record<string, ReportDocStep>;
  evidence: Record<string, string>;
  grants: Record<string, string>;
  dates: Record<string, string>;
  groups: ReportDocGroup[];
  findings: ReportDocFinding[];
  muted: ReportDocMuted[];
  people: ReportDocPerson[];
};

/**
 * A lookup table: each distinct value once, under a key made from `base` ("remove-connection", then
 * "remove-connection:2"; numbered: "e1", "e2").
 */
class Table<T> {
  readonly entries: Record<string, T> = {};
  private readonly keys = new Map<string, string>();
  private readonly used = new Map<string, number>();

  constructor(private readonly numbered = false) {}

  key(base: string, value: T, identity: string): string {
    let key = this.keys.get(identity);
    if (key === undefined) {
      const n = (this.used.get(base) ?? 0) + 1;
      this.used.set(base, n);
      key = this.numbered ? `${base}${n}` : n === 1 ? base : `${base}:${n}`;
      this.keys.set(identity, key);
      this.entries[key] = value;
    }
    return key;
  }
}

/** Builds the document's tables while it walks the model. */
class Writer {
  readonly labels: ReportDocLabels = { severity: {}, field: {}, familiarity: {}, status: {}, rule: {} };
  readonly contacts: Record<string, ReportDocContact> = {};
  readonly steps = new Table<ReportDocStep>();
  readonly evidence = new Table<string>(true);
  readonly grants = new Table<string>();
  readonly dates: Record<string, string> = {};

  contact(c: { id: number; name: string; profileUrl: string | null; company: string | null; position: string | null }) {
    this.contacts[c.id] ??= { name: c.name, profileUrl: c.profileUrl, company: c.company, position: c.position };
    return c.id;
  }

  evidenceKeys(texts: readonly string[]): string[] {
    return texts.map((text) => this.evidence.key('e', text, text));
  }

  revocation(r: { id: number; status: RevocationStatus; statusLabel: string } | null) {
    if (r === null) return null;
    this.labels.status[r.status] = r.statusLabel;
    return { id: r.id, status: r.status };
  }

  finding(f: ReportFinding): ReportDocFinding {
    const { labels } = this;
    labels.rule[f.rule] = f.ruleTitle;
    labels.severity[f.severity] = f.severityLabel;
    if (f.field !== null) labels.field[f.field] = f.fieldLabel!;
    if (f.familiarity !== null) labels.familiarity[f.familiarity] = f.familiarityLabel!;
    const profile = f.contact?.profileUrl ?? null;
    return {
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      field: f.field,
      network: f.network,
      contact: f.contact === null ? null : this.contact(f.contact),
      familiarity: f.familiarity,
      message: f.message,
      evidence: this.evidenceKeys(f.evidence),
      assumed: f.assumed,
      steps: f.steps.map((s) => {
        // Removing a contact happens on their profile: that page is the contact's, not the step's.
        const url = s.action === 'remove-connection' && s.url === profile ? null : s.url;
        return this.steps.key(s.action, { action: s.action, label: s.label, url }, `${s.action}\n${s.label}\n${url}`);
      }),
      revocation: this.revocation(f.revocation),
    };
  }

  person(p: ReportPerson): ReportDocPerson {
    this.contact({ id: p.contactId, ...p });
    this.labels.familiarity[p.familiarity] = p.familiarityLabel;
    return {
      contactId: p.contactId,
      network: p.network,
      connectedOn: p.connectedOn,
      familiarity: p.familiarity,
      familiarityScore: p.familiarityScore,
      evidence: this.evidenceKeys(p.evidence),
      sees: p.sees.map((s) => {
        this.labels.field[s.field] = s.fieldLabel;
        if (s.since !== null) this.dates[s.since.iso] = s.since.text;
        return {
          field: s.field,
          grant: this.grants.key(s.grantKind, s.grant, s.grant),
          grantKind: s.grantKind,
          assumed: s.assumed,
          since: s.since?.iso ?? null,
          public: s.public,
          revocation: this.revocation(s.revocation),
        };
      }),
    };
  }

  group(g: ReportFindingGroup): ReportDocGroup {
    return {
      ...g,
      people: g.people.map((p) => ({
        contact: p.contact?.id ?? null,
        familiarity: p.familiarity,
        findings: p.findings,
      })),
    };
  }
}

/** The JSON document of a model: the same content, each shared text once. */
export function reportDocument(model: ReportModel): ReportDocument {
  return runAtOnce(documentInSlices(model));
}

/** The same, yielding between slices of findings and people (see ./slices.ts). */
export function* documentInSlices(model: ReportModel): Generator<void, ReportDocument> {
  const w = new Writer();
  const { findings, muted, groups, people, ...rest } = model;
  const docFindings = yield* mapInSlices(findings, (f) => w.finding(f));
  const docMuted = yield* mapInSlices(muted, (f) => ({ ...w.finding(f), reason: f.reason, until: f.until }));
  const docPeople = yield* mapInSlices(people, (p) => w.person(p));
  const docGroups = groups.map((g) => w.group(g));
  return {
    ...rest,
    labels: w.labels,
    contacts: w.contacts,
    steps: w.steps.entries,
    evidence: w.evidence.entries,
    grants: w.grants.entries,
    dates: w.dates,
    groups: docGroups,
    findings: docFindings,
    muted: docMuted,
    people: docPeople,
  };
}
