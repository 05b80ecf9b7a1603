/** What a LinkedIn export file is (recognised by its header) and what reading it gives. */
import type { Contact } from '../../../shared/domain';
import type { PairTable } from './pairs';

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

/** A connection as its row gives it: the contact it becomes, before it has an id and a network. */
export interface ParsedConnection extends Pick<
  Contact,
  'key' | 'name' | 'profileUrl' | 'company' | 'position' | 'connectedOn'
> {
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

export type MessagesResult = Extract<FileResult, { kind: 'linkedin-messages' }>;

/** Legacy (2018) message files name the user only through Direction: this name key stands for the user. */
export const ME = '\u0000me';

/** More people than this in one messages file is not an export (and would only fill memory). */
export const MAX_PARTICIPANTS = 2 ** 21;

/** What one kind of file gives. */
export type Result<K extends FileResult['kind']> = Extract<FileResult, { kind: K }>;
