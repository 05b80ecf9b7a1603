import { LIVE_REVOCATION, type RevocationStatus } from './domain';
import type {
  AuditResult,
  AuditSummary,
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
import { judgeFamiliarity, type AddressBookLink, type ContactTag, type InvitationFact } from './familiarity';
import { DEFAULT_POLICY, type Policy } from './policy';
import { computeExposures, exposedDetails } from './exposure';
import type { SharingSettings } from './sharing';
export { UNKNOWN_PRIMARY_EMAIL, exposedDetails } from './exposure';
import { RULES, type Rule, type RuleContext } from './rules';
import { countFinding, scoreOf, exposureScore, type RuleTally } from './score';
export { exposureScore } from './score';

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

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function findingId(rule: string, contactId: number | null, field: DetailField | null, subject?: string): string {
  return `${rule}:${contactId ?? subject ?? 'all'}:${field ?? 'all'}`;
}

/**
 * Familiarity depends on contacts, evidence, policy and the day, not on sharing settings: a what-if
 * preview of sharing settings reuses it instead of judging 30,000 people again.
 */
const familiarityCache = new WeakMap<
  readonly Contact[],
  { key: unknown[]; value: ReturnType<typeof judgeFamiliarity> }
>();

function cachedFamiliarity(input: AuditInput, policy: Policy, now: Date): ReturnType<typeof judgeFamiliarity> {
  const key = [
    input.interactions,
    input.addressBookLinks,
    input.tags,
    input.invitations,
    policy,
    now.toISOString().slice(0, 10),
  ];
  const hit = familiarityCache.get(input.contacts);
  if (hit && hit.key.every((k, i) => k === key[i])) return hit.value;
  const value = judgeFamiliarity(input, policy, now);
  familiarityCache.set(input.contacts, { key, value });
  return value;
}

/** Contacts by id, once per list of contacts (a what-if preview keeps the list). */
const contactsCache = new WeakMap<readonly Contact[], ReadonlyMap<number, Contact>>();

function contactsById(list: readonly Contact[]): ReadonlyMap<number, Contact> {
  let byId = contactsCache.get(list);
  if (byId === undefined) {
    byId = new Map(list.map((c) => [c.id, c]));
    contactsCache.set(list, byId);
  }
  return byId;
}

/** Which person and detail a live revocation covers: removing a connection covers all they see. */
function liveRevocations(revocations: readonly RevocationView[]) {
  const byContact = new Map<number, Map<DetailField | '*', { id: number; status: RevocationStatus }>>();
  for (const r of revocations) {
    if (!LIVE_REVOCATION.has(r.status)) continue;
    const map = byContact.get(r.contactId) ?? new Map();
    map.set(r.action === 'remove-connection' ? '*' : r.field, { id: r.id, status: r.status });
    byContact.set(r.contactId, map);
  }
  const get = (contactId: number, field: DetailField) => {
    const map = byContact.get(contactId);
    return map?.get('*') ?? map?.get(field) ?? null;
  };
  return {
    get,
    has: (contactId: number, field: DetailField) => get(contactId, field) !== null,
    /** Nothing is planned: "after your plan" is "now" (the what-if preview skips the second count). */
    none: byContact.size === 0,
  };
}

/** Who sees an email address, who the mobile number; and how many of all those are unfamiliar. */
function audiences(
  exposures: readonly Exposure[],
  familiarity: ReadonlyMap<number, { level: string }>,
): Pick<AuditSummary, 'canSeeEmail' | 'canSeeMobile' | 'unfamiliarWithAccess'> {
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

/** The whole audit: pure, so the renderer can re-run it for what-if previews. */
export function computeAudit(
  input: AuditInput,
  lang: Lang,
  now: Date,
  policy: Policy = DEFAULT_POLICY,
  rules: readonly Rule[] = RULES,
  /** "preview" (what-if): the same numbers and score, without building the findings themselves. */
  mode: 'full' | 'preview' = 'full',
): AuditResult {
  const contacts = contactsById(input.contacts);
  const familiarity = cachedFamiliarity(input, policy, now);
  // "Now" is what the platforms show as of the last import and declarations: a planned revocation
  // changes nothing there. "After your plan" takes every live revocation as done.
  const coveredBy = liveRevocations(input.revocations);
  const exposed = exposedDetails(input.myDetails);
  const exposures = computeExposures(input.contacts, input.myDetails, input.sharing);

  const exposuresByContact = new Map<number, Exposure[]>();
  for (const e of exposures) {
    const list = exposuresByContact.get(e.contactId);
    if (list) list.push(e);
    else exposuresByContact.set(e.contactId, [e]);
  }
  const ctx: RuleContext = {
    contacts,
    exposures,
    exposuresByContact,
    preview: mode === 'preview',
    familiarity,
    policy,
    now,
    sharing: input.sharing,
    // Only what can be exposed: a secondary email (not shown to connections) is no finding's subject.
    myDetails: exposed,
    uploadedBooks: input.uploadedBooks,
  };
  // A mute holds until its expiry date (inclusive); after that the finding is open again.
  const today = now.toISOString().slice(0, 10);
  const mutes = new Map(input.mutes.filter((m) => m.until === null || m.until >= today).map((m) => [m.findingId, m]));
  const findings: Finding[] = [];
  // Preview (what-if) only counts, by rule: no finding objects, no texts, no sorting.
  const counted = new Map<string, RuleTally>();
  const countedAfter = new Map<string, RuleTally>();
  let previewOpen = 0;
  let previewOpenAfter = 0;
  for (const rule of rules) {
    for (const report of rule.check(ctx)) {
      const contact = report.contactId === null ? null : contacts.get(report.contactId);
      const template = rule.meta.messages[report.messageId];
      if (contact === undefined || !template) continue;
      if (mode === 'preview') {
        const muted =
          mutes.size > 0 && mutes.has(findingId(rule.meta.id, report.contactId, report.field, report.subject));
        if (!muted) {
          previewOpen++;
          countFinding(counted, rule.meta.id, report.severity ?? rule.meta.defaultSeverity);
          if (
            !coveredBy.none &&
            (report.contactId === null || report.field === null || !coveredBy.has(report.contactId, report.field))
          ) {
            previewOpenAfter++;
            countFinding(countedAfter, rule.meta.id, report.severity ?? rule.meta.defaultSeverity);
          }
        }
        continue;
      }
      findings.push({
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
        revocation:
          report.contactId === null || report.field === null ? null : coveredBy.get(report.contactId, report.field),
      });
    }
  }
  for (const f of findings) {
    const mute = mutes.get(f.id);
    if (mute) f.muted = { reason: mute.reason, until: mute.until };
  }
  // One collator for the whole sort (localeCompare with a locale builds one per call); numeric, so
  // "Vorname1008" comes before "Vorname10079".
  const collator = new Intl.Collator(lang, { numeric: true });
  if (mode === 'full')
    findings.sort(
      (a, b) =>
        Number(a.muted !== null) - Number(b.muted !== null) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        collator.compare(a.contact?.name ?? '', b.contact?.name ?? '') ||
        (a.field ?? '').localeCompare(b.field ?? '') ||
        a.rule.localeCompare(b.rule),
    );

  const rows = new Map<DetailField, FieldExposureRow>();
  for (const e of exposures) {
    const row = rows.get(e.field) ?? { field: e.field, visibleTo: 0, unfamiliar: 0, revoked: 0 };
    // The bar is everyone who sees the detail now; those with a removal planned are a part of it.
    if (coveredBy.has(e.contactId, e.field)) row.revoked++;
    else {
      row.visibleTo++;
      if (familiarity.get(e.contactId)?.level === 'unfamiliar') row.unfamiliar++;
    }
    rows.set(e.field, row);
  }
  const afterPlan = coveredBy.none ? exposures : exposures.filter((e) => !coveredBy.has(e.contactId, e.field));
  const open = findings.filter((f) => !f.muted);
  const openAfter = coveredBy.none ? open : open.filter((f) => f.revocation === null);
  const audienceNow = audiences(exposures, familiarity);

  return {
    generatedAt: now.toISOString(),
    lang,
    score: mode === 'preview' ? scoreOf(counted, input.contacts.length) : exposureScore(open, input.contacts.length),
    scoreAfterPlan:
      mode === 'preview'
        ? scoreOf(coveredBy.none ? counted : countedAfter, input.contacts.length)
        : exposureScore(openAfter, input.contacts.length),
    summary: {
      connections: input.contacts.length,
      ...audienceNow,
      openFindings: mode === 'preview' ? previewOpen : open.length,
      afterPlan: {
        ...(coveredBy.none ? audienceNow : audiences(afterPlan, familiarity)),
        openFindings: mode === 'preview' ? (coveredBy.none ? previewOpen : previewOpenAfter) : openAfter.length,
      },
      plannedRevocations: input.revocations.filter((r) => LIVE_REVOCATION.has(r.status)).length,
      settingsAssumed: exposures.some((e) => e.grant.assumed),
      lastImportAt: input.lastImportAt,
    },
    byField: [...rows.values()],
    findings,
    revocations: [...input.revocations],
    myDetails: exposed,
  };
}
