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
import { liveRevocations, type RevocationCover } from './revocation-cover';
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
  // What each person sees, as bits (1: an email, 2: the mobile number): one map, not two sets.
  const sees = new Map<number, number>();
  for (const e of exposures) {
    const bit = e.field === 'privateEmail' || e.field === 'businessEmail' ? 1 : e.field === 'mobile' ? 2 : 0;
    if (bit !== 0) sees.set(e.contactId, (sees.get(e.contactId) ?? 0) | bit);
  }
  let canSeeEmail = 0;
  let canSeeMobile = 0;
  let unfamiliarWithAccess = 0;
  for (const [id, bits] of sees) {
    if (bits & 1) canSeeEmail++;
    if (bits & 2) canSeeMobile++;
    if (familiarity.get(id)?.level === 'unfamiliar') unfamiliarWithAccess++;
  }
  return { canSeeEmail, canSeeMobile, unfamiliarWithAccess };
}

/** A mute holds until its expiry date (inclusive); after that the finding is open again. */
export function activeMutes(mutes: AuditState['mutes'], now: Date): Map<string, AuditState['mutes'][number]> {
  const today = now.toISOString().slice(0, 10);
  return new Map(mutes.filter((m) => m.until === null || m.until >= today).map((m) => [m.findingId, m]));
}

type Live = NonNullable<Finding['revocation']>;

/** What the second phase reuses while the first phase stays: indexes by person, the bars without a plan. */
interface BaseIndex {
  /** Per person: the indexes of their findings in `base.findings`. */
  findingsOf: Map<number, number[]>;
  /** Per person: what they see (their exposures). */
  seenBy: Map<number, Exposure[]>;
  /** The bars per detail with nothing planned. */
  rowsNow: FieldExposureRow[];
}

const indexes = new WeakMap<AuditBase, BaseIndex>();

function indexOf(base: AuditBase): BaseIndex {
  let index = indexes.get(base);
  if (index) return index;
  const findingsOf = new Map<number, number[]>();
  base.findings.forEach((f, i) => {
    if (f.contact === null) return;
    const list = findingsOf.get(f.contact.id);
    if (list) list.push(i);
    else findingsOf.set(f.contact.id, [i]);
  });
  const seenBy = new Map<number, Exposure[]>();
  const rows = new Map<FieldExposureRow['field'], FieldExposureRow>();
  for (const e of base.exposures) {
    const list = seenBy.get(e.contactId);
    if (list) list.push(e);
    else seenBy.set(e.contactId, [e]);
    const row = rows.get(e.field) ?? { field: e.field, visibleTo: 0, unfamiliar: 0, revoked: 0 };
    row.visibleTo++;
    if (base.familiarity.get(e.contactId)?.level === 'unfamiliar') row.unfamiliar++;
    rows.set(e.field, row);
  }
  index = { findingsOf, seenBy, rowsNow: [...rows.values()] };
  indexes.set(base, index);
  return index;
}

/**
 * The people whose live revocations are about them alone, or null when a live revocation is about a
 * setting (it may cover anyone's findings and shares: every one is asked).
 */
function peopleRevoked(revocations: readonly RevocationView[]): Set<number> | null {
  const people = new Set<number>();
  for (const r of revocations) {
    if (!LIVE_REVOCATION.has(r.status)) continue;
    if (r.contactId === null) return null;
    people.add(r.contactId);
  }
  return people;
}

const isEmail = (e: Exposure): boolean => e.field === 'privateEmail' || e.field === 'businessEmail';

const isUnfamiliar = (base: AuditBase, id: number): boolean => base.familiarity.get(id)?.level === 'unfamiliar';

/** What the second phase works out: covered findings (by index in `base.findings`), the bars, the audience. */
interface Coverage {
  covered: Map<number, Live>;
  rows: FieldExposureRow[];
  after: Audience;
}

/** One pass of `coverage`: what it reads, and the covered findings and bars (by detail) it fills in. */
interface CoverPass {
  base: AuditBase;
  index: BaseIndex;
  coveredBy: RevocationCover;
  covered: Map<number, Live>;
  byField: Map<FieldExposureRow['field'], FieldExposureRow>;
}

/** Asks whether a live revocation takes finding `i` away; notes it as covered when one does. */
function askFinding({ base, index, coveredBy, covered }: CoverPass, i: number): void {
  const f = base.findings[i]!;
  const seen = f.contact ? index.seenBy.get(f.contact.id) : undefined;
  const revocation = coveredBy.finding(
    { contactId: f.contact?.id ?? null, field: f.field, rule: f.rule, actions: f.actions },
    seen,
  );
  if (revocation) covered.set(i, revocation);
}

/** Moves one view of a detail in its bar from those who see it now to those with a removal planned. */
function countRevoked(row: FieldExposureRow, unfamiliar: boolean): void {
  row.revoked++;
  row.visibleTo--;
  if (unfamiliar) row.unfamiliar--;
}

