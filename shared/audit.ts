import { LIVE_REVOCATION } from './domain';
import type {
  AuditResult,
  Contact,
  DetailField,
  Exposure,
  FieldExposureRow,
  Finding,
  Interaction,
  Lang,
  MyDetail,
  RevocationView,
  Severity,
} from './domain';
import { activeMutes, applyAuditState, audiences, type AuditBase } from './audit-state';
import type { AddressBookLink, ContactTag, InvitationFact } from './familiarity';
import { DEFAULT_POLICY, type Policy } from './policy';
import type { SharingSettings } from './sharing';
export { UNKNOWN_PRIMARY_EMAIL, exposedDetails } from './exposure';
import { RULES, type Rule, type RuleContext, type RuleReport } from './rules';
import { ruleContextSteps } from './audit-context';
export { warmFamiliarity } from './audit-context';
import { liveRevocations } from './revocation-cover';
import { countFinding, scoreOf, SEVERITIES, type RuleTally } from './score';
import { nameRanks, NO_NAME } from './name-order';
import { runAtOnce } from './slices';
export { exposureScore } from './score';
export { applyAuditState, type AuditBase, type AuditState } from './audit-state';
export { liveRevocations } from './revocation-cover';

export { normaliseName } from './names';

export type { AddressBookLink } from './familiarity';

export interface AuditInput {
  /** Current (not removed) connections. */
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  addressBookLinks: readonly AddressBookLink[];
  tags: readonly ContactTag[];
  invitations: readonly InvitationFact[];
  myDetails: readonly MyDetail[];
  sharing: SharingSettings;
  uploadedBooks: ReadonlyArray<{ source: string; network: 'linkedin' | 'xing'; entries: number }>;
  mutes: ReadonlyArray<{ findingId: string; reason: string; until: string | null }>;
  revocations: readonly RevocationView[];
  lastImportAt: string | null;
}

/** What the rules read: the input without the user's mutes and revocations. */
export type AuditFacts = Omit<AuditInput, 'mutes' | 'revocations'>;

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function findingId(rule: string, contactId: number | null, field: DetailField | null, subject?: string): string {
  return `${rule}:${contactId ?? subject ?? 'all'}:${field ?? 'all'}`;
}

/**
 * The audit's first phase: every rule over every person, without the user's mutes and revocations
 * (audit-state.ts applies those). Main keeps it while only mutes or revocations change.
 */
export function computeAuditBase(
  input: AuditFacts,
  lang: Lang,
  now: Date,
  policy: Policy = DEFAULT_POLICY,
  rules: readonly Rule[] = RULES,
): AuditBase {
  return runAtOnce(auditBaseSteps(input, lang, now, policy, rules));
}

/** Findings built between two pauses of auditBaseSteps (≈ 20–30 ms at start for a heavy user). */
const BUILT_PER_STEP = 10_000;

/**
 * The finding a rule's report makes about `contact` (null: about a setting), unmuted and uncovered —
 * audit-state.ts applies the user's mutes and revocations.
 */
function findingOf(
  rule: Rule,
  report: RuleReport,
  contact: Contact | null,
  familiarity: RuleContext['familiarity'],
): Finding {
  return {
    id: findingId(rule.meta.id, report.contactId, report.field, report.subject),
    rule: rule.meta.id,
    severity: report.severity ?? rule.meta.defaultSeverity,
    field: report.field,
    network: report.network ?? contact?.network ?? 'linkedin',
    contact: contact && {
      id: contact.id,
      name: contact.name,
      profileUrl: contact.profileUrl,
      company: contact.company,
      position: contact.position,
    },
    messageId: report.messageId,
    data: report.data,
    evidence: report.evidence,
    familiarity: contact ? (familiarity.get(contact.id)?.level ?? 'unfamiliar') : null,
    actions: report.actions,
    assumed: report.assumed,
    muted: null,
    revocation: null,
  };
}

/**
 * computeAuditBase in steps — the people's exposures, each rule, the sort — pausing after each: main
 * warms its audit at start this way, with the event loop free between steps (audit-cache.ts).
 */
