import type {
  AuditResult,
  Contact,
  DetailField,
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
import { computeExposures, exposedDetails } from './exposure';
import type { SharingSettings } from './sharing';
export { UNKNOWN_PRIMARY_EMAIL, exposedDetails } from './exposure';
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
  sharing: SharingSettings;
  uploadedBooks: ReadonlyArray<{ source: string; network: 'linkedin' | 'xing'; entries: number }>;
  revocations: readonly RevocationView[];
  lastImportAt: string | null;
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function revocationKey(contactId: number, field: DetailField): string {
  return `${contactId}:${field}`;
}

export function findingId(rule: string, contactId: number | null, field: DetailField | null, subject?: string): string {
  return `${rule}:${contactId ?? subject ?? 'all'}:${field ?? 'all'}`;
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
  // Removing a connection takes away everything that person sees; other revocations one detail.
  const planned = new Set(
    input.revocations
      .filter((r) => r.status !== 'undone')
      .map((r) => (r.action === 'remove-connection' ? `${r.contactId}:*` : revocationKey(r.contactId, r.field))),
  );
  const isRevoked = (e: { contactId: number; field: DetailField }): boolean =>
    planned.has(`${e.contactId}:*`) || planned.has(revocationKey(e.contactId, e.field));
  const allExposures = computeExposures(input.contacts, input.myDetails, input.sharing);
  const exposures = allExposures.filter((e) => !isRevoked(e));

  const ctx: RuleContext = {
    contacts,
    exposures,
    familiarity,
    policy,
    now,
    sharing: input.sharing,
    myDetails: input.myDetails,
    uploadedBooks: input.uploadedBooks,
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const report of rule.check(ctx)) {
      const contact = report.contactId === null ? null : contacts.get(report.contactId);
      const template = rule.meta.messages[report.messageId];
      if (contact === undefined || !template) continue;
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
        message: format(template[lang], report.data, lang),
        evidence: report.evidence,
        familiarity: contact ? (familiarity.get(contact.id)?.level ?? 'unfamiliar') : null,
        actions: report.actions,
        assumed: report.assumed,
      });
    }
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.contact?.name ?? '').localeCompare(b.contact?.name ?? '', lang) ||
      (a.field ?? '').localeCompare(b.field ?? '') ||
      a.rule.localeCompare(b.rule),
  );

  const rows = new Map<DetailField, FieldExposureRow>();
  for (const e of allExposures) {
    const row = rows.get(e.field) ?? { field: e.field, visibleTo: 0, unfamiliar: 0, revoked: 0 };
    if (isRevoked(e)) {
      row.revoked++;
    } else {
      row.visibleTo++;
      if (familiarity.get(e.contactId)?.level === 'unfamiliar') row.unfamiliar++;
    }
    rows.set(e.field, row);
  }

  const withAccess = (fields: ReadonlySet<DetailField>): Set<number> =>
    new Set(exposures.filter((e) => fields.has(e.field)).map((e) => e.contactId));
  const emailAudience = withAccess(new Set<DetailField>(['privateEmail', 'businessEmail']));
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