/** A live revocation is about a setting (or `exhaustive`): every finding and share is asked. */
function coverEveryone(pass: CoverPass): Audience {
  const { base, coveredBy, byField } = pass;
  for (let i = 0; i < base.findings.length; i++) askFinding(pass, i);
  for (const e of base.exposures) {
    if (coveredBy.exposure(e) === null) continue;
    // The bar is everyone who sees the detail now; those with a removal planned are a part of it.
    countRevoked(byField.get(e.field)!, isUnfamiliar(base, e.contactId));
  }
  const afterPlan = base.exposures.filter((e) => coveredBy.exposure(e) === null);
  return audiences(afterPlan, base.familiarity);
}

/**
 * What one person's live revocations end of what they see: the bars lose those views, and `after`
 * loses the person where they are left seeing no email address, or no mobile number.
 */
function coverPerson({ base, index, coveredBy, byField }: CoverPass, id: number, after: Audience): void {
  const unfamiliar = isUnfamiliar(base, id);
  let emailNow = false;
  let mobileNow = false;
  let emailAfter = false;
  let mobileAfter = false;
  for (const e of index.seenBy.get(id) ?? []) {
    const ended = coveredBy.exposure(e) !== null;
    if (isEmail(e)) {
      emailNow = true;
      emailAfter ||= !ended;
    } else if (e.field === 'mobile') {
      mobileNow = true;
      mobileAfter ||= !ended;
    }
    if (ended) countRevoked(byField.get(e.field)!, unfamiliar);
  }
  if (emailNow && !emailAfter) after.canSeeEmail--;
  if (mobileNow && !mobileAfter) after.canSeeMobile--;
  if (unfamiliar && (emailNow || mobileNow) && !(emailAfter || mobileAfter)) after.unfamiliarWithAccess--;
}

/**
 * Covered findings (by index in `base.findings`), the bars per detail and the audience "after your
 * plan". Revocations only about people change only what those people see: they alone are asked,
 * and the numbers move from "now" by what changes for them (`exhaustive` asks everyone — the same
 * result, which a test holds).
 */
function coverage(base: AuditBase, revocations: readonly RevocationView[], exhaustive: boolean): Coverage {
  const coveredBy = liveRevocations(revocations);
  const index = indexOf(base);
  const covered = new Map<number, Live>();
  const rows = index.rowsNow.map((row) => ({ ...row }));
  if (coveredBy.none) return { covered, rows, after: base.audienceNow };
  const pass: CoverPass = { base, index, coveredBy, covered, byField: new Map(rows.map((row) => [row.field, row])) };
  const people = exhaustive ? null : peopleRevoked(revocations);
  if (people === null) return { covered, rows, after: coverEveryone(pass) };
  const after = { ...base.audienceNow };
  for (const id of people) {
    for (const i of index.findingsOf.get(id) ?? []) askFinding(pass, i);
    coverPerson(pass, id, after);
  }
  return { covered, rows, after };
}

/** The second phase: the first one's findings with their mutes and live revocations, and the numbers. */
export function applyAuditState(base: AuditBase, state: AuditState, now: Date, exhaustive = false): AuditResult {
  // "Now" is what the platforms show as of the last import and declarations: a planned revocation
  // changes nothing there. "After your plan" takes every live revocation as done.
  const { covered, rows, after } = coverage(base, state.revocations, exhaustive);
  const mutes = activeMutes(state.mutes, now);
  const open: Finding[] = [];
  const muted: Finding[] = [];
  const openAfter: Finding[] = [];
  base.findings.forEach((f, i) => {
    const mute = mutes.size === 0 ? undefined : mutes.get(f.id);
    const revocation = covered.size === 0 ? null : (covered.get(i) ?? null);
    // Muted findings come last, each part in the base's order (the sort of the full audit).
    if (mute !== undefined) muted.push({ ...f, muted: { reason: mute.reason, until: mute.until }, revocation });
    else if (revocation !== null) open.push({ ...f, revocation });
    else {
      open.push(f);
      openAfter.push(f);
    }
  });

  return {
    generatedAt: now.toISOString(),
    lang: base.lang,
    score: exposureScore(open, base.connections),
    scoreAfterPlan: exposureScore(covered.size === 0 ? open : openAfter, base.connections),
    summary: {
      connections: base.connections,
      ...base.audienceNow,
      openFindings: open.length,
      afterPlan: { ...after, openFindings: covered.size === 0 ? open.length : openAfter.length },
      plannedRevocations: state.revocations.filter((r) => LIVE_REVOCATION.has(r.status)).length,
      settingsAssumed: base.settingsAssumed,
      lastImportAt: base.lastImportAt,
    },
    byField: rows,
    findings: muted.length === 0 ? open : open.concat(muted),
    revocations: [...state.revocations],
    myDetails: base.myDetails,
  };
}
