/**
 * One vCard property as its lines are read: its head parsed, its value joined from folded or soft-broken
 * lines (only for the properties a card is read for, within VCARD_LIMITS), then decoded to bytes.
 */
import { because, type Reason } from './reason';
import { VCARD_LIMITS } from './vcard-cards';
import { decodeQuotedPrintable, parseName } from './vcard-text';

/** A property being read: its value grows with each folded or soft-broken line until the next property. */
export interface Open {
  group: string;
  name: string;
  params: Map<string, string[]>;
  line: number;
  /** qp-soft: quoted-printable, joining lines after a trailing "="; then qp-fold or fold: lines starting with white space. */
  mode: 'fold' | 'qp-soft' | 'qp-fold' | 'base64';
  /** Whether the value is held (a property read here, not too long). */
  kept: boolean;
  parts: Buffer[];
  length: number;
  tooLong: boolean;
  /** How many "=" the value ends with (quoted-printable soft line breaks). */
  trailingEquals: number;
}

const EQUALS = 0x3d;
const COLON = 0x3a;

/** The properties a card is read for; the values of all others (NOTE, ADR, PHOTO …) are never held. */
const KEPT = new Set([
  'BEGIN',
  'END',
  'VERSION',
  'PRODID',
  'UID',
  'FN',
  'N',
  'ORG',
  'TITLE',
  'EMAIL',
  'TEL',
  'URL',
  'X-SOCIALPROFILE',
  'CATEGORIES',
  'BDAY',
]);

export const isNameByte = (b: number): boolean =>
  (b >= 0x41 && b <= 0x5a) ||
  (b >= 0x61 && b <= 0x7a) ||
  (b >= 0x30 && b <= 0x39) ||
  b === 0x2e ||
  b === 0x5f ||
  b === 0x2d;

/** Whether a line starts a property (NAME; or NAME:), which ends the base64 lines before it. */
export function startsProperty(bytes: Buffer, start: number, end: number): boolean {
  let i = start;
  while (i < end && isNameByte(bytes[i]!)) i++;
  return i > start && i < end && (bytes[i] === 0x3b || bytes[i] === COLON);
}

/** How many "=" bytes[start, end) ends with. */
export function trailingEquals(bytes: Buffer, start: number, end: number): number {
  let i = end;
  while (i > start && bytes[i - 1] === EQUALS) i--;
  return end - i;
}

/**
 * The property a physical line starts, bytes[start, end), with the start of its value; null when the
 * line starts none (empty, white space, base64, no colon, a head too long or not a name).
 */
export function openProperty(bytes: Buffer, start: number, end: number, line: number): Open | null {
  // Only a line starting with a name can be a property (empty lines, white space, base64 … are not).
  if (start === end || !isNameByte(bytes[start]!)) return null;
  // No colon: a stray continuation of something skipped (e.g. base64). A head this long is no property.
  let colon = start;
  const last = Math.min(end, start + VCARD_LIMITS.maxValueBytes);
  while (colon < last && bytes[colon] !== COLON) colon++;
  if (colon === last) return null;
  const head = bytes.toString('latin1', start, colon);
  if (!/^[A-Za-z0-9._-]+(;.*)?$/s.test(head)) return null;
  const { group, name, params } = parseName(head);
  const encoding = (params.get('ENCODING')?.[0] ?? '').toUpperCase();
  const qp = encoding === 'QUOTED-PRINTABLE' || params.get('TYPE')?.some((t) => t.toUpperCase() === 'QUOTED-PRINTABLE');
  const mode = qp ? 'qp-soft' : encoding === 'BASE64' || encoding === 'B' ? 'base64' : 'fold';
  const open: Open = {
    group,
    name,
    params,
    line,
    mode,
    kept: mode !== 'base64' && KEPT.has(name),
    parts: [],
    length: 0,
    tooLong: false,
    trailingEquals: trailingEquals(bytes, colon + 1, end),
  };
  appendValue(open, bytes, colon + 1, end);
  return open;
}

/** Adds bytes[start, end) to the value, while it is kept and not too long. */
export function appendValue(open: Open, bytes: Buffer, start: number, end: number): void {
  open.length += end - start;
  if (!open.kept || end === start) return;
  if (open.length > VCARD_LIMITS.maxValueBytes) {
    open.kept = false;
    open.tooLong = true;
    open.parts = [];
    return;
  }
  // A copy: a piece of the file is not kept alive by a few bytes of it.
  open.parts.push(Buffer.from(bytes.subarray(start, end)));
}

/** Drops the value's last byte (the "=" of a soft line break). */
export function dropLastByte(open: Open): void {
  open.length--;
  if (!open.kept) return;
  while (open.parts.length > 0 && open.parts[open.parts.length - 1]!.length === 0) open.parts.pop();
  const last = open.parts.pop();
  if (last && last.length > 1) open.parts.push(last.subarray(0, last.length - 1));
}

/** The whole value once the property has ended (null when not kept), with what was wrong with it warned. */
export function closedValue(open: Open, warn: (line: number, reason: Reason) => void): Buffer | null {
  if (open.tooLong) warn(open.line, because('valueTooLong', { property: open.name, max: VCARD_LIMITS.maxValueBytes }));
  let value: Buffer | null = null;
  if (open.kept) {
    value = Buffer.concat(open.parts, open.length);
    if (open.mode !== 'fold') value = decodeQuotedPrintable(value);
    if (value.includes(0)) {
      warn(open.line, 'nulRemoved');
      value = Buffer.from(value.filter((b) => b !== 0));
    }
  }
  return value;
}
