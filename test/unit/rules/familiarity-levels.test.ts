/**
 * Every rule that asks how well the user knows someone, over all three familiarity levels, and the
 * boundaries of the rules with dates (same day, exactly N years).
 */
import { describe, expect, it } from 'vitest';
import type { Familiarity, MyDetail } from '../../../shared/domain';
import { DEFAULT_POLICY } from '../../../shared/policy';
import { birthdayYearVisible } from '../../../shared/rules/birthday-year-visible';
import { privateDetailUnfamiliar } from '../../../shared/rules/private-detail-unfamiliar';
import { staleGrant } from '../../../shared/rules/stale-grant';
import { xingDefaultPrivate } from '../../../shared/rules/xing-default-private';
import { contextFor, sharingWith, type Person } from '../../helpers/rules';

/** One person per level, judged by the real familiarity code with the default policy. */
const LEVELS: Record<Familiarity, Person> = {
  known: { sent: 3, received: 4, lastAt: '2026-10-01T10:00:00Z' },
  acquainted: { tags: ['Kunde'], connectedOn: null },
  unfamiliar: { connectedOn: '2024-06-01' },
};

it('the people of the table really are on those levels', () => {
  for (const [level, person] of Object.entries(LEVELS))
    expect(contextFor(person).familiarity.get(1)!.level, level).toBe(level);
});

describe('private-detail-unfamiliar flags only people you do not know', () => {
  it.each<[Familiarity, number]>([
    ['known', 0],
    ['acquainted', 0],
    ['unfamiliar', 2],
  ])('%s → %i findings', (level, count) => {
    const reports = privateDetailUnfamiliar.check(contextFor({ ...LEVELS[level], sees: ['privateEmail', 'mobile'] }));
    expect(reports).toHaveLength(count);
  });

  it('says "no two-way exchange" only when there is none', () => {
    // A policy that weighs two-way messages too little to make anyone known.
    const policy = {
      ...DEFAULT_POLICY,
      familiarity: {
        ...DEFAULT_POLICY.familiarity,
        weights: { ...DEFAULT_POLICY.familiarity.weights, twoWayMessages: 5 },
      },
    };
    const [report] = privateDetailUnfamiliar.check(contextFor({ ...LEVELS.known, sees: ['mobile'] }, policy));
    expect(report).toMatchObject({ messageId: 'weakEvidence', data: { score: 5 } });
    const [plain] = privateDetailUnfamiliar.check(contextFor({ ...LEVELS.unfamiliar, sees: ['mobile'] }));
    expect(plain).toMatchObject({ messageId: 'visible' });
  });
});

describe('birthday-year-visible counts everyone but the people you know', () => {
  const myDetails: MyDetail[] = [{ field: 'birthday', value: '1980-03-07', source: 'Profile.csv' }];
  it.each<[Familiarity, number]>([
    ['known', 0],
    ['acquainted', 1],
    ['unfamiliar', 1],
  ])('%s → %i findings', (level, count) => {
    expect(
      birthdayYearVisible.check(contextFor({ ...LEVELS[level], sees: ['birthday'] }, undefined, { myDetails })),
    ).toHaveLength(count);
  });
});

describe('stale-grant', () => {
  const policy = { ...DEFAULT_POLICY, staleYears: 3 };
  it.each<[string, string, number]>([
    ['exactly 3 years ago (same day)', '2023-11-01T09:00:00Z', 1],
    ['3 years ago less a day', '2023-11-02T09:00:00Z', 0],
    ['4 years and a day ago', '2022-10-31T09:00:00Z', 1],
  ])('last two-way exchange %s', (_name, lastAt, count) => {
    const reports = staleGrant.check(contextFor({ sent: 3, received: 4, lastAt }, policy));
    expect(reports).toHaveLength(count);
    if (count > 0) expect(reports[0]!.messageId).toBe('stale');
  });

  it('never says "last exchange" about someone you never exchanged a message with', () => {
    const person: Person = {
      tags: ['Kunde'],
      invitation: { direction: 'outgoing', message: 'Danke für das Gespräch zum Projekt Nordstern gestern in Köln.' },
      connectedOn: '2018-03-01',
    };
    const [report, ...rest] = staleGrant.check(contextFor(person, policy));
    expect(rest).toEqual([]);
    expect(report).toMatchObject({ messageId: 'neverExchanged', data: { years: 8 } });
    expect(report!.evidence.map((e) => e.kind)).toContain('no-messages');
  });

  it('an address-book entry is a relationship: never stale', () => {
    expect(staleGrant.check(contextFor({ inAddressBook: 'email', connectedOn: '2018-03-01' }, policy))).toEqual([]);
    expect(
      staleGrant.check(
        contextFor({ inAddressBook: 'email', sent: 2, received: 2, lastAt: '2015-01-01T00:00:00Z' }, policy),
      ),
    ).toEqual([]);
  });

  it('unfamiliar people are left to private-detail-unfamiliar', () => {
    expect(staleGrant.check(contextFor({ connectedOn: '2010-01-01' }, policy))).toEqual([]);
  });
});

describe('xing-default-private: the default applies from its own day on', () => {
  const sharing = sharingWith((s) => (s.xing.defaults = [{ from: '2025-01-01', fields: ['mobile'] }]));
  it.each<[string, string, number]>([
    ['confirmed the day the default was saved', '2025-01-01', 1],
    ['confirmed the day before', '2024-12-31', 0],
    ['confirmed the day after', '2025-01-02', 1],
  ])('%s', (_name, connectedOn, count) => {
    const [report] = xingDefaultPrivate.check(contextFor({ connectedOn }, undefined, { sharing, network: 'xing' }));
    expect(report!.data.count).toBe(count);
  });
});
