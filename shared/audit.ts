import type {
  AuditResult,
  Contact,
  DetailField,
  Evidence,
  Exposure,
  Familiarity,
  FieldExposureRow,
  Finding,
  Interaction,
  Lang,
  MyDetail,
  RevocationView,
  Severity,
} from './domain';
import { PRIVATE_FIELDS } from './domain';
import { format } from './i18n';
import type { LinkMethod } from './identity';
import { RULES, type Rule, type RuleContext } from './rules';

/** A link from a network contact to an entry in one of the user's address books. */
export interface AddressBookLink {
  contactId: number;
  source: string;
  method: LinkMethod;
  confidence: number;
  evidence: string;
}

export interface AuditInput {
  /** Current (not removed) connections. */
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  addressBookLinks: readonly AddressBookLink[];
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

/**
 * How well the user knows each contact, from evidence: a two-way exchange of messages or an entry
 * in one of their address books makes a contact known; an address-book match by bare name only
 * makes them acquainted.
 */
export function computeFamiliarity(
  contacts: readonly Contact[],
  interactions: readonly Interaction[],
  links: readonly AddressBookLink[],
): Map<number, { level: Familiarity; evidence: Evidence[] }> {
  const byContact = new Map(interactions.map((i) => [i.contactId, i]));
  const linksByContact = new Map<number, AddressBookLink[]>();
  for (const link of links) linksByContact.set(link.contactId, [...(linksByContact.get(link.contactId) ?? []), link]);
  const result = new Map<number, { level: Familiarity; evidence: Evidence[] }>();
  for (const contact of contacts) {
    const evidence: Evidence[] = [];
    const stats = byContact.get(contact.id);
    const twoWay = stats !== undefined && stats.sent > 0 && stats.received > 0;
    if (stats && (stats.sent > 0 || stats.received > 0)) {
      evidence.push({
        kind: twoWay ? 'two-way-messages' : 'one-way-messages',
        data: { sent: stats.sent, received: stats.received, lastAt: stats.lastAt ?? '?' },
      });
    } else {
      evidence.push({ kind: 'no-messages', data: {} });
    }
    const contactLinks = linksByContact.get(contact.id) ?? [];
    for (const link of contactLinks) {
      evidence.push({ kind: 'in-address-book', data: { source: link.source, match: link.evidence } });
    }
    const strongLink = contactLinks.some((l) => l.method !== 'name');
    const level: Familiarity = twoWay || strongLink ? 'known' : contactLinks.length > 0 ? 'acquainted' : 'unfamiliar';
    result.set(contact.id, { level, evidence });
  }
  return result;
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
export function computeAudit(input: AuditInput, lang: Lang, now: Date, rules: readonly Rule[] = RULES): AuditResult {
  const contacts = new Map(input.contacts.map((c) => [c.id, c]));
  const familiarity = computeFamiliarity(input.contacts, input.interactions, input.addressBookLinks);
  const planned = new Set(
    input.revocations.filter((r) => r.status !== 'undone').map((r) => revocationKey(r.contactId, r.field)),
  );
  const allExposures = computeExposures(input.contacts, input.myDetails);
  const exposures = allExposures.filter((e) => !planned.has(revocationKey(e.contactId, e.field)));

  const ctx: RuleContext = { contacts, exposures, familiarity, privateFields: PRIVATE_FIELDS };
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
      a.field.localeCompare(b.field),
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
