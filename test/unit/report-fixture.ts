/**
 * One fixture for every report format: a small network judged by the real audit, rules, familiarity
 * and plan, with a muted finding, a revocation with its history, hostile names, a formula-looking
 * company and an absolute path as a file's source.
 */
import { computeAudit, type AuditInput } from '../../shared/audit';
import type { Contact, Lang, RevocationEvent, RevocationView } from '../../shared/domain';
import { computeExposures } from '../../shared/exposure';
import { judgeFamiliarity } from '../../shared/familiarity';
import { computePlan } from '../../shared/plan';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy';
import { buildReportModel } from '../../shared/report/model';
import { planViewers } from '../../shared/report/plan';
import type { ReportInput, ReportModel, ReportPersonInput, ReportPrevious } from '../../shared/report/types';
import { PLATFORM_DEFAULTS } from '../../shared/sharing';

export const NOW = new Date('2026-11-01T12:00:00Z');
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_COMPANY = '"><script>alert(2)</script>';
export const FORMULA_COMPANY = '=HYPERLINK("http://evil.example","klick")';

const person = (id: number, name: string, fields: Partial<Contact> = {}): Contact => ({
  id,
  network: 'linkedin',
  key: `linkedin.com/in/p${id}`,
  name,
  profileUrl: `https://www.linkedin.com/in/p${id}`,
  company: 'Beispiel GmbH',
  position: 'Leitung',
  connectedOn: '2021-03-01',
  ...fields,
});

export const CONTACTS: Contact[] = [
  person(1, 'Jürgen Groß'),
  person(2, HOSTILE_NAME, { company: HOSTILE_COMPANY }),
  person(3, 'Erika Musterfrau', { company: FORMULA_COMPANY }),
  person(4, 'Ömer Çelik', { position: '+49 Recruiter' }),
  person(5, 'Anna Bekannt'),
  person(6, 'Bernd Später'),
];

const REVOCATION: RevocationView = {
  id: 9,
  findingId: 'private-detail-unfamiliar:6:mobile',
  contactId: 6,
  field: 'mobile',
  rule: 'private-detail-unfamiliar',
  action: 'remove-connection',
  status: 'applied',
  createdAt: '2026-10-02T08:30:00Z',
  appliedOn: '2026-10-03',
  resolvedAt: null,
  contactName: 'Bernd Später',
  contactProfileUrl: 'https://www.linkedin.com/in/p6',
  target: '6:*',
} as RevocationView;

export const EVENTS: ReadonlyMap<number, RevocationEvent[]> = new Map([
  [
    9,
    [
      { status: 'planned', at: '2026-10-02T08:30:00Z', note: null },
      {
        status: 'applied',
        at: '2026-10-03T09:00:00Z',
        note: '/home/erika/Downloads/export/Connections.csv (2026-10-03)',
      },
    ],
  ],
]);

export function auditInput(changes: Partial<AuditInput> = {}): AuditInput {
  return {
    contacts: CONTACTS,
    // Anna and Jürgen write back and forth: known; the others never answered.
    interactions: [
      { contactId: 5, sent: 12, received: 9, firstAt: '2023-01-01', lastAt: '2026-09-01' },
      { contactId: 1, sent: 4, received: 5, firstAt: '2024-01-01', lastAt: '2026-08-01' },
      { contactId: 4, sent: 0, received: 3, firstAt: '2025-01-01', lastAt: '2025-02-01' },
    ],
    addressBookLinks: [],
    tags: [],
    invitations: [],
    myDetails: [
      { field: 'privateEmail', value: 'ich@gmx.de', source: '/home/erika/Downloads/export/Email Addresses.csv' },
      { field: 'mobile', value: '+491715550100', source: 'PhoneNumbers.csv' },
      { field: 'birthday', value: '--03-07', source: 'Profile.csv' },
    ],
    sharing: structuredClone(PLATFORM_DEFAULTS),
    uploadedBooks: [],
    mutes: [{ findingId: 'private-detail-unfamiliar:3:mobile', reason: '=Assistenz <b>', until: '2027-01-31' }],
    revocations: [REVOCATION],
    lastImportAt: '2026-10-30T09:05:00Z',
    ...changes,
  };
}

export function reportInputFor(
  lang: Lang,
  options: { input?: AuditInput; policy?: Policy; plans?: boolean; previous?: ReportPrevious | null } = {},
): ReportInput {
  const input = options.input ?? auditInput();
  const policy = options.policy ?? DEFAULT_POLICY;
  const audit = computeAudit(input, lang, NOW, policy);
  const familiarity = judgeFamiliarity(input, policy, NOW);
  const exposures = computeExposures(input.contacts, input.myDetails, input.sharing);
  const people: ReportPersonInput[] = input.contacts
    .map((contact) => ({
      contact,
      familiarity: familiarity.get(contact.id)!,
      exposures: exposures.filter((e) => e.contactId === contact.id).map(({ contactId: _, ...rest }) => rest),
    }))
    .filter((p) => p.exposures.length > 0);
  const planInput = {
    findings: audit.findings,
    viewers: planViewers(people, audit.revocations),
    connections: input.contacts.length,
    policy,
  };
  return {
    audit,
    lang,
    policy,
    sharing: input.sharing,
    people,
    plans:
      options.plans === false
        ? null
        : [computePlan(planInput, 'fewest'), computePlan(planInput, 'keep-known'), computePlan(planInput, 'emergency')],
    revocationEvents: EVENTS,
    previous: options.previous ?? null,
  };
}

export function modelFor(lang: Lang, complete = true, options: Parameters<typeof reportInputFor>[1] = {}): ReportModel {
  return buildReportModel(reportInputFor(lang, options), { complete });
}
