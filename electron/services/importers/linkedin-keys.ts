/** Stable keys of LinkedIn people (profile URL, else name and company) and which kind of email an address is. */
import type { DetailField } from '../../../shared/domain';
import { normaliseName } from '../../../shared/names';

const PLAIN_PROFILE = 'https://www.linkedin.com/in/';

/** Whether s[from…] is a slug as exports write most: lower-case letters, digits and dashes. */
function plainSlug(s: string, from: number): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

/** Normalises a LinkedIn profile URL to a stable key: host-less, lower-case, no slash, no query. */
export function profileKey(url: string): string | null {
  const s = url.trim();
  if (s === '') return null;
  // Most URLs are already in the form of a key: no pattern, decoding or case to deal with.
  if (s.startsWith(PLAIN_PROFILE) && plainSlug(s, PLAIN_PROFILE.length)) return s.slice(12);
  return profileKeyOf(s);
}

/** profileKey() of any form of profile URL (trimmed, not empty). */
export function profileKeyOf(s: string): string | null {
  const m = s.match(/linkedin\.com\/(in|pub)\/([^/?#\s]+)/i);
  if (!m) return null;
  let slug = m[2]!;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // keep the raw slug
  }
  return `linkedin.com/${m[1]!.toLowerCase()}/${slug.toLowerCase()}`;
}

export function nameKey(name: string, company = ''): string {
  return `name:${normaliseName(name)}|${normaliseName(company)}`;
}

const FREEMAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'gmx.de',
  'gmx.net',
  'gmx.at',
  'gmx.ch',
  'web.de',
  't-online.de',
  'freenet.de',
  'yahoo.com',
  'yahoo.de',
  'outlook.com',
  'outlook.de',
  'hotmail.com',
  'hotmail.de',
  'live.com',
  'live.de',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'posteo.de',
  'mailbox.org',
  'protonmail.com',
  'proton.me',
  'arcor.de',
]);

export function emailField(email: string): DetailField {
  const domain = email.split('@')[1]?.toLowerCase() ?? '';
  return FREEMAIL.has(domain) ? 'privateEmail' : 'businessEmail';
}
