import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../shared/policy';
import { tagStem, trustedTagMatcher } from '../../shared/tags';
import { contextFor } from '../helpers/rules';

describe('trusted tags match by word form, case-insensitively', () => {
  const trusted = trustedTagMatcher(['Kunde', 'client', 'Partner', 'persönlich getroffen']);
  it.each([
    ['Kunde', 'Kunde'],
    ['kunden', 'Kunde'],
    ['KUNDIN', 'Kunde'],
    ['Kundinnen', 'Kunde'],
    ['Clients', 'client'],
    ['Partnerin', 'Partner'],
    ['Partners', 'Partner'],
    ['Persönlich getroffen', 'persönlich getroffen'],
  ])('%s matches %s', (tag, expected) => {
    expect(trusted(tag)).toBe(expected);
  });

  it.each(['Kundenservice', 'Kun', 'Win-win', 'getroffen', ''])('%s matches nothing', (tag) => {
    expect(trusted(tag)).toBeNull();
  });

  it('keeps short words whole', () => {
    expect(tagStem('Ex')).toBe('ex');
    expect(tagStem('Fans')).toBe('fan');
  });

  it('a Google label "Kunden" makes a client acquainted under the trusted tag "kunde"', () => {
    const judgement = contextFor({ tags: ['Kunden'], connectedOn: null }).familiarity.get(1)!;
    expect(DEFAULT_POLICY.trustedTags).toContain('kunde');
    expect(judgement.level).toBe('acquainted');
    expect(judgement.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'trusted-tag',
        data: expect.objectContaining({ tag: 'Kunden', trusted: 'kunde' }),
      }),
    );
  });
});
