/**
 * What a value must look like before it is kept as a detail or a profile URL. Files and forms may
 * hold anything: a formula (`=HYPERLINK(…)`) where a phone number belongs, markup in an email
 * address, a `javascript:` URL where a profile is linked. Such values are refused on input (a
 * warning for a file's row, an error for the form), never stored. Imports nothing heavy: the parse
 * workers load it (through linkedin.ts).
 */
import type { DetailField } from '../../../shared/domain';

/** Characters that make a spreadsheet cell a formula when a value starts with them. */
const FORMULA_START = /^[=+\-@]/;

/** Control characters other than line feed and tab (\p{Cc}), and the bidi overrides. */
const CONTROL = /[^\P{Cc}\n\t]|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const EMAIL = new RegExp(`^[\\p{L}\\p{N}._%'&*/?^\`{|}~+-]+@${LABEL}(?:\\.${LABEL})*\\.\\p{L}{2,63}$`, 'u');

/** An email address as people have them: a local part, a domain with a top-level name; no markup, no spaces. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value) && !FORMULA_START.test(value) && !value.includes('..');
}

/**
 * A phone number as people write it: digits with spaces, dots, dashes, slashes and brackets, a
 * leading + or 00, at least three digits, and an optional extension ("ext. 12", "x12", "-12").
 */
export function isPhoneNumber(value: string): boolean {
  if (!/^[+(\d][\d\s()./-]{0,39}(?:\s*(?:ext\.?|x|#|durchwahl)\s*\d{1,8})?$/iu.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 3 && digits <= 20;
}

/**
 * A URL as it may be kept and linked: an http(s) address as it is; one written without a scheme
 * ("www.xing.com/profile/…") as https; anything else (javascript:, data:, file: …) null.
 */
export function webUrl(raw: string): string | null {
  const value = raw.trim();
  if (/^[a-z][a-z\d+.-]*:/i.test(value)) return isWebUrl(value) ? value : null;
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(?:[/?#]|$)/u.test(value) && isWebUrl(`https://${value}`)
    ? `https://${value}`
    : null;
}

/** A web address to link: http or https only, with a host. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** vCard and CSV birthdays to ISO: "19800322" → "1980-03-22", "--0203" → "--02-03", "--03-01" stays. */
export function normaliseBirthday(raw: string): string | null {
  const s = raw.trim();
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/))) return `${m[1]}-${m[2]}-${m[3]}`;
  if ((m = s.match(/^--(\d{2})-?(\d{2})$/))) return `--${m[1]}-${m[2]}`;
  if ((m = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/)))
    return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  if ((m = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/)))
    return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return null;
}

/** A date as the rules read it: YYYY-MM-DD, or --MM-DD without the year; a day that exists. */
function isoBirthday(value: string): string | null {
  const iso = normaliseBirthday(value);
  if (iso === null) return null;
  const m = iso.match(/^(\d{4}|-)-(\d{2})-(\d{2})$/)!;
  const year = m[1] === '-' ? 2000 : Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900 ? iso : null;
}

/**
 * The value to keep for one of the user's own details, or null when it is not that kind of value:
 * emails and phone numbers as above, a birthday as ISO (typed as 1980-03-07, 07.03.1980, --03-07 …),
 * an address without control characters and not starting like a formula.
 */
export function ownDetailValue(field: DetailField, raw: string): string | null {
  const value = raw.trim();
  if (value === '' || CONTROL.test(value)) return null;
  switch (field) {
    case 'businessEmail':
    case 'privateEmail':
      return isEmail(value) ? value : null;
    case 'phone':
    case 'mobile':
      return isPhoneNumber(value) ? value : null;
    case 'birthday':
      return isoBirthday(value);
    case 'address':
      return FORMULA_START.test(value) ? null : value;
  }
}
