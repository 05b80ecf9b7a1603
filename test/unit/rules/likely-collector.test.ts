import { describe, expect, it } from 'vitest';
import type { DetailField } from '../../../shared/domain';
import { likelyCollector } from '../../../shared/rules/likely-collector';
import { contextFor, type Person } from '../../helpers/rules';

describe('rule likely-collector', () => {
  const valid: Array<[string, Person]> = [
    ['a recruiter you exchange messages with', { position: 'Senior Recruiter', sent: 3, received: 4 }],
    ['a coach in your address book', { position: 'Business Coach', inAddressBook: 'email' }],
    [
      'a personal invitation from an engineer',
      {
        invitation: { direction: 'incoming', message: 'Schön, Sie auf dem Barcamp in Hamburg kennengelernt zu haben!' },
      },
    ],
    ['silence alone is not collecting', { received: 2 }],
    ['a collector who sees nothing', { position: 'Headhunter', sees: [] }],
  ];
  it.each(valid)('no finding: %s', (_name, person) => {
    expect(likelyCollector.check(contextFor(person))).toEqual([]);
  });

  const invalid: Array<[string, Person, { field: string; count: number; signals: string[] }]> = [
    [
      '"Kontakte schaden nur dem, der keine hat"',
      { invitation: { direction: 'incoming', message: 'Kontakte schaden nur dem, der keine hat!' } },
      { field: 'mobile', count: 2, signals: ['generic-invitation'] },
    ],
    [
      'a win-win pitch',
      {
        invitation: { direction: 'incoming', message: 'Eine echte Win-win-Situation für uns beide' },
        sees: ['privateEmail'],
      },
      { field: 'privateEmail', count: 1, signals: ['generic-invitation'] },
    ],
    [
      "LinkedIn's default sentence (English)",
      { invitation: { direction: 'incoming', message: "I'd like to add you to my professional network on LinkedIn." } },
      { field: 'mobile', count: 2, signals: ['generic-invitation'] },
    ],
    [
      'a Vermögensberater with an unanswered pitch',
      { position: 'Unabhängiger Vermögensberater', received: 1 },
      { field: 'mobile', count: 2, signals: ['pitching-role', 'unanswered-pitch'] },
    ],
    [
      'a recruiter known only by name in an address book',
      { position: 'IT-Recruiterin', inAddressBook: 'name', sees: ['businessEmail'] },
      { field: 'businessEmail', count: 1, signals: ['pitching-role'] },
    ],
  ];
  it.each(invalid)('finding: %s', (_name, person, expected) => {
    const [report, ...rest] = likelyCollector.check(contextFor(person));
    expect(rest).toEqual([]);
    expect(report).toMatchObject({
      messageId: 'collector',
      field: expected.field,
      data: { count: expected.count },
      actions: ['remove-connection'],
    });
    expect(report!.evidence.filter((e) => !e.points && e.points !== 0).map((e) => e.kind)).toEqual(expected.signals);
  });

  it('the phrase and role lists are the policy, not the code', () => {
    const person: Person = { position: 'Versicherungsvertreter' };
    expect(likelyCollector.check(contextFor(person))).toEqual([]);
    const policy = { ...contextFor(person).policy, collector: { phrases: [], roles: ['versicherung'] } };
    expect(likelyCollector.check(contextFor(person, policy))).toHaveLength(1);
  });
});

describe('likely-collector: what the finding carries', () => {
  const collector: Person = {
    position: 'Senior Headhunter',
    sees: ['businessEmail', 'birthday', 'mobile'],
    assumed: false,
  };

  it('the name, how many details and the most sensitive; the signals before the familiarity evidence', () => {
    const context = contextFor(collector);
    const judgement = context.familiarity.get(1)!;
    expect(likelyCollector.check(context)).toStrictEqual([
      {
        messageId: 'collector',
        data: { name: 'Erika Musterfrau', count: 3, field: 'mobile' },
        contactId: 1,
        field: 'mobile',
        evidence: [...judgement.collectorSignals, ...judgement.evidence],
        actions: ['remove-connection'],
        assumed: false,
      },
    ]);
    expect(judgement.collectorSignals.map((s) => s.kind)).toEqual(['pitching-role']);
    expect(likelyCollector.check({ ...context, preview: true })[0]!.evidence).toEqual([]);
  });

  it.each<[DetailField[], DetailField]>([
    [['businessEmail', 'birthday', 'phone', 'address', 'privateEmail'], 'privateEmail'],
    [['businessEmail', 'birthday', 'phone', 'address'], 'address'],
    [['businessEmail', 'birthday', 'phone'], 'phone'],
    [['businessEmail', 'birthday'], 'birthday'],
  ])('of %j it names %s', (sees, field) => {
    expect(likelyCollector.check(contextFor({ ...collector, sees }))[0]!.field).toBe(field);
  });

  it('assumed as soon as one of the settings that show it is assumed', () => {
    const context = contextFor(collector);
    const exposures = context.exposures.map((e, i) => ({ ...e, grant: { ...e.grant, assumed: i === 2 } }));
    expect(likelyCollector.check({ ...context, exposuresByContact: new Map([[1, exposures]]) })[0]!.assumed).toBe(true);
  });

  it('nobody it cannot name: a person without a judgement or not among the contacts', () => {
    const context = contextFor(collector);
    expect(likelyCollector.check({ ...context, familiarity: new Map() })).toEqual([]);
    expect(likelyCollector.check({ ...context, contacts: new Map() })).toEqual([]);
  });
});
