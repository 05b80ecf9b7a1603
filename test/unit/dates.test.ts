import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateFromKey, messageDateKey, parseExportDate } from '../../electron/services/importers/dates';

describe('parseExportDate reads every date format seen in LinkedIn exports', () => {
  it.each([
    ['20 Mar 2024', '2024-03-20'],
    ['05 Jan 2019', '2019-01-05'],
    ['3/12/24, 11:20 AM', '2024-03-12T11:20:00Z'],
    ['1/8/18, 6:14 PM', '2018-01-08T18:14:00Z'],
    ['12/1/23, 12:05 AM', '2023-12-01T00:05:00Z'],
    ['2024-03-20 15:09:26 UTC', '2024-03-20T15:09:26Z'],
    ['2023/04/22 09:54:59 UTC', '2023-04-22T09:54:59Z'],
    ['Mon Mar 28 14:17:11 UTC 2022', '2022-03-28T14:17:11Z'],
    ['Jan 2024', '2024-01'],
    ['Mar 7', '--03-07'],
    ['Mar 7, 1980', '1980-03-07'],
    ['  20 Mar 2024  ', '2024-03-20'],
  ])('%s → %s', (raw, expected) => {
    expect(parseExportDate(raw)).toBe(expected);
  });

  it.each(['', 'yesterday', '31/31/24', '2024-13-01', 'Foo 2024'])('returns null for "%s"', (raw) => {
    expect(parseExportDate(raw)).toBeNull();
  });
});

describe('message date keys', () => {
  const two = (n: number): string => String(n).padStart(2, '0');
  /** One instant in the formats messages.csv files have used. */
  const formats = (d: Date): string[] => {
    const [y, m, day, h, min, s] = [
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ];
    return [
      `${y}-${two(m)}-${two(day)} ${two(h)}:${two(min)}:${two(s)} UTC`,
      `${y}/${two(m)}/${two(day)} ${two(h)}:${two(min)}:${two(s)} UTC`,
      `${y}-${two(m)}-${two(day)}`,
      `${m}/${day}/${y}, ${h % 12 || 12}:${two(min)} ${h < 12 ? 'AM' : 'PM'}`,
    ];
  };
  const instant = fc.date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2090-12-31T23:59:59Z'),
    noInvalidDate: true,
  });

  it('turns back into exactly what parseExportDate gives, and sorts like it', () => {
    fc.assert(
      fc.property(instant, instant, fc.nat(3), fc.nat(3), (a, b, i, j) => {
        const ra = formats(a)[i]!;
        const rb = formats(b)[j]!;
        const [ka, kb] = [messageDateKey(ra), messageDateKey(rb)];
        const [ia, ib] = [parseExportDate(ra), parseExportDate(rb)];
        expect(dateFromKey(ka)).toBe(ia);
        expect(dateFromKey(kb)).toBe(ib);
        expect(ka === kb).toBe(ia === ib);
        expect(ka! < kb!).toBe(ia! < ib!);
      }),
    );
  });

  it('keeps partial dates as parseExportDate writes them, in the same order', () => {
    const raws = ['Mar 7', 'Jan 2024', '20 Jan 2024', '2024-01-20 00:00:00 UTC', '2024-01-20 09:30:00 UTC'];
    expect(raws.map((r) => dateFromKey(messageDateKey(r)))).toEqual(raws.map(parseExportDate));
    const keys = raws.map((r) => messageDateKey(r)!);
    const isos = raws.map((r) => parseExportDate(r)!);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
    expect([...isos].sort()).toEqual(isos);
  });

  it('rejects what parseExportDate rejects', () => {
    for (const raw of ['2024-13-01 10:00:00 UTC', '2024-02-32 10:00:00 UTC', 'gestern', '']) {
      expect(messageDateKey(raw)).toBeNull();
      expect(parseExportDate(raw)).toBeNull();
    }
  });
});
