/**
 * wholeYearsSince: whole calendar years between a day and now, exactly N on the N-th anniversary
 * and N − 1 the day before — the boundary of every "N years" rule (stale shares, years of silence).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholeYearsSince } from '../../shared/dates';

const DAY = 24 * 60 * 60 * 1000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('whole years since a day', () => {
  const now = new Date('2026-11-01T09:30:00Z');
  it.each<[string, number]>([
    ['2023-11-01', 3],
    ['2023-11-02', 2],
    ['2023-10-31', 3],
    ['2023-12-01', 2],
    ['2023-10-01', 3],
    ['2026-11-01', 0],
    ['2026-10-31', 0],
    ['2025-11-02', 0],
    ['2025-11-01', 1],
    ['2023-11-01T23:59:59Z', 3],
    ['2023-11-02T00:00:00Z', 2],
  ])('%s → %i', (since, years) => {
    expect(wholeYearsSince(since, now)).toBe(years);
  });

  it.each(['', 'gestern', '01.11.2023', '2023-11', '2023-1-01', '2023-11-1', '23-11-01', 'x2023-11-01', ' 2023-11-01'])(
    '"%s" cannot be read: null',
    (since) => {
      expect(wholeYearsSince(since, now)).toBeNull();
    },
  );

  it('counts on the UTC day of now, whatever its hour', () => {
    expect(wholeYearsSince('2023-11-01', new Date('2026-11-01T00:00:00Z'))).toBe(3);
    expect(wholeYearsSince('2023-11-01', new Date('2026-10-31T23:59:59Z'))).toBe(2);
  });

  it('a leap day: the anniversary is 1 March in other years', () => {
    expect(wholeYearsSince('2020-02-29', new Date('2021-02-28T12:00:00Z'))).toBe(0);
    expect(wholeYearsSince('2020-02-29', new Date('2021-03-01T12:00:00Z'))).toBe(1);
    expect(wholeYearsSince('2020-02-29', new Date('2024-02-29T12:00:00Z'))).toBe(4);
  });

  const day = fc
    .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));

  it('exactly N on the N-th anniversary, N − 1 the day before', () => {
    fc.assert(
      fc.property(
        day.filter((d) => !(d.getUTCMonth() === 1 && d.getUTCDate() === 29)),
        fc.integer({ min: 1, max: 60 }),
        (since, n) => {
          const anniversary = new Date(Date.UTC(since.getUTCFullYear() + n, since.getUTCMonth(), since.getUTCDate()));
          expect(wholeYearsSince(iso(since), anniversary)).toBe(n);
          expect(wholeYearsSince(iso(since), new Date(anniversary.getTime() + DAY - 1))).toBe(n);
          expect(wholeYearsSince(iso(since), new Date(anniversary.getTime() - 1))).toBe(n - 1);
        },
      ),
    );
  });

  it('is the difference of the years, less one before the anniversary, and never decreases', () => {
    fc.assert(
      fc.property(day, day, day, (since, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [y1, y2] = [wholeYearsSince(iso(since), early)!, wholeYearsSince(iso(since), late)!];
        expect(y2).toBeGreaterThanOrEqual(y1);
        const years = late.getUTCFullYear() - since.getUTCFullYear();
        const reached = iso(late).slice(5) >= iso(since).slice(5);
        expect(y2).toBe(reached ? years : years - 1);
      }),
    );
  });
});
