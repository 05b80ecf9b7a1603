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

describe('tag stems: words, endings and what is left of them', () => {
  it.each([
    // An ending comes off only when three letters stay: "ren" keeps its "en", "fans" loses its "s".
    ['Ren', 'ren'],
    ['Fans', 'fan'],
    ['Kunden', 'kund'],
    // Words are split at anything that is not a letter or a digit, and empty words are dropped.
    ['Kunden, Partner', 'kund partner'],
    ['  Kunde  ', 'kund'],
    ['--Kunde--Partnerin--', 'kund partner'],
    ['Kunde 2024', 'kund 2024'],
    // A decomposed umlaut (as macOS writes file names and some address books labels) is the composed one.
    ['perso\u0308nlich getroffen', 'persönlich getroff'],
  ])('%s → %s', (tag, stem) => {
    expect(tagStem(tag)).toBe(stem);
  });

  it('a tag of no letters has the empty stem, and the empty stem matches nothing', () => {
    expect(tagStem('--- ---')).toBe('');
    const trusted = trustedTagMatcher(['', '---', 'Kunde']);
    expect(trusted('---')).toBeNull();
    expect(trusted('')).toBeNull();
    expect(trusted('Kunden')).toBe('Kunde');
  });

  it('of two trusted tags with the same stem, the first one names the match', () => {
    expect(trustedTagMatcher(['Kunde', 'Kunden'])('kundin')).toBe('Kunde');
    expect(trustedTagMatcher(['Kunden', 'Kunde'])('kundin')).toBe('Kunden');
  });
});
