/** The rows of each LinkedIn export file but messages (see linkedin-messages.ts), read into its result. */
import { parseExportDate } from './dates';
import type { LinkedInSink } from './linkedin';
import type { Result } from './linkedin-kinds';
import { nameKey, profileKey } from './linkedin-keys';
import { detach } from './linkedin-text';
import { because } from './reason';
import { isEmail, isPhoneNumber } from './validate';

/** A `Yes`/`No` cell; null when it is empty or the column missing. */
function yesNo(value: string): boolean | null {
  if (/^(yes|true|ja)$/i.test(value)) return true;
  if (/^(no|false|nein)$/i.test(value)) return false;
  return null;
}

/** A connection's email (when they allow its download), if it is one. */
function connectionEmail(sink: LinkedInSink, f: string[], line: number): string | null {
  const email = sink.col(f, 'email address').toLowerCase();
  if (email === '') return null;
  if (isEmail(email)) return email;
  sink.warn(line, because('emailInvalidKept', { email }));
  return null;
}

/** A row of Connections.csv; one with neither profile URL nor name is skipped with a warning. */
export function connectionRow(
  sink: LinkedInSink,
  result: Result<'linkedin-connections'>,
  f: string[],
  line: number,
): void {
  const name = `${sink.col(f, 'first name')} ${sink.col(f, 'last name')}`.trim();
  const url = sink.col(f, 'url');
  const key = profileKey(url);
  if (!key && name === '') {
    sink.warn(line, 'connectionEmpty');
    return;
  }
  const company = sink.col(f, 'company');
  const connectedRaw = sink.col(f, 'connected on');
  // Many connections share a day: each date is read once.
  let connectedOn = sink.dates.get(connectedRaw);
  if (connectedOn === undefined) {
    connectedOn = parseExportDate(connectedRaw);
    sink.dates.set(detach(connectedRaw), connectedOn);
  }
  if (connectedRaw !== '' && connectedOn === null) sink.warn(line, because('dateUnreadable', { value: connectedRaw }));
  result.connections.push({
    key: key ?? nameKey(name, company),
    name: name || url,
    profileUrl: key ? `https://www.${key}` : null,
    company: company || null,
    position: sink.col(f, 'position') || null,
    connectedOn: connectedOn?.slice(0, 10) ?? null,
    email: connectionEmail(sink, f, line),
  });
  result.rows++;
}

/** A row of Invitations.csv: the other side, by profile URL or name. */
export function invitationRow(
  sink: LinkedInSink,
  result: Result<'linkedin-invitations'>,
  f: string[],
  line: number,
): void {
  const outgoing = /^outgoing$/i.test(sink.col(f, 'direction'));
  const name = sink.col(f, outgoing ? 'to' : 'from');
  const url = sink.col(f, outgoing ? 'inviteeprofileurl' : 'inviterprofileurl');
  const key = profileKey(url) ?? (name ? nameKey(name) : null);
  if (!key) {
    sink.warn(line, 'invitationEmpty');
    return;
  }
  result.invitations.push({
    key,
    name,
    direction: outgoing ? 'outgoing' : 'incoming',
    sentAt: parseExportDate(sink.col(f, 'sent at')),
    message: sink.col(f, 'message') || null,
  });
  result.rows++;
}

/** A row of Email Addresses.csv: one of the user's own addresses. */
export function ownEmailRow(sink: LinkedInSink, result: Result<'linkedin-emails'>, f: string[], line: number): void {
  const email = sink.col(f, 'email address').toLowerCase();
  if (!isEmail(email)) {
    if (email !== '') sink.warn(line, because('emailInvalidSkipped', { email }));
    return;
  }
  // Every address is the user's; only the primary one is shown to connections (FORMATS.md §1).
  result.emails.push({
    email,
    primary: yesNo(sink.col(f, 'primary')),
    confirmed: yesNo(sink.col(f, 'confirmed')),
  });
  result.rows++;
}

/** A row of a phone numbers file: one of the user's own numbers. */
export function ownPhoneRow(sink: LinkedInSink, result: Result<'linkedin-phones'>, f: string[], line: number): void {
  const number = sink.col(f, 'number');
  if (number === '') return;
  const extension = sink.col(f, 'extension');
  if (!isPhoneNumber(number) || !/^\d{0,8}$/.test(extension)) {
    sink.warn(line, because('phoneInvalid', { number: extension ? `${number} ext. ${extension}` : number }));
    return;
  }
  result.phones.push({
    number,
    extension,
    type: sink.col(f, 'type'),
    whatsapp: yesNo(sink.col(f, 'is_whatsapp_number')) === true,
  });
  result.rows++;
}

/** A row of Contacts.csv / ImportedContacts.csv: an entry of the address book the user uploaded. */
export function uploadedContactRow(
  sink: LinkedInSink,
  result: Result<'linkedin-contacts'>,
  f: string[],
  line: number,
): void {
  const name = sink.col(f, 'fullname') || `${sink.col(f, 'firstname')} ${sink.col(f, 'lastname')}`.trim();
  if (name === '') return;
  // Several values share one cell, joined with ", ".
  const list = (column: string): string[] =>
    sink
      .col(f, column)
      .split(/,\s*/)
      .map((v) => v.trim())
      .filter(Boolean);
  result.entries.push({
    line,
    name,
    company: list('companies')[0] ?? '',
    title: sink.col(f, 'title'),
    emails: list('emails'),
    phones: list('phonenumbers'),
    birthday: sink.col(f, 'birthday'),
  });
  result.rows++;
}

/** A row of Profile.csv: the user's birthday, when given. */
export function profileRow(sink: LinkedInSink, result: Result<'linkedin-profile'>, f: string[], line: number): void {
  const raw = sink.col(f, 'birth date');
  if (raw) {
    result.birthDate = parseExportDate(raw);
    if (result.birthDate === null) sink.warn(line, because('birthDateUnreadable', { value: raw }));
  }
  result.rows++;
}
