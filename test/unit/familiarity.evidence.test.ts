/**
 * Each piece of familiarity evidence with exactly the data the UI, the CLI and the report render,
 * and the boundaries of the judgement: message directions, the personal-note length, years of
 * silence, the level thresholds, and collector signals only where they belong.
 */
import { describe, expect, it } from 'vitest';
import type { Contact, Interaction } from '../../shared/domain';
import {
  judgeFamiliarity,
  type AddressBookLink,
  type ContactTag,
  type FamiliarityInput,
  type InvitationFact,
} from '../../shared/familiarity';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy';

const NOW = new Date('2026-11-01T00:00:00Z');

const contact = (fields: Partial<Contact> = {}): Contact => ({
  id: 1,
  network: 'linkedin',
  key: 'linkedin.com/in/erika',
  name: 'Erika Musterfrau',
  profileUrl: null,
  company: 'Beispiel GmbH',
  position: 'Projektleiterin',
  connectedOn: null,
  ...fields,
});

const messages = (sent: number, received: number, lastAt: string | null = '2026-10-01T10:00:00Z'): Interaction => ({
  contactId: 1,
  sent,
  received,
  firstAt: null,
  lastAt,
});

const link = (method: AddressBookLink['method'], evidence: AddressBookLink['evidence']): AddressBookLink => ({
  contactId: 1,
  source: 'iPhone.vcf',
  method,
  confidence: 0.9,
  evidence,
});

const invitation = (
  direction: InvitationFact['direction'],
  message: string | null,
  sentAt: string | null = '2025-05-30T10:00:00Z',
): InvitationFact => ({ contactId: 1, direction, message, sentAt });

const tag = (name: string): ContactTag => ({ contactId: 1, tag: name, source: 'XING' });

function judge(input: Partial<FamiliarityInput> & { contact?: Partial<Contact> }, policy: Policy = DEFAULT_POLICY) {
  return judgeFamiliarity(
    {
      contacts: [contact(input.contact)],
      interactions: input.interactions ?? [],
      addressBookLinks: input.addressBookLinks ?? [],
      tags: input.tags ?? [],
      invitations: input.invitations ?? [],
    },
    policy,
    NOW,
  ).get(1)!;
}

const kinds = (evidence: ReadonlyArray<{ kind: string }>) => evidence.map((e) => e.kind);

/** A personal note of exactly `length` characters. */
const note = (length: number) => 'Schön, Sie in Köln getroffen zu haben!'.padEnd(length, '.').slice(0, length);

describe('messages: which way they went', () => {
  it('two-way: both directions, with the last exchange', () => {
    expect(judge({ interactions: [messages(2, 3)] })).toStrictEqual({
      level: 'known',
      score: 60,
      evidence: [
        { kind: 'two-way-messages', data: { sent: 2, received: 3, lastAt: '2026-10-01T10:00:00Z' }, points: 60 },
      ],
      collectorSignals: [],
    });
  });

  it('two-way without a known date says "?" for the last exchange', () => {
    expect(judge({ interactions: [messages(1, 1, null)] }).evidence).toStrictEqual([
      { kind: 'two-way-messages', data: { sent: 1, received: 1, lastAt: '?' }, points: 60 },
    ]);
  });

  it('only your messages: one-way, no points, no collector signal, no years of silence', () => {
    expect(judge({ interactions: [messages(3, 0)], contact: { connectedOn: '2020-06-01' } })).toStrictEqual({
      level: 'unfamiliar',
      score: 0,
      evidence: [
        { kind: 'one-way-messages', data: { sent: 3, received: 0, lastAt: '2026-10-01T10:00:00Z' }, points: 0 },
      ],
      collectorSignals: [],
    });
  });

  it('only their messages: one-way, an unanswered pitch, no years of silence', () => {
    expect(judge({ interactions: [messages(0, 4, null)], contact: { connectedOn: '2020-06-01' } })).toStrictEqual({
      level: 'unfamiliar',
      score: 0,
      evidence: [{ kind: 'one-way-messages', data: { sent: 0, received: 4, lastAt: '?' }, points: 0 }],
      collectorSignals: [{ kind: 'unanswered-pitch', data: { received: 4 } }],
    });
  });

  it('no messages at all', () => {
    expect(judge({}).evidence).toStrictEqual([{ kind: 'no-messages', data: {}, points: 0 }]);
  });
});

describe('address books: the strongest link, its evidence as data', () => {
  it('a link by email beats one by name, and carries the email', () => {
    const j = judge({
      addressBookLinks: [
        link('name', { method: 'name', name: 'Erika Musterfrau' }),
        link('email', { method: 'email', value: 'erika@example.de' }),
      ],
    });
    expect(j.score).toBe(50);
    expect(j.evidence[1]).toStrictEqual({
      kind: 'in-address-book',
      data: { source: 'iPhone.vcf', method: 'email', value: 'erika@example.de' },
      points: 50,
    });
  });

  it('a link by name and company carries both, and nothing else', () => {
    const j = judge({
      addressBookLinks: [link('name-company', { method: 'name-company', name: 'Erika M.', company: 'Beispiel' })],
    });
    expect(j.evidence[1]).toStrictEqual({
      kind: 'in-address-book',
      data: { source: 'iPhone.vcf', method: 'name-company', name: 'Erika M.', company: 'Beispiel' },
      points: 50,
    });
  });

  it('a link by profile URL carries only its source and method', () => {
    const j = judge({ addressBookLinks: [link('profile-url', { method: 'profile-url' })] });
    expect(j.evidence[1]).toStrictEqual({
      kind: 'in-address-book',
      data: { source: 'iPhone.vcf', method: 'profile-url' },
      points: 50,
    });
  });

  it('a bare name alone counts less', () => {
    const j = judge({ addressBookLinks: [link('name', { method: 'name', name: 'Erika Musterfrau' })] });
    expect(j).toMatchObject({ level: 'acquainted', score: 25 });
    expect(j.evidence[1]).toStrictEqual({
      kind: 'in-address-book',
      data: { source: 'iPhone.vcf', method: 'name', name: 'Erika Musterfrau' },
      points: 25,
    });
  });
});

