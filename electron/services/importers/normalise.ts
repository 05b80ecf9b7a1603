import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export const DEFAULT_REGION: CountryCode = 'DE';

export interface NormalisedPhone {
  raw: string;
  /** E.164 when the number is valid for its (or the default) region, else null. */
  e164: string | null;
  mobile: boolean;
}

/** German numbers are written "0171 …", "+49 (0)171 …", "0049171…": all become +49171…. */
export function normalisePhone(raw: string, region: CountryCode = DEFAULT_REGION, typeHint = ''): NormalisedPhone {
  const cleaned = raw
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/^00(?=[1-9])/, '+');
  let e164: string | null = null;
  let mobile = /mobile|mobil|cell|handy/i.test(typeHint);
  try {
    const parsed = parsePhoneNumberFromString(cleaned, region);
    if (parsed?.isValid()) {
      e164 = parsed.number;
      const type = parsed.getType();
      if (type === 'MOBILE') mobile = true;
    }
  } catch {
    // not a phone number at all: keep it raw
  }
  return { raw: raw.trim(), e164, mobile };
}

export function normaliseEmail(raw: string): string | null {
  const email = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
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

export function isCountryCode(value: string): value is CountryCode {
  return /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
}
