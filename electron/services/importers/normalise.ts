import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type NumberType,
} from 'libphonenumber-js/max';
import { isEmail } from './validate';

export const DEFAULT_REGION: CountryCode = 'DE';

export interface NormalisedPhone {
  raw: string;
  /** E.164 when the number is valid for its (or the default) region, else null. */
  e164: string | null;
  mobile: boolean;
}

/** "+49 (0)171 …" and "0049171…" as libphonenumber reads them. */
function cleanPhone(raw: string): string {
  return raw
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/^00(?=[1-9])/, '+');
}

/** German numbers are written "0171 …", "+49 (0)171 …", "0049171…": all become +49171…. */
export function normalisePhone(raw: string, region: CountryCode = DEFAULT_REGION, typeHint = ''): NormalisedPhone {
  const cleaned = cleanPhone(raw);
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

/** A type as exporters write it: mobile words first ("Work mobile" is a mobile), then landline words. */
const STATED_MOBILE = /\b(mobile?|mobil\w*|cell\w*|handy|iphone)\b/i;
const STATED_LANDLINE =
  /\b(home|work|landline|fixed|office|business|main|fax|festnetz|privat\w*|gesch[äa]ftlich|b[üu]ro|arbeit)\b/i;

/**
 * How libphonenumber's types map to the two phone details. FIXED_LINE_OR_MOBILE is what it answers
 * where the numbering plan cannot tell (the US and Canada above all): counted as a mobile, because
 * it may well reach the person directly wherever they are, and a privacy audit had rather warn of
 * a private number once too often than miss it. A personal number (UK 070) follows its owner too.
 */
const MOBILE_TYPES: ReadonlySet<NumberType> = new Set<NumberType>([
  'MOBILE',
  'FIXED_LINE_OR_MOBILE',
  'PERSONAL_NUMBER',
  'PAGER',
]);

export interface PhoneDetail {
  field: 'mobile' | 'phone';
  e164: string | null;
  /** libphonenumber's type of the number (metadata "max"), when it knows one. */
  type: NumberType | undefined;
  /** What decided the field: the type the file states, libphonenumber, or neither (then 'phone'). */
  decidedBy: 'file' | 'libphonenumber' | 'default';
}

/**
 * Whether one of the user's own numbers is a mobile. The type the file states wins (the user chose
 * it: a "Work" number is the one they give for work, whatever its range); else libphonenumber's
 * type for the number's region (its own country code, or `region` when it has none); else a
 * number nobody can classify is a plain phone.
 */
export function phoneDetail(raw: string, region: CountryCode = DEFAULT_REGION, statedType = ''): PhoneDetail {
  const stated = STATED_MOBILE.test(statedType) ? 'mobile' : STATED_LANDLINE.test(statedType) ? 'phone' : null;
  let e164: string | null = null;
  let type: NumberType | undefined;
  try {
    const parsed = parsePhoneNumberFromString(cleanPhone(raw), region);
    if (parsed?.isValid()) {
      e164 = parsed.number;
      type = parsed.getType();
    }
  } catch {
    // not a phone number at all
  }
  if (stated) return { field: stated, e164, type, decidedBy: 'file' };
  if (type) return { field: MOBILE_TYPES.has(type) ? 'mobile' : 'phone', e164, type, decidedBy: 'libphonenumber' };
  return { field: 'phone', e164, type, decidedBy: 'default' };
}

export function normaliseEmail(raw: string): string | null {
  const email = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return isEmail(email) ? email : null;
}

export { normaliseBirthday } from './validate';

export function isCountryCode(value: string): value is CountryCode {
  return /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
}
