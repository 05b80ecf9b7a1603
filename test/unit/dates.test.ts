import { describe, expect, it } from 'vitest';
import { parseExportDate } from '../../electron/services/importers/dates';

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
