import { describe, expect, it } from 'vitest';
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
