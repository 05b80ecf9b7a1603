/**
 * Reads any LinkedIn CSV (LinkedInSink): finds the header after a preamble, then collects what the
 * audit needs: messages in linkedin-messages.ts, the other kinds' rows in linkedin-rows.ts. Re-exports the
 * kinds and keys.
 */
import type { ImportNote } from '../../../shared/contract';
import { ImportError } from '../errors';
import { StopReading, type CsvRecordSink } from './csv';
import { PairTable } from './pairs';
import { because, noteOf, type Reason } from './reason';
import {
  detectKind,
  ME,
  MAX_PARTICIPANTS,
  type FileResult,
  type LinkedInKind,
  type MessagesResult,
} from './linkedin-kinds';
import { nameKey, profileKey } from './linkedin-keys';
import { messageRow } from './linkedin-messages';
import {
  connectionRow,
  invitationRow,
  ownEmailRow,
  ownPhoneRow,
  profileRow,
  uploadedContactRow,
} from './linkedin-rows';
import { asciiTrim, detach } from './linkedin-text';

export * from './linkedin-kinds';
export * from './linkedin-keys';

const MAX_HEADER_SEARCH = 30;

const NON_ASCII = /[\x80-\xff]/;

const asIs = (value: string): string => value;

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
  readonly dates = new Map<string, string | null>();
  /**
   * Set by a parse worker: it scans valid UTF-8 bytes as Latin-1 (one character per byte, far
   * cheaper than decoding) and decodes as UTF-8 only the values it keeps, through text().
   */
  latin1 = false;
  /** Set by a parse worker, which only knows line numbers within its chunk. */
  onProblem: ((line: number, reason: Reason) => void) | null = null;

  constructor(private readonly display: string) {}

  /** A column's value in a row, trimmed; '' when the file has no such column. */
  col(fields: string[], name: string): string {
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

  /** A problem with a row: to the parse worker when there is one, else into the warnings. */
  warn(line: number, reason: Reason): void {
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

  private row(result: FileResult, f: string[], line: number): void {
    switch (result.kind) {
      case 'linkedin-connections':
        return connectionRow(this, result, f, line);
      case 'linkedin-messages':
        return messageRow(this, result, f, line);
      case 'linkedin-invitations':
        return invitationRow(this, result, f, line);
      case 'linkedin-emails':
        return ownEmailRow(this, result, f, line);
      case 'linkedin-phones':
        return ownPhoneRow(this, result, f, line);
      case 'linkedin-contacts':
        return uploadedContactRow(this, result, f, line);
      case 'linkedin-profile':
        return profileRow(this, result, f, line);
    }
  }
}
