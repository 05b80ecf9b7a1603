import type { ImportNote } from '../../../shared/contract';
import type { DetailField } from '../../../shared/domain';
import { normaliseName } from '../../../shared/names';
import { ImportError } from '../errors';
import { StopReading, type CsvRecordSink } from './csv';
import { messageDateKey, parseExportDate } from './dates';
import { PairTable } from './pairs';
import { because, noteOf, type Reason } from './reason';
import { isEmail, isPhoneNumber } from './validate';

export type LinkedInKind =
  | 'linkedin-connections'
  | 'linkedin-messages'
  | 'linkedin-invitations'
  | 'linkedin-emails'
  | 'linkedin-phones'
  | 'linkedin-contacts'
  | 'linkedin-profile';

/** Recognise a header record by its column names (files drift between years: never by position). */
export function detectKind(header: readonly string[]): LinkedInKind | null {
  const h = new Set(header.map((c) => c.trim().toLowerCase()));
  const all = (...names: string[]): boolean => names.every((n) => h.has(n));
  if (all('first name', 'last name', 'connected on')) return 'linkedin-connections';
  if (all('conversation id', 'from', 'date') || all('from', 'to', 'date', 'content', 'direction'))
    return 'linkedin-messages';
  if (all('from', 'to', 'sent at', 'direction')) return 'linkedin-invitations';
  if (all('email address', 'primary')) return 'linkedin-emails';
  if (h.has('number') && (h.has('type') || h.has('extension') || h.has('is_whatsapp_number'))) return 'linkedin-phones';
  if (all('firstname', 'lastname') && (h.has('emails') || h.has('phonenumbers'))) return 'linkedin-contacts';
  if (all('first name', 'last name', 'headline')) return 'linkedin-profile';
  return null;
}

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

/** One row of Email Addresses.csv: `Yes`/`No` columns as booleans, null where the file has none. */
export interface StatedEmail {
  email: string;
  primary: boolean | null;
  confirmed: boolean | null;
}

/** One row of PhoneNumbers.csv, Phone Numbers.csv or Whatsapp Phone Numbers.csv. */
export interface StatedPhone {
  /** As written. */
  number: string;
  extension: string;
  /** The type the file states ("Mobile", "Home", "Work"…), else ''. */
  type: string;
  /** From Whatsapp Phone Numbers.csv, marked as a WhatsApp number. */
  whatsapp: boolean;
}

/** A `Yes`/`No` cell; null when it is empty or the column missing. */
function yesNo(value: string): boolean | null {
  if (/^(yes|true|ja)$/i.test(value)) return true;
  if (/^(no|false|nein)$/i.test(value)) return false;
  return null;
}

export interface ParsedConnection {
  key: string;
  name: string;
  profileUrl: string | null;
  company: string | null;
  position: string | null;
  connectedOn: string | null;
  /** Only when that connection allowed connections to download it (FORMATS.md §1). */
  email: string | null;
}

export interface ParsedInvitation {
  key: string;
  name: string;
  direction: 'incoming' | 'outgoing';
  sentAt: string | null;
  message: string | null;
}

export interface ParsedAddressEntry {
  line: number;
  name: string;
  company: string;
  title: string;
  emails: string[];
  phones: string[];
  birthday: string;
}

/** What one file contributed; merged into the run only after the whole file was read. */
export type FileResult =
  | { kind: 'linkedin-connections'; rows: number; connections: ParsedConnection[] }
  | {
      kind: 'linkedin-messages';
      rows: number;
      /** Participant keys (profile URL or name) numbered in order of appearance. */
      participants: string[];
      /** Messages per (from id, to id), with first and last date (as messageDateKey() writes them). */
      pairs: PairTable;
      names: Map<string, string>;
      /** Messages each participant appears in, by id. */
      appearances: number[];
      legacy: boolean;
    }
  | { kind: 'linkedin-invitations'; rows: number; invitations: ParsedInvitation[] }
  | { kind: 'linkedin-emails'; rows: number; emails: StatedEmail[] }
  | { kind: 'linkedin-phones'; rows: number; phones: StatedPhone[] }
  | { kind: 'linkedin-contacts'; rows: number; entries: ParsedAddressEntry[] }
  | { kind: 'linkedin-profile'; rows: number; birthDate: string | null };

const MAX_HEADER_SEARCH = 30;

export type MessagesResult = Extract<FileResult, { kind: 'linkedin-messages' }>;

/** Legacy (2018) message files name the user only through Direction: this name key stands for the user. */
export const ME = '\u0000me';

/** More people than this in one messages file is not an export (and would only fill memory). */
export const MAX_PARTICIPANTS = 2 ** 21;

const NON_ASCII = /[\x80-\xff]/;

