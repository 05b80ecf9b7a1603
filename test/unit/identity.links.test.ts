/**
 * How records are linked as the same person: profile URLs compared as addresses, the order of
 * strength (email, profile URL, phone, name + company, bare name), name + company only with both,
 * a bare name only when unique on both sides (within each network), and links across networks from
 * the LinkedIn side only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_CONFIDENCE, linkIdentities, type IdentityRecord } from '../../shared/identity';

const record = (id: number, fields: Partial<IdentityRecord> = {}): IdentityRecord => ({
  id,
  name: '',
  company: null,
  emails: [],
  phones: [],
  profileUrl: null,
  ...fields,
});

/** contactId→entryId (or →contact id across networks) by method. */
const links = (contacts: IdentityRecord[], entries: IdentityRecord[]) =>
  linkIdentities(contacts, entries).map(
    (l) => `${l.contactId}→${l.entryId ?? `c${l.otherContactId}`}:${l.method}:${l.confidence}`,
  );

describe('profile URLs are compared as addresses', () => {
  const contact = record(1, { name: 'A', profileUrl: 'https://www.linkedin.com/in/erika-m' });
  it.each([
    'https://www.linkedin.com/in/erika-m',
    'http://www.linkedin.com/in/erika-m',
    'https://linkedin.com/in/erika-m',
    '  HTTPS://WWW.LinkedIn.com/in/Erika-M  ',
    'https://www.linkedin.com/in/erika-m/',
    'https://www.linkedin.com/in/erika-m//',
    'https://www.linkedin.com/in/erika-m?trk=public_profile',
    'https://www.linkedin.com/in/erika-m#about',
    'linkedin.com/in/erika-m',
  ])('%s is the same profile', (url) => {
    expect(links([contact], [record(10, { name: 'B', profileUrl: url })])).toEqual(['1→10:profile-url:0.99']);
  });

  it.each([
    'https://www.linkedin.com/in/erika-m2',
    'https://www.linkedin.com/in/erika',
    'https://www.linkedin.com/in/erika-m/details',
    'ftp://www.linkedin.com/in/erika-m',
    'https://www.linkedin.com/in/erika-m-x?trk=erika-m',
    'https://wwwlinkedin.com/in/erika-m',
    'https://linkedin.com/in/www.erika-m',
  ])('%s is another', (url) => {
    expect(links([contact], [record(10, { name: 'B', profileUrl: url })])).toEqual([]);
  });

  it('an address that is nothing but its scheme links nobody', () => {
    for (const url of ['https://', 'https://www.', 'https://?x', '/', ''])
      expect(links([record(1, { name: 'A', profileUrl: url })], [record(10, { name: 'B', profileUrl: url })])).toEqual(
        [],
      );
  });
});

describe('the strongest way wins', () => {
  const same = {
    name: 'Max Mustermann',
    company: 'Muster AG',
    emails: ['max@muster.example'],
    phones: ['+491715550300'],
    profileUrl: 'https://www.linkedin.com/in/max',
  };
  it.each<[string, Partial<IdentityRecord>, string]>([
    ['email over everything', {}, 'email'],
    ['profile URL over phone', { emails: [] }, 'profile-url'],
    ['phone over name and company', { emails: [], profileUrl: null }, 'phone'],
    ['name and company over the bare name', { emails: [], profileUrl: null, phones: [] }, 'name-company'],
    ['the bare name last', { emails: [], profileUrl: null, phones: [], company: 'Andere GmbH' }, 'name'],
  ])('%s', (_name, without, method) => {
    const entry = record(10, { ...same, ...without });
    const [link, ...rest] = linkIdentities([record(1, same)], [entry]);
    expect(rest).toEqual([]);
    expect([link!.method, link!.confidence]).toEqual([method, LINK_CONFIDENCE[link!.method]]);
  });

  it('each entry a contact matches is linked once, each by its own evidence', () => {
    const contact = record(1, { name: 'Max', emails: ['a@x.example', 'b@x.example'], phones: ['+491715550300'] });
    expect(
      linkIdentities(
        [contact],
        [
          record(10, { name: 'M1', emails: ['b@x.example', 'a@x.example'] }),
          record(11, { name: 'M2', phones: ['+491715550300'] }),
          record(12, { name: 'M3', emails: ['c@x.example'] }),
        ],
      ).map((l) => [l.entryId, l.evidence]),
    ).toEqual([
      [10, { method: 'email', value: 'a@x.example' }],
      [11, { method: 'phone', value: '+491715550300' }],
    ]);
  });

  it('the confidence of each way', () => {
    expect(LINK_CONFIDENCE).toEqual({ email: 0.99, 'profile-url': 0.99, phone: 0.95, 'name-company': 0.85, name: 0.5 });
  });
});

