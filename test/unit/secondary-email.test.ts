import { describe, expect, it } from 'vitest';
import { computeAudit, type AuditInput } from '../../shared/audit';
import type { Contact } from '../../shared/domain';
import { sharingWith } from '../helpers/rules';

const NOW = new Date('2026-11-01T12:00:00Z');
const contact: Contact = {
  id: 1,
  network: 'linkedin',
  key: 'linkedin.com/in/erika',
  name: 'Erika Musterfrau',
  profileUrl: 'https://www.linkedin.com/in/erika',
  company: null,
  position: null,
  connectedOn: '2024-01-01',
};

function input(primaryPrivate: boolean): AuditInput {
  return {
    contacts: [contact],
    interactions: [],
    addressBookLinks: [],
    tags: [],
    invitations: [],
    myDetails: [
      { field: 'businessEmail', value: 'ich@firma.example', source: 'Email Addresses.csv', primary: !primaryPrivate },
      { field: 'privateEmail', value: 'ich@gmx.de', source: 'Email Addresses.csv', primary: primaryPrivate },
    ],
    sharing: sharingWith((s) => (s.linkedin.emailVisibility = { value: 'everyone', declared: true })),
    uploadedBooks: [],
    mutes: [],
    revocations: [],
    lastImportAt: null,
  };
}

describe('a secondary email (not the primary) is shown to nobody', () => {
  it('no finding names it, however open the email setting is', () => {
    const audit = computeAudit(input(false), 'en', NOW);
    const fields = new Set(audit.findings.map((f) => f.field));
    expect(fields.has('privateEmail')).toBe(false);
    expect(audit.findings.filter((f) => f.rule === 'visible-to-everyone').map((f) => f.field)).toEqual([
      'businessEmail',
    ]);
    expect(audit.myDetails.map((d) => d.field)).toEqual(['businessEmail']);
  });

  it('the primary one is', () => {
    const audit = computeAudit(input(true), 'en', NOW);
    expect(audit.findings.filter((f) => f.rule === 'visible-to-everyone').map((f) => f.field)).toEqual([
      'privateEmail',
    ]);
  });
});
