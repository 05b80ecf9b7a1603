import { describe, expect, it } from 'vitest';
import type { DetailField } from '../../../shared/domain';
import { findingMessage } from '../../../shared/finding-text';
import { staleGrant } from '../../../shared/rules/stale-grant';
import { contextFor, type Person } from '../../helpers/rules';

describe('rule stale-grant', () => {
  const valid: Array<[string, Person]> = [
    ['a friend you wrote to last month', { sent: 4, received: 5, lastAt: '2026-10-01T10:00:00Z' }],
    ['a friend you last wrote to two years ago (policy: 3)', { sent: 4, received: 5, lastAt: '2024-12-01T10:00:00Z' }],
    ['an unfamiliar contact (that is private-detail-unfamiliar)', { connectedOn: '2015-01-01' }],
    [
      'an address-book contact, connected 8 years ago, never written (a relationship outside the network)',
      { inAddressBook: 'email', connectedOn: '2018-03-01', sees: ['businessEmail'] },
    ],
  ];
  it.each(valid)('no finding: %s', (_name, person) => {
    expect(staleGrant.check(contextFor(person))).toEqual([]);
  });

  const invalid: Array<[string, Person, { field: string; years: number; severity: string }]> = [
    [
      'a former colleague, silent for 5 years, sees your mobile',
      { sent: 10, received: 12, lastAt: '2021-06-01T10:00:00Z' },
      { field: 'mobile', years: 5, severity: 'medium' },
    ],
    [
      'a former colleague, silent for 4 years, sees your business email',
      { sent: 10, received: 12, lastAt: '2022-06-01T10:00:00Z', sees: ['businessEmail'] },
      { field: 'businessEmail', years: 4, severity: 'low' },
    ],
  ];
  it.each(invalid)('finding: %s', (_name, person, expected) => {
    const [report, ...rest] = staleGrant.check(contextFor(person));
    expect(rest).toEqual([]);
    expect(report).toMatchObject({
      messageId: 'stale',
      field: expected.field,
      severity: expected.severity,
      data: { years: expected.years },
    });
  });

  it('N years comes from the policy', () => {
    const person: Person = { sent: 4, received: 5, lastAt: '2024-12-01T10:00:00Z' };
    const policy = { ...contextFor(person).policy, staleYears: 1 };
    expect(staleGrant.check(contextFor(person, policy))).toHaveLength(1);
  });
});

describe('stale-grant: which detail it names, and what the finding carries', () => {
  const silent: Person = { sent: 10, received: 12, lastAt: '2021-06-01T10:00:00Z' };
  it.each<[string, DetailField[], DetailField]>([
    [
      'the mobile number before everything',
      ['businessEmail', 'birthday', 'phone', 'address', 'privateEmail', 'mobile'],
      'mobile',
    ],
    [
      'the private email before the address',
      ['businessEmail', 'birthday', 'phone', 'address', 'privateEmail'],
      'privateEmail',
    ],
    ['the address before the landline', ['businessEmail', 'birthday', 'phone', 'address'], 'address'],
    ['the landline before the birthday', ['businessEmail', 'birthday', 'phone'], 'phone'],
    ['the birthday before the business email', ['businessEmail', 'birthday'], 'birthday'],
    ['the business email last', ['businessEmail'], 'businessEmail'],
  ])('%s', (_name, sees, field) => {
    expect(staleGrant.check(contextFor({ ...silent, sees }))[0]!.field).toBe(field);
  });

  it('the whole finding: the name, the detail and the years; the familiarity evidence; removing the connection', () => {
    const context = contextFor({ ...silent, sees: ['mobile'], assumed: false });
    expect(staleGrant.check(context)).toStrictEqual([
      {
        messageId: 'stale',
        data: { name: 'Erika Musterfrau', field: 'mobile', years: 5 },
        contactId: 1,
        field: 'mobile',
        severity: 'medium',
        evidence: context.familiarity.get(1)!.evidence,
        actions: ['remove-connection'],
        assumed: false,
      },
    ]);
    expect(staleGrant.check({ ...context, preview: true })[0]!.evidence).toEqual([]);
  });

  it('assumed as soon as one of the settings that show it is assumed', () => {
    const context = contextFor({ ...silent, sees: ['mobile', 'privateEmail'], assumed: false });
    const exposures = context.exposures.map((e, i) => ({ ...e, grant: { ...e.grant, assumed: i === 1 } }));
    expect(staleGrant.check({ ...context, exposuresByContact: new Map([[1, exposures]]) })[0]!.assumed).toBe(true);
  });

  it('one-way messages are no exchange: the silence began when you connected', () => {
    const person: Person = { tags: ['Kunde'], received: 2, lastAt: '2025-06-01T00:00:00Z', connectedOn: '2018-03-01' };
    expect(staleGrant.check(contextFor(person))[0]).toMatchObject({ messageId: 'neverExchanged', data: { years: 8 } });
  });

  // Interactions without a date (lastAt null) reach the evidence as "?" (familiarity.ts).
  it('a two-way exchange of unknown date is no "never exchanged": it says messages went both ways, date unknown', () => {
    const context = contextFor({ sent: 3, received: 4, connectedOn: '2018-03-01', sees: ['mobile'] });
    const judgement = context.familiarity.get(1)!;
    const evidence = judgement.evidence.map((e) =>
      e.kind === 'two-way-messages' ? { ...e, data: { ...e.data, lastAt: '?' } } : e,
    );
    const undated = { ...context, familiarity: new Map([[1, { ...judgement, evidence }]]) };
    const [report] = staleGrant.check(undated);
    expect(report).toMatchObject({ messageId: 'exchangedUndated', data: { years: 8 } });
    const text = (lang: 'en' | 'de'): string => findingMessage(lang, { rule: 'stale-grant', ...report! });
    expect(text('en')).toBe(
      'Erika Musterfrau can still see your mobile number; you connected 8 years ago and have exchanged messages, but when you last did is not known.',
    );
    expect(text('de')).toBe(
      'Erika Musterfrau sieht noch immer Ihre Mobilnummer; Sie sind seit 8 Jahren verbunden und haben Nachrichten ausgetauscht, aber wann zuletzt, ist nicht bekannt.',
    );
    expect(text('en')).not.toMatch(/never/);
    expect(text('de')).not.toMatch(/nie /);
  });

  it('never exchanged and connected on an unknown day: no finding', () => {
    expect(staleGrant.check(contextFor({ tags: ['Kunde'], connectedOn: null }))).toEqual([]);
  });

  it('nobody it cannot name: a person without a judgement or not among the contacts', () => {
    const context = contextFor(silent);
    expect(staleGrant.check({ ...context, familiarity: new Map() })).toEqual([]);
    expect(staleGrant.check({ ...context, contacts: new Map() })).toEqual([]);
  });
});