describe('names', () => {
  it('name + company needs both, compared without accents, case and punctuation', () => {
    const contact = record(1, { name: 'Jürgen Öztürk', company: 'Muster-AG' });
    expect(links([contact], [record(10, { name: 'JURGEN  OZTURK', company: 'muster ag' })])).toEqual([
      '1→10:name-company:0.85',
    ]);
    // Without a company on one side it is the bare name, which here is unique: a weaker link.
    expect(links([contact], [record(10, { name: 'Jürgen Öztürk', company: '  ' })])).toEqual(['1→10:name:0.5']);
    expect(
      links(
        [record(1, { name: 'Jürgen Öztürk', company: null })],
        [record(10, { name: 'Jürgen Öztürk', company: 'X' })],
      ),
    ).toEqual(['1→10:name:0.5']);
  });

  it('a company alone links nobody', () => {
    expect(
      links([record(1, { name: '', company: 'Muster AG' })], [record(10, { name: '-', company: 'Muster AG' })]),
    ).toEqual([]);
  });

  it('a bare name only when it is unique among the entries', () => {
    expect(
      links(
        [record(1, { name: 'Anna Schmidt' })],
        [record(10, { name: 'Anna Schmidt' }), record(11, { name: 'anna schmidt' })],
      ),
    ).toEqual([]);
  });

  it('a bare name only when it is unique among the contacts of that network', () => {
    const entry = record(10, { name: 'Anna Schmidt' });
    expect(links([record(1, { name: 'Anna Schmidt' }), record(2, { name: 'Anna Schmidt' })], [entry])).toEqual([]);
    expect(
      links(
        [
          record(1, { name: 'Anna Schmidt', network: 'linkedin' }),
          record(2, { name: 'Anna Schmidt', network: 'xing' }),
        ],
        [entry],
      ),
    ).toEqual(['1→10:name:0.5', '2→10:name:0.5', '1→c2:name:0.5']);
  });

  it('records without a name are never linked by name', () => {
    expect(links([record(1, { name: '' })], [record(10, { name: '' })])).toEqual([]);
    expect(links([record(1, { name: '…' })], [record(10, { name: '!' })])).toEqual([]);
  });
});

describe('across networks', () => {
  it('a LinkedIn connection points at the XING contact, never the other way round', () => {
    const linkedIn = record(1, { name: 'Max', emails: ['max@x.example'], network: 'linkedin' });
    const xing = record(2, { name: 'Maximilian', emails: ['max@x.example'], network: 'xing' });
    expect(linkIdentities([xing, linkedIn], [])).toStrictEqual([
      {
        contactId: 1,
        entryId: null,
        otherContactId: 2,
        method: 'email',
        confidence: 0.99,
        evidence: { method: 'email', value: 'max@x.example' },
      },
    ]);
  });

  it('two XING contacts are not linked to each other, nor two LinkedIn connections', () => {
    const email = ['max@x.example'];
    expect(
      links(
        [
          record(1, { name: 'A', emails: email, network: 'xing' }),
          record(2, { name: 'B', emails: email, network: 'xing' }),
          record(3, { name: 'C', emails: email, network: 'linkedin' }),
          record(4, { name: 'D', emails: email, network: 'linkedin' }),
        ],
        [],
      ),
    ).toEqual(['3→c1:email:0.99', '3→c2:email:0.99', '4→c1:email:0.99', '4→c2:email:0.99']);
  });
});

describe('properties', () => {
  const email = fc.constantFrom('a@x.example', 'b@x.example', 'c@x.example');
  const name = fc.constantFrom('Anna Schmidt', 'Max Mustermann', 'Erika Musterfrau', '');
  const arbitraryRecord = (id: number) =>
    fc
      .record({
        name,
        emails: fc.subarray(['a@x.example', 'b@x.example', 'c@x.example']),
        company: fc.constantFrom(null, 'Muster AG'),
      })
      .map((r) => record(id, r));

  it('every link has its evidence, and the evidence holds on both records', () => {
    fc.assert(
      fc.property(
        fc.tuple(arbitraryRecord(1), arbitraryRecord(2)),
        fc.tuple(arbitraryRecord(10), arbitraryRecord(11)),
        (contacts, entries) => {
          const byId = new Map([...contacts, ...entries].map((r) => [r.id, r]));
          for (const l of linkIdentities(contacts, entries)) {
            const [a, b] = [byId.get(l.contactId)!, byId.get(l.entryId!)!];
            expect(l.confidence).toBe(LINK_CONFIDENCE[l.method]);
            expect(l.evidence.method).toBe(l.method);
            if (l.method === 'email') {
              expect(a.emails).toContain(l.evidence.value);
              expect(b.emails).toContain(l.evidence.value);
            } else {
              // Without a shared email, the link rests on the name.
              expect(a.emails.some((e) => b.emails.includes(e))).toBe(false);
              expect(a.name.toLowerCase()).toBe(b.name.toLowerCase());
              expect(a.name).not.toBe('');
            }
          }
        },
      ),
    );
  });

  it('a shared email always links, whatever else differs', () => {
    fc.assert(
      fc.property(arbitraryRecord(1), arbitraryRecord(10), email, (contact, entry, shared) => {
        const [link] = linkIdentities([{ ...contact, emails: [shared] }], [{ ...entry, emails: [shared] }]);
        expect(link!.evidence).toEqual({ method: 'email', value: shared });
      }),
    );
  });
});
