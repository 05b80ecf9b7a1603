import { createHash } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import type { ImportNote, ImportedFile } from '../../../shared/contract';
import { nameKey, type FileResult, type ParsedConnection, type ParsedInvitation } from './linkedin';
import { normaliseBirthday, normaliseEmail, normalisePhone } from './normalise';
import type { BookInput, EntryInput, NetworkContactInput, OwnDetailInput } from './write';

export const MAX_WARNINGS = 1000;

export interface Collected {
  files: ImportedFile[];
  ignored: string[];
  warnings: ImportNote[];
  connections: Map<string, ParsedConnection> | null;
  messages: Array<Extract<FileResult, { kind: 'linkedin-messages' }>>;
  invitations: ParsedInvitation[];
  /** The user's own details, when the export had the file (then they replace those stored). */
  emails: OwnDetailInput[] | null;
  phones: OwnDetailInput[] | null;
  birthday: OwnDetailInput | null;
  /** By kind, network uploaded to and name: two books of the same name and kind are one. */
  books: Map<string, BookInput>;
  xingContacts: Map<string, NetworkContactInput>;
}

/** An address-book entry as read (vCard or CSV), with its details already normalised. */
export interface ReadEntry {
  uid?: string;
  name: string;
  company: string;
  title: string;
  birthday: string;
  urls: readonly string[];
  tags: string[];
}

/** An address-book entry before its key is known. */
export type NewEntry = Omit<EntryInput, 'key'> & { uid?: string };

function entryKey(uid: string, name: string, emails: readonly string[], phones: readonly string[]): string {
  if (uid) return `uid:${uid}`;
  return createHash('sha256')
    .update(JSON.stringify([name, [...emails].sort(), [...phones].sort()]))
    .digest('hex')
    .slice(0, 32);
}

/** A XING contact's stable key: the profile slug when known, else name and company. */
export function xingKey(urls: readonly string[], name: string, company: string): string {
  for (const url of urls) {
    const m = url.match(/xing\.com\/(?:profile|profiles)\/([^/?#\s]+)/i);
    if (m) return `xing.com/profile/${m[1]!.toLowerCase()}`;
  }
  return nameKey(name, company);
}

/** What the files read so far add up to: the warnings kept, the address books and their entries. */
export class Gathered {
  readonly out: Collected = {
    files: [],
    ignored: [],
    warnings: [],
    connections: null,
    messages: [],
    invitations: [],
    emails: null,
    phones: null,
    birthday: null,
    books: new Map(),
    xingContacts: new Map(),
  };
  /** The user's own phones by number (E.164 where valid): a number in two files is one detail. */
  readonly ownPhones = new Map<string, { detail: OwnDetailInput; stated: boolean }>();

  constructor(readonly region: CountryCode) {}

  /** Keeps a warning, up to MAX_WARNINGS (bound: it is handed to forEach). */
  readonly warn = (w: ImportNote): void => {
    if (this.out.warnings.length < MAX_WARNINGS) this.out.warnings.push(w);
  };

  book(source: string, kind: BookInput['kind'], uploadedTo: BookInput['uploadedTo']): BookInput {
    const key = `${kind}|${uploadedTo ?? ''}|${source}`;
    const existing = this.out.books.get(key);
    if (existing) return existing;
    const created: BookInput = { source, kind, uploadedTo, entries: new Map() };
    this.out.books.set(key, created);
    return created;
  }

  details(
    emails: readonly string[],
    phones: ReadonlyArray<{ raw: string; type: string }>,
  ): { emails: string[]; phones: EntryInput['phones'] } {
    return {
      emails: [...new Set(emails.map(normaliseEmail).filter((e): e is string => e !== null))],
      phones: phones.map((p) => normalisePhone(p.raw, this.region, p.type)).filter((p) => p.raw !== ''),
    };
  }

  entryOf(e: ReadEntry, emails: string[], phones: EntryInput['phones']): NewEntry {
    return {
      uid: e.uid,
      name: e.name,
      company: e.company || null,
      title: e.title || null,
      birthday: normaliseBirthday(e.birthday),
      profileUrl: e.urls.find((u) => /linkedin\.com\/in\//i.test(u)) ?? null,
      emails,
      phones,
      tags: e.tags,
    };
  }

  addEntry(target: BookInput, entry: NewEntry): void {
    const key = entryKey(
      entry.uid ?? '',
      entry.name,
      entry.emails,
      entry.phones.map((p) => p.e164 ?? p.raw),
    );
    if (!target.entries.has(key)) target.entries.set(key, { ...entry, key });
  }
}
