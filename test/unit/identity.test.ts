import { describe, expect, it } from 'vitest';
import { linkIdentities, type IdentityRecord } from '../../shared/identity';

const record = (id: number, fields: Partial<IdentityRecord> = {}): IdentityRecord => ({
  id,
  name: '',
  company: null,
  emails: [],
  phones: [],
  profileUrl: null,
  ...fields,
});

describe('identity-link evidence is data, not an English sentence', () => {
  it.each([
    [
      'email: the shared email',
      record(1, { name: 'Erika Musterfrau', emails: ['erika@beispiel.example'] }),
      record(10, { name: 'E. M.', emails: ['erika@beispiel.example'] }),
      { method: 'email', value: 'erika@beispiel.example' },
      0.99,
    ],
    [
      'phone: the shared number in E.164',
      record(1, { name: 'Erika Musterfrau', phones: ['+491715550100'] }),
      record(10, { name: 'Erika', phones: ['+491715550100'] }),
      { method: 'phone', value: '+491715550100' },
      0.95,
    ],
    [
      'profile URL: nothing else',
      record(1, { name: 'Erika Musterfrau', profileUrl: 'https://www.linkedin.com/in/erika-m' }),
      record(10, { name: 'Erika', profileUrl: 'http://linkedin.com/in/erika-m/' }),
      { method: 'profile-url' },
      0.99,
    ],
    [
      'name and company: both, as the contact has them',
      record(1, { name: 'Max Mustermann', company: 'Muster AG' }),
      record(10, { name: 'max  mustermann', company: 'MUSTER AG' }),
      { method: 'name-company', name: 'Max Mustermann', company: 'Muster AG' },
      0.85,
    ],
    [
      'name only: the name',
      record(1, { name: 'Jürgen Öztürk' }),
      record(10, { name: 'Jürgen Öztürk', company: 'Firma' }),
      { method: 'name', name: 'Jürgen Öztürk' },
      0.5,
    ],
  ])('%s', (_, contact, entry, evidence, confidence) => {
    expect(linkIdentities([contact], [entry])).toEqual([
      { contactId: 1, entryId: 10, otherContactId: null, method: evidence.method, confidence, evidence },
    ]);
  });

  it('the strongest way wins, and its evidence is the one kept', () => {
    const contact = record(1, {
      name: 'Max Mustermann',
      company: 'Muster AG',
      emails: ['max@muster.example'],
      phones: ['+491715550300'],
    });
    const entry = record(10, { ...contact, id: 10 });
    expect(linkIdentities([contact], [entry]).map((l) => l.evidence)).toEqual([
      { method: 'email', value: 'max@muster.example' },
    ]);
  });

  it('a LinkedIn connection and a XING contact: the same evidence, pointing at the other contact', () => {
    const linkedIn = record(1, { name: 'Max Mustermann', company: 'Muster AG', network: 'linkedin' });
    const xing = record(2, { name: 'Max Mustermann', company: 'Muster AG', network: 'xing' });
    expect(linkIdentities([linkedIn, xing], [])).toEqual([
      {
        contactId: 1,
        entryId: null,
        otherContactId: 2,
        method: 'name-company',
        confidence: 0.85,
        evidence: { method: 'name-company', name: 'Max Mustermann', company: 'Muster AG' },
      },
    ]);
  });

  it('no evidence key is present without its value (absent, not undefined)', () => {
    const [link] = linkIdentities(
      [record(1, { name: 'A', profileUrl: 'https://www.linkedin.com/in/a' })],
      [record(10, { name: 'B', profileUrl: 'https://www.linkedin.com/in/a' })],
    );
    expect(Object.keys(link!.evidence)).toEqual(['method']);
  });
});
