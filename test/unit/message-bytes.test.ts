/**
 * The byte-level fast path of the messages reader (importers/message-bytes.ts) and the tables it
 * counts into. Each is checked against the plain implementation it stands in for.
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageDateKey } from '../../electron/services/importers/dates';
import { LinkedInSink, profileKey, profileKeyOf } from '../../electron/services/importers/linkedin';
import { ByteKeyMap, MessageBytes, byteDateKey, hashBytes } from '../../electron/services/importers/message-bytes';
import { PairTable } from '../../electron/services/importers/pairs';
import { noteTexts } from '../helpers/notes';

const HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';

function reader(): { sink: LinkedInSink; bytes: MessageBytes } {
  const sink = new LinkedInSink('messages.csv');
  sink.record(HEADER.split(','), 1);
  sink.latin1 = true;
  return { sink, bytes: MessageBytes.for(sink, ',')! };
}

const row = (from: string, to: string, date = '2024-03-20 15:09:26 UTC', body = '"Hallo, du"'): string =>
  `2-1,,${from},https://www.linkedin.com/in/${from},${to},https://www.linkedin.com/in/${to},${date},,${body},INBOX\n`;

describe('byteDateKey', () => {
  const key = (s: string): number => byteDateKey(Buffer.from(s, 'latin1'), 0, s.length);

  it('reads the export date format exactly as messageDateKey does', () => {
    for (const s of ['2024-03-20 15:09:26 UTC', '1999-12-31 23:59:59 UTC', '2024-02-30 00:00:00 UTC'])
      expect(key(s)).toBe(messageDateKey(s));
  });

  it('leaves every other shape to messageDateKey (-1)', () => {
    for (const s of [
      '2024-13-20 15:09:26 UTC',
      '2024-00-20 15:09:26 UTC',
      '2024-03-32 15:09:26 UTC',
      '2024-03-00 15:09:26 UTC',
      '2024/03/20 15:09:26 UTC',
      '2024-03-20 15:09:26 GMT',
      '2024-03-20T15:09:26 UTC',
      ' 2024-03-20 15:09:26 UTC',
      '2024-03-20 15:09:26',
      '202a-03-20 15:09:26 UTC',
      '2024-03-20 15:0/:26 UTC',
      '',
    ])
      expect(key(s), s).toBe(-1);
  });

  it('never disagrees with messageDateKey (property)', () => {
    const char = fc.constantFrom(...'0123456789 -:/UTCZ'.split(''));
    const shaped = fc
      .tuple(fc.nat(9999), fc.nat(14), fc.nat(33), fc.nat(29), fc.nat(61), fc.nat(61))
      .map(([y, mo, d, h, mi, s]) => {
        const p = (n: number, w = 2): string => String(n).padStart(w, '0');
        return `${p(y, 4)}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}:${p(s)} UTC`;
      });
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string({ unit: char, minLength: 20, maxLength: 25 })), (s) => {
        const fast = key(s);
        if (fast >= 0) expect(fast).toBe(messageDateKey(s));
        else if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) \d\d:\d\d:\d\d UTC$/.test(s)) throw new Error(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ByteKeyMap', () => {
  it('finds exactly what a Map of the same strings finds, across growth (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(
              // Many keys that differ in one character only.
              fc.nat(30_000).map((n) => `in/person-${n.toString(36)}`),
              fc.string({ unit: fc.constantFrom('a', 'b', 'ü', '/', '-'), maxLength: 8 }),
            ),
            fc.boolean(),
          ),
          {
            minLength: 10_000,
            maxLength: 20_000,
          },
        ),
        fc.boolean(),
        (ops, colliding) => {
          // Small at first: it grows several times.
          const map = new ByteKeyMap(16);
          const expected = new Map<string, number>();
          // Also with a hash that puts nearly every key in one chain: the keys must still be told apart.
          for (const [key, add] of colliding ? ops.slice(0, 1500) : ops) {
            const bytes = Buffer.from(`..${key}..`);
            const [s, e] = [2, bytes.length - 2];
            const h = colliding ? key.length & 1 : hashBytes(bytes, s, e);
            expect(map.get(bytes, s, e, h)).toBe(expected.get(key) ?? -1);
            if (add && !expected.has(key)) {
              map.set(bytes, s, e, h, expected.size);
              expected.set(key, expected.size);
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe('PairTable', () => {
  it('counts like a map of (from, to) → count, first and last date, in order of first appearance (property)', () => {
    const message = fc.tuple(fc.nat(40), fc.nat(40), fc.option(fc.nat(1e12), { nil: null }));
    fc.assert(
      fc.property(fc.array(message, { minLength: 500, maxLength: 2000 }), (messages) => {
        // Small at first: it grows several times.
        const table = new PairTable(4);
        const expected = new Map<string, { count: number; first: number | null; last: number | null }>();
        for (const [from, to, date] of messages) {
          table.add(from, to, date);
          const s = expected.get(`${from},${to}`);
          if (!s) expected.set(`${from},${to}`, { count: 1, first: date, last: date });
          else {
            s.count++;
            if (date !== null && (s.first === null || date < s.first)) s.first = date;
            if (date !== null && (s.last === null || date > s.last)) s.last = date;
          }
        }
        const got: Array<[string, { count: number; first: number | null; last: number | null }]> = [];
        table.forEach((from, to, count, first, last) => got.push([`${from},${to}`, { count, first, last }]));
        expect(got).toEqual([...expected]);
        // Through the columns a worker sends, and merged into another table.
        const copy = PairTable.from(table.export());
        const again: typeof got = [];
        copy.forEach((from, to, count, first, last) => again.push([`${from},${to}`, { count, first, last }]));
        expect(again).toEqual(got);
      }),
      { numRuns: 100 },
    );
  });
});

describe('MessageBytes', () => {
  it('reads plain records to the end, without the general scanner', () => {
    const { sink, bytes } = reader();
    const text = row('me', 'anna') + row('anna', 'me') + row('me', 'bert', '2024-03-21 08:00:00 UTC');
    expect(bytes.read(Buffer.from(text), 1)).toEqual({ offset: text.length, line: 4 });
    const result = sink.result!;
    expect(result.kind === 'linkedin-messages' && result.rows).toBe(3);
  });

  it('counts line breaks inside quotes and skips empty lines, as the general scanner does', () => {
    const { bytes } = reader();
    const text = `${row('me', 'anna', undefined, '"eins\nzwei\r\ndrei"')}\n\r\n${row('anna', 'me')}`;
    expect(bytes.read(Buffer.from(text), 10)).toEqual({ offset: text.length, line: 16 });
  });

  it('stops at the first record it leaves to the general scanner, and says on which line', () => {
    const plain = row('me', 'anna');
    for (const odd of [
      // Doubled quotes in a kept field.
      `2-1,,"Pat ""P"" O",https://www.linkedin.com/in/pat,me,https://www.linkedin.com/in/me,2024-01-01 10:00:00 UTC,,x,INBOX\n`,
      // Text after the closing quote of a kept field.
      `2-1,,"Pat"s,https://www.linkedin.com/in/pat,me,https://www.linkedin.com/in/me,2024-01-01 10:00:00 UTC,,x,INBOX\n`,
      // More fields than the header.
      `${row('me', 'anna').trimEnd()},extra\n`,
      // A quote that never closes.
      `2-1,,me,https://www.linkedin.com/in/me,anna,https://www.linkedin.com/in/anna,2024-01-01 10:00:00 UTC,,"open\n`,
    ]) {
      const { bytes } = reader();
      const text = `${plain}${plain}${odd}${plain}`;
      expect(bytes.read(Buffer.from(text), 5), odd).toEqual({ offset: plain.length * 2, line: 7 });
    }
  });

  it('hands unusual but readable records to the sink as text, with their line', () => {
    const { sink, bytes } = reader();
    const text =
      // Two recipients, a sender without URL, white space around a URL, another date format.
      `2-1,,me,https://www.linkedin.com/in/me,"anna, bert","https://www.linkedin.com/in/anna,https://www.linkedin.com/in/bert",2024-01-01 10:00:00 UTC,,x,INBOX\n` +
      `2-1,,,,me,https://www.linkedin.com/in/me,2024-01-01 10:00:00 UTC,,x,INBOX\n` +
      `2-1,,anna, https://www.linkedin.com/in/anna ,me,https://www.linkedin.com/in/me,2024-01-01 10:00:00 UTC,,x,INBOX\n` +
      `2-1,,anna,https://www.linkedin.com/in/anna,me,https://www.linkedin.com/in/me,2023/04/22 09:54:59 UTC,,x,INBOX\n`;
    expect(bytes.read(Buffer.from(text), 1)).toEqual({ offset: text.length, line: 5 });
    expect(noteTexts(sink.warnings)).toEqual(['messages.csv, line 2: message without sender or recipient, skipped']);
    const result = sink.result!;
    if (result.kind !== 'linkedin-messages') throw new Error(result.kind);
    expect(result.rows).toBe(3);
    expect(result.participants).toEqual(['linkedin.com/in/me', 'linkedin.com/in/anna', 'linkedin.com/in/bert']);
    const pairs: string[] = [];
    result.pairs.forEach((from, to, count) => pairs.push(`${from}→${to}: ${count}`));
    expect(pairs).toEqual(['0→1: 1', '0→2: 1', '1→0: 2']);
  });
});

describe('profileKey', () => {
  it('reads every form of profile URL the same way as the pattern does (property)', () => {
    const prefix = fc.constantFrom(
      'https://www.linkedin.com/in/',
      'https://www.linkedin.com/pub/',
      'http://linkedin.com/in/',
      'https://de.linkedin.com/in/',
      'HTTPS://WWW.LINKEDIN.COM/IN/',
      'https://www.linkedin.com/in',
      'https://www.example.com/in/',
      '',
    );
    const slug = fc.string({ unit: fc.constantFrom(...'abcxyz019-_ÄéAZ%C3%BC/?#. '.split('')), maxLength: 12 });
    fc.assert(
      fc.property(prefix, slug, fc.constantFrom('', ' ', '\t'), (p, s, pad) => {
        const url = `${pad}${p}${s}${pad}`;
        const trimmed = url.trim();
        expect(profileKey(url)).toBe(trimmed === '' ? null : profileKeyOf(trimmed));
      }),
      { numRuns: 3000 },
    );
    expect(profileKey('https://www.linkedin.com/in/max-mustermann-1a2b')).toBe('linkedin.com/in/max-mustermann-1a2b');
    expect(profileKey('https://www.linkedin.com/in/J%C3%BCrgen/')).toBe('linkedin.com/in/jürgen');
  });
});
