/**
 * The audit's second phase: what mutes and live revocations make of the findings (shared/audit.ts
 * computes the first). Cheap — one pass over findings and exposures — so a revoke, an undo or a mute
 * does not run the rules again: main keeps the first phase and only runs this one (audit-cache.ts).
 */
import { LIVE_REVOCATION } from './domain';
import type {
  AuditResult,
  AuditSummary,
  Exposure,
  FieldExposureRow,
  Finding,
  Lang,
  MyDetail,
  RevocationView,
} from './domain';
import { liveRevocations } from './revocation-cover';
import { exposureScore } from './score';

/** The first phase: everything that depends neither on mutes nor on revocations. */
export interface AuditBase {
  lang: Lang;
  connections: number;
  /**
   * Every finding, unmuted and uncovered (`muted` and `revocation` null), in the full audit's order
   * but for mutes (muted findings go last). Shared between audits: never changed in place.
   */
  findings: readonly Finding[];
  exposures: readonly Exposure[];
  familiarity: ReadonlyMap<number, { level: string }>;
  /** Who sees an email address, who the mobile number, now. */
  audienceNow: Audience;
  settingsAssumed: boolean;
  myDetails: MyDetail[];
  lastImportAt: string | null;
}

/** The user's own state over the findings: what they muted and which revocations they planned. */
export interface AuditState {
  mutes: ReadonlyArray<{ findingId: string; reason: string; until: string | null }>;
  revocations: readonly RevocationView[];
}

type Audience = Pick<AuditSummary, 'canSeeEmail' | 'canSeeMobile' | 'unfamiliarWithAccess'>;

/** Who sees an email address, who the mobile number; and how many of all those are unfamiliar. */
export function audiences(
  exposures: readonly Exposure[],
  familiarity: ReadonlyMap<number, { level: string }>,
): Audience {
  const email = new Set<number>();
  const mobile = new Set<number>();
  for (const e of exposures) {
    if (e.field === 'privateEmail' || e.field === 'businessEmail') email.add(e.contactId);
    else if (e.field === 'mobile') mobile.add(e.contactId);
  }
  const unfamiliar = (id: number): boolean => familiarity.get(id)?.level === 'unfamiliar';
  let unfamiliarWithAccess = 0;
  for (const id of email) if (unfamiliar(id)) unfamiliarWithAccess++;
  for (const id of mobile) if (!email.has(id) && unfamiliar(id)) unfamiliarWithAccess++;
  return { canSeeEmail: email.size, canSeeMobile: mobile.size, unfamiliarWithAccess };
}

/** A mute holds until its expiry date (inclusive); after that the finding is open again. */
export function activeMutes(mutes: AuditState['mutes'], now: Date): Map<string, AuditState['mutes'][number]> {
  const today = now.toISOString().slice(0, 10);
  return new Map(mutes.filter((m) => m.until === null || m.until >= today).map((m) => [m.findingId, m]));
}

/** The second phase: the first one's findings with their mutes and live revocations, and the numbers. */
export function applyAuditState(base: AuditBase, state: AuditState, now: Date): AuditResult {
  // "Now" is what the platforms show as of the last import and declarations: a planned revocation
  // changes nothing there. "After your plan" takes every live revocation as done.
  const coveredBy = liveRevocations(state.revocations);
  // What each person sees: a finding about all of it goes when every share is ended.
  const seenBy = new Map<number, Exposure[]>();
  if (!coveredBy.none)
    for (const e of base.exposures) {
      const list = seenBy.get(e.contactId);
      if (list) list.push(e);
      else seenBy.set(e.contactId, [e]);
    }
  const mutes = activeMutes(state.mutes, now);
  const open: Finding[] = [];
  const muted: Finding[] = [];
  for (const f of base.findings) {
    const mute = mutes.size === 0 ? undefined : mutes.get(f.id);
    const revocation = coveredBy.none
      ? null
      : coveredBy.finding(
          { contactId: f.contact?.id ?? null, field: f.field, rule: f.rule, actions: f.actions },
          f.contact ? seenBy.get(f.contact.id) : undefined,
        );
    // Muted findings come last, each part in the base's order (the sort of the full audit).
    if (mute === undefined && revocation === null) open.push(f);
    else if (mute === undefined) open.push({ ...f, revocation });
    else muted.push({ ...f, muted: { reason: mute.reason, until: mute.until }, revocation });
  }

  const rows = new Map<FieldExposureRow['field'], FieldExposureRow>();
  for (const e of base.exposures) {
    const row = rows.get(e.field) ?? { field: e.field, visibleTo: 0, unfamiliar: 0, revoked: 0 };
    // The bar is everyone who sees the detail now; those with a removal planned are a part of it.
    if (!coveredBy.none && coveredBy.exposure(e) !== null) row.revoked++;
    else {
      row.visibleTo++;
      if (base.familiarity.get(e.contactId)?.level === 'unfamiliar') row.unfamiliar++;
    }
    rows.set(e.field, row);
  }
  const afterPlan = coveredBy.none ? null : base.exposures.filter((e) => coveredBy.exposure(e) === null);
  const openAfter = coveredBy.none ? open : open.filter((f) => f.revocation === null);

  return {
    generatedAt: now.toISOString(),
    lang: base.lang,
    score: exposureScore(open, base.connections),
    scoreAfterPlan: exposureScore(openAfter, base.connections),
    summary: {
      connections: base.connections,
      ...base.audienceNow,
      openFindings: open.length,
      afterPlan: {
        ...(afterPlan === null ? base.audienceNow : audiences(afterPlan, base.familiarity)),
        openFindings: openAfter.length,
      },
      plannedRevocations: state.revocations.filter((r) => LIVE_REVOCATION.has(r.status)).length,
      settingsAssumed: base.settingsAssumed,
      lastImportAt: base.lastImportAt,
    },
    byField: [...rows.values()],
    findings: muted.length === 0 ? open : open.concat(muted),
    revocations: [...state.revocations],
    myDetails: base.myDetails,
  };
}
