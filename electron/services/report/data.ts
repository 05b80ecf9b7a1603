/**
 * What the report model is built from: the cached audit and its input, the people who see something
 * (exposures with familiarity), the plan's variants and each revocation's history.
 */
import type { AuditInput } from '../../../shared/audit';
import type {
  AuditResult,
  Exposure,
  FamiliarityJudgement,
  Lang,
  RevocationEvent,
  RevocationStatus,
} from '../../../shared/domain';
import { computeExposures } from '../../../shared/exposure';
import { judgeFamiliarity } from '../../../shared/familiarity';
import { computePlan, type ActionPlan, type PlanVariant } from '../../../shared/plan';
import type { Policy } from '../../../shared/policy';
import { planViewers } from '../../../shared/report/plan';
import type { ReportInput, ReportPersonInput, ReportPrevious } from '../../../shared/report/types';
import type { DB } from '../db';
import { trendPoint } from '../../../shared/history';
import { latestSnapshots, snapshotOwed } from '../snapshots';

export interface ReportSource {
  db: DB;
  audit: AuditResult;
  input: AuditInput;
  policy: Policy;
  previous: ReportPrevious | null;
  /** The plan of a variant as main keeps it (computed once per change); without it, computed here. */
  plan?: (variant: PlanVariant) => ActionPlan;
  /**
   * The exposures and familiarity judgements the cached audit computed (main keeps them): without them,
   * computed here again — ≈ 0.1 s of a heavy user's report.
   */
  basis?: { exposures: readonly Exposure[]; familiarity: ReadonlyMap<number, FamiliarityJudgement> };
}

function people(input: AuditInput, policy: Policy, now: Date, basis: ReportSource['basis']): ReportPersonInput[] {
  const exposures = new Map<number, Array<Omit<Exposure, 'contactId'>>>();
  for (const { contactId, ...rest } of basis?.exposures ??
    computeExposures(input.contacts, input.myDetails, input.sharing)) {
    const list = exposures.get(contactId);
    if (list) list.push(rest);
    else exposures.set(contactId, [rest]);
  }
  const seeing = input.contacts.filter((c) => exposures.has(c.id));
  // The same judgement the audit made (same input, policy and day).
  const familiarity = basis?.familiarity ?? judgeFamiliarity(input, policy, now);
  return seeing.map((contact) => ({
    contact,
    familiarity: familiarity.get(contact.id)!,
    exposures: exposures.get(contact.id)!,
  }));
}

function revocationEvents(db: DB): Map<number, RevocationEvent[]> {
  const events = new Map<number, RevocationEvent[]>();
  const rows = db
    .prepare<[], { id: number; status: string; at: string; note: string | null }>(
      'SELECT revocation_id AS id, status, at, note FROM revocation_event ORDER BY rowid',
    )
    .all();
  for (const r of rows) {
    const event = { status: r.status as RevocationStatus, at: r.at, note: r.note };
    const list = events.get(r.id);
    if (list) list.push(event);
    else events.set(r.id, [event]);
  }
  return events;
}

/**
 * The previous audit: the snapshot before the newest one (the newest is the audit as it is now,
 * recorded after the last import or change); null until there are two.
 */
export function previousAudit(db: DB): ReportPrevious | null {
  // While an import's snapshot is owed (a database opened read-only), the newest one is the previous.
  const previous = latestSnapshots(db, 2)[snapshotOwed(db) ? 0 : 1];
  if (previous === undefined) return null;
  const point = trendPoint(previous);
  return {
    at: point.at,
    scoreNow: point.score.now,
    scoreAfterPlan: point.score.afterPlan,
    openFindings: point.openFindings,
    exposure: point.exposure,
  };
}

export function reportInput(source: ReportSource, lang: Lang): ReportInput {
  const { audit, input, policy } = source;
  const now = new Date(audit.generatedAt);
  const seeing = people(input, policy, now, source.basis);
  // Without main's plans: one input for the three variants (they share their work through it).
  const planInput = source.plan
    ? null
    : {
        findings: audit.findings,
        viewers: planViewers(seeing, audit.revocations),
        connections: audit.summary.connections,
        policy,
      };
  const plan = source.plan ?? ((variant: PlanVariant) => computePlan(planInput!, variant));
  return {
    audit: audit.lang === lang ? audit : { ...audit, lang },
    lang,
    policy,
    sharing: input.sharing,
    people: seeing,
    plans: [plan('fewest'), plan('keep-known'), plan('emergency')],
    revocationEvents: revocationEvents(source.db),
    previous: source.previous,
  };
}
