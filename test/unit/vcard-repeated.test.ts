import { describe, expect, it } from 'vitest';
import { categoriesOf, prefRank } from '../../electron/services/importers/vcard';
import { parseVCards } from '../../electron/services/importers/vcard-file';

const params = (entries: Record<string, string[]>) => new Map(Object.entries(entries));
const card = (...lines: string[]) =>
  parseVCards(Buffer.from(['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join('\r\n')), 'x.vcf', () => undefined)[0]!;

describe('CATEGORIES', () => {
  it('an escaped comma is inside one category (RFC 6350); Thunderbird’s, marked by CHARSET, separates', () => {
    expect(categoriesOf('Kunden\\, Partner', true, params({}))).toEqual(['Kunden, Partner']);
    expect(categoriesOf('Kunden\\, Partner', true, params({ CHARSET: ['UTF-8'] }))).toEqual(['Kunden', 'Partner']);
    // Unescaped commas: the writer knows how to separate, so an escaped one is a name's own.
    expect(categoriesOf('A\\, B,C', true, params({ CHARSET: ['UTF-8'] }))).toEqual(['A, B', 'C']);
    // An escaped backslash before a comma is a backslash, then a separator.
    expect(categoriesOf('A\\\\,B', true, params({}))).toEqual(['A\\', 'B']);
    // vCard 2.1 has no escapes: every comma separates.
    expect(categoriesOf('A,B', false, params({ CHARSET: ['UTF-8'] }))).toEqual(['A', 'B']);
  });
});

describe('a property that holds one value, given twice', () => {
  it('ranks PREF=n, then TYPE=pref or a bare PREF, then nothing', () => {
    expect(prefRank(params({ PREF: ['3'] }))).toBe(3);
    expect(prefRank(params({ TYPE: ['WORK', 'PREF'] }))).toBe(1);
    expect(prefRank(params({ TYPE: ['work'] }))).toBe(101);
    expect(prefRank(params({ PREF: ['0'] }))).toBe(101);
  });

  it('keeps the first, unless a later one is preferred; an empty one never replaces', () => {
    expect(card('VERSION:3.0', 'FN:Erste', 'FN:Zweite').name).toBe('Erste');
    expect(card('VERSION:3.0', 'FN:', 'FN:Zweite').name).toBe('Zweite');
    expect(card('VERSION:3.0', 'FN:A', 'ORG:Alt GmbH', 'ORG;TYPE=pref:Neu AG').company).toBe('Neu AG');
    expect(card('VERSION:4.0', 'FN:A', 'ORG;PREF=1:Haupt KG', 'ORG;PREF=2:Neben KG').company).toBe('Haupt KG');
    expect(card('VERSION:2.1', 'FN:A', 'TITLE:Eins', 'TITLE;PREF:Zwei', 'TITLE;PREF:Drei').title).toBe('Zwei');
  });

  it('keeps every email and number', () => {
    const parsed = card('VERSION:3.0', 'FN:A', 'EMAIL:a@x.example', 'EMAIL;TYPE=pref:b@x.example', 'TEL:1', 'TEL:2');
    expect(parsed.emails).toEqual(['a@x.example', 'b@x.example']);
    expect(parsed.phones.map((p) => p.raw)).toEqual(['1', '2']);
  });
});