/**
 * A copy of a kept value that does not hold on to the text it was cut from: a slice of a big
 * chunk keeps all of it alive for as long as the slice lives (a V8 "sliced string").
 */
function detach(value: string): string {
  return (' ' + value).slice(1);
}

const asIs = (value: string): string => value;

const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

function asciiTrim(v: string): string {
  let start = 0;
  let end = v.length;
  while (start < end && isAsciiSpace(v.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(v.charCodeAt(end - 1))) end--;
  return v.slice(start, end);
}

/** Signals that a file is not one of ours; reading stops at once. */
export class UnrecognisedFile extends StopReading {}

/** The columns each kind needs; everything else (message bodies above all) is never materialised. */
const NEEDED_COLUMNS: Partial<Record<LinkedInKind, readonly string[]>> = {
  'linkedin-connections': ['first name', 'last name', 'url', 'email address', 'company', 'position', 'connected on'],
  'linkedin-messages': ['from', 'sender profile url', 'to', 'recipient profile urls', 'date', 'direction'],
};

/** Reads any LinkedIn CSV: finds the header (after a preamble), then collects what the audit needs. */
export class LinkedInSink implements CsvRecordSink {
  result: FileResult | null = null;
  readonly warnings: ImportNote[] = [];
  columnMask: Uint8Array | null = null;
  private columns = new Map<string, number>();
  /** Profile URLs repeat on every message of a conversation: normalise each once. */
  private urlIds = new Map<string, number>();
  private ids = new Map<string, number>();
  /** The export's owner is in every message: the most frequent URL is checked before the map. */
  private hotUrl = '';
  private hotId = -1;
  /** Records read before a header was recognised. */
  seen = 0;
  /** Connection dates read so far. */
  private readonly dates = new Map<string, string | null>();
  /**
   * Set by a parse worker: it scans valid UTF-8 bytes as Latin-1 (one character per byte, far
   * cheaper than decoding) and decodes as UTF-8 only the values it keeps, through text().
   */
  latin1 = false;
  /** Set by a parse worker, which only knows line numbers within its chunk. */
  onProblem: ((line: number, reason: Reason) => void) | null = null;

  constructor(private readonly display: string) {}

  private col(fields: string[], name: string): string {
    const i = this.columns.get(name);
    if (i === undefined) return '';
    const v = fields[i];
    return v === undefined ? '' : this.trimmed(v);
  }

  /** Where a column is in the header, or -1. */
  columnIndex(name: string): number {
    return this.columns.get(name) ?? -1;
  }

  /** A field's value as the reader uses it: trimmed of white space. */
  trimmed(v: string): string {
    // Most values need no trimming: avoid the copy.
    const first = v.charCodeAt(0);
    const last = v.charCodeAt(v.length - 1);
    if (first > 32 && last > 32) return v;
    // Latin-1 view of UTF-8: only ASCII white space may go now (0xA0 can be half a character).
    return this.latin1 ? asciiTrim(v) : v.trim();
  }

  /** A field's text: identity, except for a Latin-1 view of UTF-8 bytes (see `latin1`). */
  text(field: string): string {
    return this.latin1 && NON_ASCII.test(field) ? Buffer.from(field, 'latin1').toString('utf8').trim() : field;
  }

  private warn(line: number, reason: Reason): void {
    if (this.onProblem) this.onProblem(line, reason);
    else this.warnings.push(noteOf(this.display, reason, line));
  }

  record(fields: string[], line: number): void {
    if (this.result === null) {
      const kind = detectKind(fields);
      if (kind) {
        fields.forEach((name, i) => {
          const key = name.trim().toLowerCase();
          if (!this.columns.has(key)) this.columns.set(key, i);
        });
        this.result = this.empty(kind);
        const needed = NEEDED_COLUMNS[kind];
        if (needed) {
          this.columnMask = new Uint8Array(fields.length);
          for (const name of needed) {
            const i = this.columns.get(name);
            if (i !== undefined) this.columnMask[i] = 1;
          }
        }
      } else if (++this.seen >= MAX_HEADER_SEARCH) {
        throw new UnrecognisedFile();
      }
      return;
    }
    if (fields.every((f) => f === '' || this.text(f).trim() === '')) return;
    this.row(this.result, fields, line);
  }

  private empty(kind: LinkedInKind): FileResult {
    switch (kind) {
      case 'linkedin-connections':
        return { kind, rows: 0, connections: [] };
      case 'linkedin-messages':
        return {
          kind,
          rows: 0,
          participants: [],
          pairs: new PairTable(),
          names: new Map(),
          appearances: [],
          legacy: !this.columns.has('conversation id'),
        };
      case 'linkedin-invitations':
        return { kind, rows: 0, invitations: [] };
      case 'linkedin-emails':
        return { kind, rows: 0, emails: [] };
      case 'linkedin-phones':
        return { kind, rows: 0, phones: [] };
      case 'linkedin-contacts':
        return { kind, rows: 0, entries: [] };
      case 'linkedin-profile':
        return { kind, rows: 0, birthDate: null };
    }
  }

  /** Whether the last participant() was known by its profile URL (rather than by name). */
  byUrl = false;

  /**
   * A participant's id: numbered by the normalised profile URL, else the name. Called for every
   * message. From the byte reader (`caller` 'bytes'), url and name are strings of their own, not cut
   * out of a chunk's text, and the raw URL is not remembered here (it keeps its own by bytes).
   */
  participant(result: MessagesResult, url: string, name: string, caller: 'text' | 'bytes' = 'text'): number | null {
    // Fast path: a URL seen before maps straight to its participant id.
    if (url !== '') {
      this.byUrl = true;
      if (url === this.hotUrl) return this.hotId;
      const known = this.urlIds.get(url);
      if (known !== undefined) {
        if (this.hotId < 0 || result.appearances[known]! > result.appearances[this.hotId]!) {
          this.hotUrl = url;
          this.hotId = known;
        }
        return known;
      }
    }
    const rawUrl = url;
    url = this.text(url);
    name = this.text(name);
    const urlKey = url === '' ? null : profileKey(url);
    this.byUrl = urlKey !== null;
    // What is kept is detached: it outlives the chunk it was cut from.
    const keep = caller === 'text' ? detach : asIs;
    let key: string;
    if (urlKey) key = urlKey;
    else if (name) key = name === ME ? ME : nameKey(name);
    else return null;
    let id = this.ids.get(key);
    if (id === undefined) {
      key = keep(key);
      id = result.participants.length;
      if (id >= MAX_PARTICIPANTS)
        throw new ImportError(this.display, because('tooManyPeople', { max: MAX_PARTICIPANTS }));
      result.participants.push(key);
      result.appearances.push(0);
      this.ids.set(key, id);
      if (urlKey && name) result.names.set(key, keep(name));
    } else if (urlKey && name && !result.names.has(key)) {
      result.names.set(keep(key), keep(name));
    }
    if (urlKey && caller === 'text') this.urlIds.set(detach(rawUrl), id);
    return id;
  }

  private static list(value: string): string[] {
    return value.includes(',') ? value.split(/,\s*/) : [value];
  }

  /** The name of a message's only recipient, from its To cell. */
  static firstName(to: string): string {
    return to.includes(',') ? LinkedInSink.list(to)[0]! : to;
  }

  private message(result: MessagesResult, f: string[], line: number): void {
    const date = messageDateKey(this.text(this.col(f, 'date')));
    let from: number | null;
    let to: number[] = [];
    if (result.legacy) {
      // Legacy files say who "I" am through Direction.
      if (/^outgoing$/i.test(this.col(f, 'direction'))) {
        from = this.participant(result, '', ME);
        for (const n of LinkedInSink.list(this.col(f, 'to'))) {
          const k = this.participant(result, '', n);
          if (k !== null) to.push(k);
        }
      } else {
        from = this.participant(result, '', this.col(f, 'from'));
        const me = this.participant(result, '', ME);
        if (me !== null) to = [me];
      }
    } else {
      from = this.participant(result, this.col(f, 'sender profile url'), this.col(f, 'from'));
      const urlsRaw = this.col(f, 'recipient profile urls');
      const toRaw = this.col(f, 'to');
      if (urlsRaw !== '' && !urlsRaw.includes(',')) {
        // One recipient, by far the most common case: no lists.
        this.countMessage(result, line, from, this.participant(result, urlsRaw, LinkedInSink.firstName(toRaw)), date);
        return;
      }
      const names = LinkedInSink.list(toRaw);
      if (urlsRaw !== '') {
        const urls = LinkedInSink.list(urlsRaw);
        for (let i = 0; i < urls.length; i++) {
          const k = this.participant(result, urls[i]!, names[i] ?? '');
          if (k !== null) to.push(k);
        }
      } else {
        for (const n of names) {
          const k = this.participant(result, '', n);
          if (k !== null) to.push(k);
        }
      }
    }
    this.countMessage(result, line, from, to, date);
  }

  /** One message from → its recipient(s); without sender or recipient it is skipped with a warning. */
  countMessage(
    result: MessagesResult,
    line: number,
    from: number | null,
    to: number | null | readonly number[],
    date: number | null,
  ): void {
    if (from === null || to === null || (typeof to !== 'number' && to.length === 0)) {
      this.warn(line, 'messageNoParties');
      return;
    }
    result.appearances[from]!++;
    if (typeof to === 'number') this.count(result, from, to, date);
    else for (const recipient of to) this.count(result, from, recipient, date);
    result.rows++;
  }

  /** One message from → to. */
  private count(result: MessagesResult, from: number, to: number, date: number | null): void {
    result.appearances[to]!++;
    result.pairs.add(from, to, date);
  }

  /** A connection's email (when they allow its download), if it is one. */
  private connectionEmail(f: string[], line: number): string | null {
    const email = this.col(f, 'email address').toLowerCase();
    if (email === '') return null;
    if (isEmail(email)) return email;
    this.warn(line, because('emailInvalidKept', { email }));
    return null;
  }

  private row(result: FileResult, f: string[], line: number): void {
    switch (result.kind) {
      case 'linkedin-connections': {
        const name = `${this.col(f, 'first name')} ${this.col(f, 'last name')}`.trim();
        const url = this.col(f, 'url');
        const key = profileKey(url);
        if (!key && name === '') {
          this.warn(line, 'connectionEmpty');
          return;
        }
        const company = this.col(f, 'company');
        const connectedRaw = this.col(f, 'connected on');
        // Many connections share a day: each date is read once.
        let connectedOn = this.dates.get(connectedRaw);
        if (connectedOn === undefined) {
          connectedOn = parseExportDate(connectedRaw);
          this.dates.set(detach(connectedRaw), connectedOn);
        }
        if (connectedRaw !== '' && connectedOn === null)
          this.warn(line, because('dateUnreadable', { value: connectedRaw }));
        result.connections.push({
          key: key ?? nameKey(name, company),
          name: name || url,
          profileUrl: key ? `https://www.${key}` : null,
          company: company || null,
          position: this.col(f, 'position') || null,
          connectedOn: connectedOn?.slice(0, 10) ?? null,
          email: this.connectionEmail(f, line),
        });
        result.rows++;
        return;
      }
      case 'linkedin-messages': {
        this.message(result, f, line);
        return;
      }
      case 'linkedin-invitations': {
        const outgoing = /^outgoing$/i.test(this.col(f, 'direction'));
        const name = this.col(f, outgoing ? 'to' : 'from');
        const url = this.col(f, outgoing ? 'inviteeprofileurl' : 'inviterprofileurl');
        const key = profileKey(url) ?? (name ? nameKey(name) : null);
        if (!key) {
          this.warn(line, 'invitationEmpty');
          return;
        }
        result.invitations.push({
          key,
          name,
          direction: outgoing ? 'outgoing' : 'incoming',
          sentAt: parseExportDate(this.col(f, 'sent at')),
          message: this.col(f, 'message') || null,
        });
        result.rows++;
        return;
      }
      case 'linkedin-emails': {
        const email = this.col(f, 'email address').toLowerCase();
        if (!isEmail(email)) {
          if (email !== '') this.warn(line, because('emailInvalidSkipped', { email }));
          return;
        }
        // Every address is the user's; only the primary one is shown to connections (FORMATS.md §1).
        result.emails.push({
          email,
          primary: yesNo(this.col(f, 'primary')),
          confirmed: yesNo(this.col(f, 'confirmed')),
        });
        result.rows++;
        return;
      }
      case 'linkedin-phones': {
        const number = this.col(f, 'number');
        if (number === '') return;
        const extension = this.col(f, 'extension');
        if (!isPhoneNumber(number) || !/^\d{0,8}$/.test(extension)) {
          this.warn(line, because('phoneInvalid', { number: extension ? `${number} ext. ${extension}` : number }));
          return;
        }
        result.phones.push({
          number,
          extension,
          type: this.col(f, 'type'),
          whatsapp: yesNo(this.col(f, 'is_whatsapp_number')) === true,
        });
        result.rows++;
        return;
      }
      case 'linkedin-contacts': {
        const name = this.col(f, 'fullname') || `${this.col(f, 'firstname')} ${this.col(f, 'lastname')}`.trim();
        if (name === '') return;
        // Several values share one cell, joined with ", ".
        const list = (column: string): string[] =>
          this.col(f, column)
            .split(/,\s*/)
            .map((v) => v.trim())
            .filter(Boolean);
        result.entries.push({
          line,
          name,
          company: list('companies')[0] ?? '',
          title: this.col(f, 'title'),
          emails: list('emails'),
          phones: list('phonenumbers'),
          birthday: this.col(f, 'birthday'),
        });
        result.rows++;
        return;
      }
      case 'linkedin-profile': {
        const raw = this.col(f, 'birth date');
        if (raw) {
          result.birthDate = parseExportDate(raw);
          if (result.birthDate === null) this.warn(line, because('birthDateUnreadable', { value: raw }));
        }
        result.rows++;
        return;
      }
    }
  }
}