describe('tags: the trusted one among several', () => {
  it('finds the trusted tag after an untrusted one, and names both forms', () => {
    const j = judge({ tags: [tag('Messe 2019'), tag('Kunden'), tag('Partner')] });
    expect(j.score).toBe(40);
    expect(j.evidence[1]).toStrictEqual({
      kind: 'trusted-tag',
      data: { tag: 'Kunden', trusted: 'kunde', source: 'XING' },
      points: 40,
    });
  });

  it('untrusted tags alone are no evidence', () => {
    expect(kinds(judge({ tags: [tag('Messe 2019'), tag('Newsletter')] }).evidence)).toEqual(['no-messages']);
  });
});

describe('invitations: only a personal note you sent counts', () => {
  it('a personal note you sent, dated by its day', () => {
    expect(judge({ invitations: [invitation('outgoing', note(40))] }).evidence[1]).toStrictEqual({
      kind: 'personal-invitation',
      data: { sentAt: '2025-05-30' },
      points: 30,
    });
  });

  it('without a date it says "?"', () => {
    expect(judge({ invitations: [invitation('outgoing', note(40), null)] }).evidence[1]).toMatchObject({
      data: { sentAt: '?' },
    });
  });

  it('counts once, however many personal notes you sent', () => {
    const j = judge({ invitations: [invitation('outgoing', note(40)), invitation('outgoing', note(50))] });
    expect(j.score).toBe(30);
    expect(kinds(j.evidence)).toEqual(['no-messages', 'personal-invitation']);
  });

  it('a personal note they sent you is not yours', () => {
    expect(kinds(judge({ invitations: [invitation('incoming', note(40))] }).evidence)).toEqual(['no-messages']);
  });

  it.each<[string, string | null, boolean]>([
    ['no note', null, false],
    ['24 characters', note(24), false],
    ['exactly 25 characters', note(25), true],
    ['24 characters padded with spaces', `   ${note(24)}   `, false],
  ])('%s → personal: %s', (_name, message, personal) => {
    expect(
      kinds(judge({ invitations: [invitation('outgoing', message)] }).evidence).includes('personal-invitation'),
    ).toBe(personal);
  });
});

describe('years of silence count only against someone nothing vouches for', () => {
  it.each<[string, string, number | null]>([
    ['connected less than a year ago', '2026-06-01', null],
    ['connected exactly a year ago', '2025-11-01', 1],
    ['connected six years ago', '2020-06-01', 6],
  ])('%s', (_name, connectedOn, years) => {
    const j = judge({ contact: { connectedOn } });
    if (years === null) expect(kinds(j.evidence)).toEqual(['no-messages']);
    else expect(j.evidence[1]).toStrictEqual({ kind: 'silent-years', data: { years }, points: years * -5 });
  });

  it('not once a tag vouches for them', () => {
    expect(kinds(judge({ tags: [tag('Kunde')], contact: { connectedOn: '2018-01-01' } }).evidence)).toEqual([
      'no-messages',
      'trusted-tag',
    ]);
  });
});

describe('levels: the policy thresholds are inclusive', () => {
  const policy = (trustedTag: number): Policy => ({
    ...DEFAULT_POLICY,
    familiarity: { ...DEFAULT_POLICY.familiarity, weights: { ...DEFAULT_POLICY.familiarity.weights, trustedTag } },
  });
  it.each<[number, string]>([
    [19, 'unfamiliar'],
    [20, 'acquainted'],
    [49, 'acquainted'],
    [50, 'known'],
  ])('a score of %i is %s', (score, level) => {
    expect(judge({ tags: [tag('Kunde')] }, policy(score)).level).toBe(level);
  });
});

describe('collector signals, with what they rest on', () => {
  it('a generic invitation they sent, quoted up to 160 characters, with the phrase found', () => {
    const text = `Hallo!  Kontakte   schaden nur dem,\nder keine hat. ${'Viele Grüße aus München. '.repeat(10)}`;
    const j = judge({ invitations: [invitation('incoming', text)] });
    expect(j.collectorSignals).toStrictEqual([
      {
        kind: 'generic-invitation',
        data: { text: text.slice(0, 160), phrase: 'kontakte schaden nur dem, der keine hat' },
      },
    ]);
    expect(text.length).toBeGreaterThan(160);
  });

  it('a generic invitation you sent says nothing about them', () => {
    const j = judge({ invitations: [invitation('outgoing', "I'd like to add you to my professional network.")] });
    expect(j.collectorSignals).toEqual([]);
  });

  it('a pitching role, with the position and the role found', () => {
    expect(judge({ contact: { position: 'Senior Recruiter DACH' } }).collectorSignals).toStrictEqual([
      { kind: 'pitching-role', data: { position: 'Senior Recruiter DACH', role: 'recruiter' } },
    ]);
  });
});