export function* auditBaseSteps(
  input: AuditFacts,
  lang: Lang,
  now: Date,
  policy: Policy = DEFAULT_POLICY,
  rules: readonly Rule[] = RULES,
): Generator<void, AuditBase> {
  const { ctx, exposures, exposed } = yield* ruleContextSteps(input, policy, now, 'full');
  const { contacts, familiarity } = ctx;
  const findings: Finding[] = [];
  for (const rule of rules) {
    yield;
    const reports = rule.check(ctx);
    yield;
    for (const [i, report] of reports.entries()) {
      if (i % BUILT_PER_STEP === BUILT_PER_STEP - 1) yield;
      const contact = report.contactId === null ? null : contacts.get(report.contactId);
      const template = rule.meta.messages[report.messageId];
      if (contact === undefined || !template) continue;
      findings.push(findingOf(rule, report, contact, familiarity));
    }
  }
  yield;
  // By name as one collator orders the names (numeric, so "Vorname1008" comes before "Vorname10079"),
  // compared as numbers (name-order.ts). Muted findings go last (audit-state.ts), each part in
  // this order: the sort is stable.
  const ranks = nameRanks(input.contacts, lang, new Intl.Collator(lang, { numeric: true }));
  yield;
  const rankOf = (f: Finding): number => ranks.get(f.contact?.id ?? NO_NAME)!;
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      rankOf(a) - rankOf(b) ||
      (a.field ?? '').localeCompare(b.field ?? '') ||
      a.rule.localeCompare(b.rule),
  );
  return {
    lang,
    connections: input.contacts.length,
    findings,
    exposures,
    familiarity,
    audienceNow: audiences(exposures, familiarity),
    settingsAssumed: exposures.some((e) => e.grant.assumed),
    myDetails: exposed,
    lastImportAt: input.lastImportAt,
  };
}

/** The what-if preview: the same numbers and score as the full audit, counted without building findings. */
function previewAudit(input: AuditInput, lang: Lang, now: Date, policy: Policy, rules: readonly Rule[]): AuditResult {
  return runAtOnce(previewSteps(input, lang, now, policy, rules));
}

/** What the rules counted for a preview: open findings by rule, now and once the plan is done. */
interface Counted {
  ctx: RuleContext;
  exposures: Exposure[];
  exposed: MyDetail[];
  coveredBy: ReturnType<typeof liveRevocations>;
  counted: Map<string, RuleTally>;
  countedAfter: Map<string, RuleTally>;
  open: number;
  openAfter: number;
}

/** The rules' findings counted, not built (no finding objects, no texts, no sorting), pausing after each rule. */
function* countSteps(input: AuditInput, now: Date, policy: Policy, rules: readonly Rule[]): Generator<void, Counted> {
  const { ctx, exposures, exposed } = yield* ruleContextSteps(input, policy, now, 'preview');
  const { contacts } = ctx;
  const coveredBy = liveRevocations(input.revocations);
  const mutes = activeMutes(input.mutes, now);
  // Counted by rule: no finding objects, no texts, no sorting.
  const counted = new Map<string, RuleTally>();
  const countedAfter = new Map<string, RuleTally>();
  let open = 0;
  let openAfter = 0;
  for (const rule of rules) {
    yield;
    // Nothing muted or revoked: a rule that can count its reports is not asked for them.
    if (rule.count && mutes.size === 0 && coveredBy.none) {
      const counts = rule.count(ctx);
      for (const severity of SEVERITIES) {
        const n = counts[severity] ?? 0;
        if (n === 0) continue;
        open += n;
        countFinding(counted, rule.meta.id, severity, n);
      }
      continue;
    }
    for (const report of rule.check(ctx)) {
      const contact = report.contactId === null ? null : contacts.get(report.contactId);
      const template = rule.meta.messages[report.messageId];
      if (contact === undefined || !template) continue;
      const muted =
        mutes.size > 0 && mutes.has(findingId(rule.meta.id, report.contactId, report.field, report.subject));
      if (muted) continue;
      open++;
      countFinding(counted, rule.meta.id, report.severity ?? rule.meta.defaultSeverity);
      if (
        !coveredBy.none &&
        coveredBy.finding(
          { ...report, rule: rule.meta.id },
          report.contactId === null ? undefined : ctx.exposuresByContact.get(report.contactId),
        ) === null
      ) {
        openAfter++;
        countFinding(countedAfter, rule.meta.id, report.severity ?? rule.meta.defaultSeverity);
      }
    }
  }
  return { ctx, exposures, exposed, coveredBy, counted, countedAfter, open, openAfter };
}

