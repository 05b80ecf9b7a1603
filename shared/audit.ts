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
import { format } from './i18n';
import { judgeFamiliarity, type AddressBookLink, type ContactTag, type InvitationFact } from './familiarity';
import { DEFAULT_POLICY, type Policy } from './policy';
import { RULES, type Rule, type RuleContext } from './rules';

export type { AddressBookLink } from './familiarity';

export interface AuditInput {
  /** Current (not removed) connections. */
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  addressBookLinks: readonly AddressBookLink[];
  tags: readonly ContactTag[];
  invitations: readonly InvitationFact[];
  myDetails: readonly MyDetail[];
  revocations: readonly RevocationView[];
  lastImportAt: string | null;
}

/** Placeholder shown when the export did not include the user's primary email. */
export const UNKNOWN_PRIMARY_EMAIL = '(primary email — not in the imported files)';

const EMAIL_FIELDS: ReadonlySet<DetailField> = new Set(['privateEmail', 'businessEmail']);
const PHONE_FIELDS: ReadonlySet<DetailField> = new Set(['mobile', 'phone']);
const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The details LinkedIn shows to 1st-degree connections when the user has declared nothing:
 * the primary email (documented default) and the phone numbers in "Contact info".
 * Without an imported email, LinkedIn still has one: it is assumed to be private, the common case.
 */
export function exposedDetails(myDetails: readonly MyDetail[]): MyDetail[] {
  const exposed = myDetails.filter((d) => EMAIL_FIELDS.has(d.field) || PHONE_FIELDS.has(d.field));
  if (!exposed.some((d) => EMAIL_FIELDS.has(d.field))) {
    exposed.unshift({ field: 'privateEmail', value: UNKNOWN_PRIMARY_EMAIL, source: 'assumed' });
  }
  return exposed;
}

export function computeExposures(contacts: readonly Contact[], myDetails: readonly MyDetail[]): Exposure[] {
  const details = exposedDetails(myDetails);
  const exposures: Exposure[] = [];
  for (const contact of contacts) {
    if (contact.network !== 'linkedin') continue;
    for (const detail of details) {
      exposures.push({
        contactId: contact.id,
        field: detail.field,
        grant: { kind: 'audience', network: 'linkedin', audience: 'first-degree', assumed: true },
        since: contact.connectedOn,
      });
    }
  }
  return exposures;
}

function revocationKey(contactId: number, field: DetailField): string {
  return `${contactId}:${field}`;
}

export function findingId(rule: string, contactId: number, field: DetailField): string {
  return `${rule}:${contactId}:${field}`;
}

/** The whole audit: pure, so the renderer can re-run it for what-if previews. */
export function computeAudit(
  input: AuditInput,
  lang: Lang,
  now: Date,
  policy: Policy = DEFAULT_POLICY,
  rules: readonly Rule[] = RULES,
): AuditResult {
  const contacts = new Map(input.contacts.map((c) => [c.id, c]));
  const familiarity = judgeFamiliarity(input, policy, now);
  const planned = new Set(
    input.revocations.filter((r) => r.status !== 'undone').map((r) => revocationKey(r.contactId, r.field)),
  );
  const allExposures = computeExposures(input.contacts, input.myDetails);
  const exposures = allExposures.filter((e) => !planned.has(revocationKey(e.contactId, e.field)));

  const ctx: RuleContext = { contacts, exposures, familiarity, policy, now };
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const report of rule.check(ctx)) {
      const contact = contacts.get(report.contactId);
      const template = rule.meta.messages[report.messageId];
      if (!contact || !template) continue;
      findings.push({
        id: findingId(rule.meta.id, report.contactId, report.field),
        rule: rule.meta.id,
        severity: report.severity ?? rule.meta.defaultSeverity,
        field: report.field,
        contact: {
          id: contact.id,
          name: contact.name,
          profileUrl: contact.profileUrl,
          company: contact.company,
          position: contact.position,
        },
        message: format(template[lang], report.data, lang),
        evidence: report.evidence,
        familiarity: familiarity.get(contact.id)?.level ?? 'unfamiliar',
        actions: report.actions,
        assumed: report.assumed,
      });
    }
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.contact.name.localeCompare(b.contact.name, lang) ||
      a.field.localeCompare(b.field) ||
      a.rule.localeCompare(b.rule),
  );

  const rows = new Map<DetailField, FieldExposureRow>();
  for (const e of allExposures) {
    const row = rows.get(e.field) ?? { field: e.field, visibleTo: 0, unfamiliar: 0, revoked: 0 };
    if (planned.has(revocationKey(e.contactId, e.field))) {
      row.revoked++;
    } else {
      row.visibleTo++;
      if (familiarity.get(e.contactId)?.level === 'unfamiliar') row.unfamiliar++;
    }
    rows.set(e.field, row);
  }

  const withAccess = (fields: ReadonlySet<DetailField>): Set<number> =>
    new Set(exposures.filter((e) => fields.has(e.field)).map((e) => e.contactId));
  const emailAudience = withAccess(EMAIL_FIELDS);
  const mobileAudience = withAccess(new Set<DetailField>(['mobile']));
  const anyAudience = new Set([...emailAudience, ...mobileAudience]);
  const unfamiliarWithAccess = [...anyAudience].filter((id) => familiarity.get(id)?.level === 'unfamiliar').length;

  return {
    generatedAt: now.toISOString(),
    lang,
    summary: {
      connections: input.contacts.length,
      canSeeEmail: emailAudience.size,
      canSeeMobile: mobileAudience.size,
      unfamiliarWithAccess,
      openFindings: findings.length,
      plannedRevocations: input.revocations.filter((r) => r.status === 'planned').length,
      settingsAssumed: allExposures.some((e) => e.grant.assumed),
      lastImportAt: input.lastImportAt,
    },
    byField: [...rows.values()],
    findings,
    revocations: [...input.revocations],
    myDetails: exposedDetails(input.myDetails),
  };
}
