const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German exports
  mär: 3,
  mai: 5,
  okt: 10,
  dez: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number, time?: string): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2200)) return null;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  return time ? `${date}T${time}Z` : date;
}

function month(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

/**
 * The date formats seen in LinkedIn exports (FORMATS.md §2), to ISO 8601 (UTC when a time is given).
 * "Mar 7" (no year) and "Jan 2024" (no day) are partial: they yield "--03-07" and "2024-01".
 */
export function parseExportDate(raw: string): string | null {
  const s = raw.trim();
  if (s === '') return null;
  // Fast path for messages.csv, read hundreds of thousands of times: "2024-03-20 15:09:26 UTC".
  if (
    s.length === 23 &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(10) === 32 &&
    s.endsWith(' UTC') &&
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(s)
  ) {
    const month = +s.slice(5, 7);
    const day = +s.slice(8, 10);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${s.slice(0, 10)}T${s.slice(11, 19)}Z`;
    return null;
  }
  let m: RegExpMatchArray | null;
  // 2024-03-20 15:09:26 UTC, 2023/04/22 09:54:59 UTC, 2024-03-20
  if ((m = s.match(/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:UTC|Z))?$/))) {
    const time = m[4] ? `${pad(+m[4])}:${m[5]}:${m[6] ?? '00'}` : undefined;
    return iso(+m[1]!, +m[2]!, +m[3]!, time);
  }
  // 20 Mar 2024
  if ((m = s.match(/^(\d{1,2})\.? ([A-Za-zä]{3,})\.? (\d{4})$/))) {
    const mon = month(m[2]!);
    return mon ? iso(+m[3]!, mon, +m[1]!) : null;
  }
  // 3/12/24, 11:20 AM  and 1/8/18, 6:14 PM  (US order, two-digit year)
  if ((m = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s*(?:(\d{1,2}):(\d{2})\s*([AP]M))?$/i))) {
    const year = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    let time: string | undefined;
    if (m[4]) {
      let h = +m[4] % 12;
      if (m[6]!.toUpperCase() === 'PM') h += 12;
      time = `${pad(h)}:${m[5]}:00`;
    }
    return iso(year, +m[1]!, +m[2]!, time);
  }
  // Mon Mar 28 14:17:11 UTC 2022
  if ((m = s.match(/^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}:\d{2}:\d{2}) UTC (\d{4})$/))) {
    const mon = month(m[1]!);
    return mon ? iso(+m[4]!, mon, +m[2]!, m[3]) : null;
  }
  // Mar 7, 1980 (US order with year)
  if ((m = s.match(/^([A-Za-z]{3,})\.? (\d{1,2}),? (\d{4})$/))) {
    const mon = month(m[1]!);
    return mon ? iso(+m[3]!, mon, +m[2]!) : null;
  }
  // Jan 2024
  if ((m = s.match(/^([A-Za-z]{3,}) (\d{4})$/))) {
    const mon = month(m[1]!);
    return mon ? `${m[2]}-${pad(mon)}` : null;
  }
  // Mar 7
  if ((m = s.match(/^([A-Za-z]{3,}) (\d{1,2})$/))) {
    const mon = month(m[1]!);
    return mon ? `--${pad(mon)}-${pad(+m[2]!)}` : null;
  }
  return null;
}

/**
 * A message date as a number that sorts exactly like parseExportDate's ISO strings:
 * YYYYMMDDhhmmss × 4 + precision (0 = year and month, 1 = day, 2 = time). Numbers are stored in
 * place: counting hundreds of thousands of messages then allocates nothing for their dates.
 * dateFromKey() turns a key back into the ISO string.
 */
export function messageDateKey(raw: string): number | null {
  if (
    raw.length === 23 &&
    raw.charCodeAt(4) === 45 &&
    raw.charCodeAt(10) === 32 &&
    raw.endsWith(' UTC') &&
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) \d\d:\d\d:\d\d/.test(raw)
  ) {
    const d = (i: number): number => raw.charCodeAt(i) - 48;
    const date = (d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3)) * 10_000 + (d(5) * 10 + d(6)) * 100 + d(8) * 10 + d(9);
    const time = (d(11) * 10 + d(12)) * 10_000 + (d(14) * 10 + d(15)) * 100 + d(17) * 10 + d(18);
    return (date * 1_000_000 + time) * 4 + 2;
  }
  const iso = parseExportDate(raw);
  return iso === null ? null : keyFromIso(iso);
}

function keyFromIso(iso: string): number | null {
  let m: RegExpMatchArray | null;
  if ((m = iso.match(/^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z$/)))
    return +`${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}${m[6]}` * 4 + 2;
  if ((m = iso.match(/^(\d{4})-(\d\d)-(\d\d)$/))) return +`${m[1]}${m[2]}${m[3]}000000` * 4 + 1;
  if ((m = iso.match(/^(\d{4})-(\d\d)$/))) return +`${m[1]}${m[2]}00000000` * 4;
  // "--03-07": a day without a year sorts before every year, as the string does.
  if ((m = iso.match(/^--(\d\d)-(\d\d)$/))) return +`${m[1]}${m[2]}000000` * 4 + 1;
  return null;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

export function dateFromKey(key: number | null): string | null {
  if (key === null) return null;
  const precision = key % 4;
  const v = (key - precision) / 4;
  const time = v % 1_000_000;
  const date = (v - time) / 1_000_000;
  const year = String(Math.floor(date / 10_000)).padStart(4, '0');
  const month = TWO_DIGITS[Math.floor(date / 100) % 100]!;
  const day = TWO_DIGITS[date % 100]!;
  if (precision === 2) {
    const [h, m, s] = [Math.floor(time / 10_000), Math.floor(time / 100) % 100, time % 100];
    return `${year}-${month}-${day}T${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[s]}Z`;
  }
  if (precision === 0) return `${year}-${month}`;
  return year === '0000' ? `--${month}-${day}` : `${year}-${month}-${day}`;
}