/**
 * What a what-if shows of the audit it would make: its open findings and score — the full audit's
 * (a test holds them equal), counted without building findings or the headline's other numbers.
 */
export function previewNumbers(
  input: AuditInput,
  now: Date,
  policy: Policy = DEFAULT_POLICY,
  rules: readonly Rule[] = RULES,
): { openFindings: number; score: number } {
  const { counted, open } = runAtOnce(countSteps(input, now, policy, rules));
  return { openFindings: open, score: scoreOf(counted, input.contacts.length).value };
}

/** previewAudit pausing after each rule: main counts the first view's numbers so at start (audit-cache.ts). */
export function* previewSteps(
  input: AuditInput,
  lang: Lang,
  now: Date,
  policy: Policy = DEFAULT_POLICY,
  rules: readonly Rule[] = RULES,
): Generator<void, AuditResult> {
  const { ctx, exposures, exposed, coveredBy, counted, countedAfter, open, openAfter } = yield* countSteps(
    input,
    now,
    policy,
    rules,
  );
  const { familiarity } = ctx;
  yield;
  const rows = new Map<DetailField, FieldExposureRow>();
  for (const e of exposures) {
    const row = rows.get(e.field) ?? { field: e.field, visibleTo: 0, unfamiliar: 0, revoked: 0 };
    if (!coveredBy.none && coveredBy.exposure(e) !== null) row.revoked++;
    else {
      row.visibleTo++;
      if (familiarity.get(e.contactId)?.level === 'unfamiliar') row.unfamiliar++;
    }
    rows.set(e.field, row);
  }
  yield;
  const audienceNow = audiences(exposures, familiarity);
  const afterPlan = coveredBy.none ? exposures : exposures.filter((e) => coveredBy.exposure(e) === null);
  return {
    generatedAt: now.toISOString(),
    lang,
    score: scoreOf(counted, input.contacts.length),
    scoreAfterPlan: scoreOf(coveredBy.none ? counted : countedAfter, input.contacts.length),
    summary: {
      connections: input.contacts.length,
      ...audienceNow,
      openFindings: open,
      afterPlan: {
        ...(coveredBy.none ? audienceNow : audiences(afterPlan, familiarity)),
        openFindings: coveredBy.none ? open : openAfter,
      },
      plannedRevocations: input.revocations.filter((r) => LIVE_REVOCATION.has(r.status)).length,
      settingsAssumed: exposures.some((e) => e.grant.assumed),
      lastImportAt: input.lastImportAt,
    },
    byField: [...rows.values()],
    findings: [],
    revocations: [...input.revocations],
    myDetails: exposed,
  };
}

/**
 * The whole audit: pure, so the renderer can re-run it for what-if previews. Two phases — the rules
 * (computeAuditBase) and the user's mutes and revocations over their findings (applyAuditState) —
 * which main keeps apart (audit-cache.ts); together they are this.
 */
export function computeAudit(
  input: AuditInput,
  lang: Lang,
  now: Date,
  policy: Policy = DEFAULT_POLICY,
  rules: readonly Rule[] = RULES,
  /** "preview" (what-if): the same numbers and score, without building the findings themselves. */
  mode: 'full' | 'preview' = 'full',
): AuditResult {
  if (mode === 'preview') return previewAudit(input, lang, now, policy, rules);
  return applyAuditState(computeAuditBase(input, lang, now, policy, rules), input, now);
}
