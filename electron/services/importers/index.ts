import { createHash } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import type { ImportNote, ImportProgress, ImportSummary, ImportedFile, InspectedFile } from '../../../shared/contract';
import type { DB } from '../db';
import { AppError, ImportError } from '../errors';
import { AddressCsvSink, detectAddressCsv } from './address-csv';
import { readCsv, StopReading, type CsvRecordSink } from './csv';
import {
  LinkedInSink,
  ME,
  detectKind,
  emailField,
  nameKey,
  UnrecognisedFile,
  type FileResult,
  type ParsedConnection,
  type ParsedInvitation,
} from './linkedin';
import {
  PARALLEL_DEFAULTS,
  planParallel,
  readMessagesInParallel,
  type ParallelOptions,
  type ParallelResult,
} from './parallel';
import { DEFAULT_REGION, normaliseBirthday, normaliseEmail, normalisePhone, phoneDetail } from './normalise';
import { because, noteOf, reasonOf } from './reason';
import type { SourceFile } from './source';
import { webUrl } from './validate';
import { readVCardFile, type ParsedCard } from './vcard';
import {
  writeImport,
  writeImportWhileReading,
  type BookInput,
  type EntryInput,
  type NetworkContactInput,
  type OwnDetailInput,
} from './write';

export interface ImportOptions {
  origin: 'file' | 'demo';
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  now?: Date;
  /** Region for phone numbers written without a country code. */
  region?: CountryCode;
  /** Worker threads for big message files; false reads everything on the main thread. */
  parallel?: ParallelOptions | false;
  /**
   * Told when the import holds the database across awaits (a transaction open while big message
   * files are read): nothing else may use the connection until `during` settles.
   */
  hold?: (during: Promise<unknown>) => void;
}

const MAX_WARNINGS = 1000;
/** No real address book is this big (vCards are streamed: this bounds time, not memory). */
const MAX_VCARD_BYTES = 256 * 1024 * 1024;

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

/** Recognises any CSV we read by its header: a LinkedIn export file or an address book. */
class ExportCsvSink implements CsvRecordSink {
  inner: LinkedInSink | AddressCsvSink | null = null;
  seen = 0;
  constructor(private readonly display: string) {}
  get columnMask(): Uint8Array | null {
    return this.inner?.columnMask ?? null;
  }
  /** Rows read so far. */
  get rows(): number {
    const inner = this.inner;
    return inner instanceof LinkedInSink ? (inner.result?.rows ?? 0) : (inner?.rows ?? 0);
  }
  record(fields: string[], line: number): void {
    if (this.inner) {
      this.inner.record(fields, line);
      return;
    }
    if (detectKind(fields)) {
      this.inner = new LinkedInSink(this.display);
      this.inner.record(fields, line);
      return;
    }
    const addressKind = detectAddressCsv(fields);
    if (addressKind) {
      this.inner = new AddressCsvSink(addressKind, this.display, fields);
      return;
    }
    if (++this.seen >= 30) throw new UnrecognisedFile();
  }
}

function isVCard(head: Buffer): boolean {
  const text = head.toString(head[0] === 0xff || head[0] === 0xfe ? 'utf16le' : 'latin1').replace(/\0/g, '');
  return /^(\uFEFF|ï»¿)?\s*BEGIN:VCARD/i.test(text);
}

/** Errors of the byte stream itself (a damaged or lying ZIP entry, a failing disk) name their file. */
async function reading<T>(file: SourceFile, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new ImportError(file.display, because('cannotRead', { detail: reasonOf(error) }));
  }
}

async function readHead(file: SourceFile, bytes = 64): Promise<Buffer> {
  const stream = await file.open();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= bytes) break;
    }
    return Buffer.concat(chunks, Math.min(size, bytes));
  } finally {
    stream.destroy();
  }
}

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

/** A file read in the background, taken after the others; where its results go in file order. */
interface Deferred {
  file: SourceFile;
  at: Record<Spliced, number>;
  /** Entries put before it since (by deferred files before it). */
  shift: Record<Spliced, number>;
}
type Spliced = 'files' | 'warnings' | 'messages' | 'ignored';
const SPLICED: readonly Spliced[] = ['files', 'warnings', 'messages', 'ignored'];

/**
 * Reads every file. With `options.defer`, big message files being read in the background are left
 * to `rest`, which completes `data` with them: everything else can be written meanwhile.
 */
export async function collect(
  files: readonly SourceFile[],
  options: ImportOptions & { defer?: boolean },
): Promise<{ data: Collected; rest: (() => Promise<void>) | null; abandon: () => Promise<void> }> {
  const region = options.region ?? DEFAULT_REGION;
  const out: Collected = {
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
  const warn = (w: ImportNote): void => {
    if (out.warnings.length < MAX_WARNINGS) out.warnings.push(w);
  };
  const book = (source: string, kind: BookInput['kind'], uploadedTo: BookInput['uploadedTo']): BookInput => {
    const key = `${kind}|${uploadedTo ?? ''}|${source}`;
    const existing = out.books.get(key);
    if (existing) return existing;
    const created: BookInput = { source, kind, uploadedTo, entries: new Map() };
    out.books.set(key, created);
    return created;
  };
  /** The user's own phones by number (E.164 where valid): a number in two files is one detail. */
  const ownPhones = new Map<string, { detail: OwnDetailInput; stated: boolean }>();
  const details = (emails: readonly string[], phones: ReadonlyArray<{ raw: string; type: string }>) => ({
    emails: [...new Set(emails.map(normaliseEmail).filter((e): e is string => e !== null))],
    phones: phones.map((p) => normalisePhone(p.raw, region, p.type)).filter((p) => p.raw !== ''),
  });
  /** An address-book entry as read (vCard or CSV), with its details already normalised. */
  interface ReadEntry {
    uid?: string;
    name: string;
    company: string;
    title: string;
    birthday: string;
    urls: readonly string[];
    tags: string[];
  }
  const entryOf = (
    e: ReadEntry,
    emails: string[],
    phones: EntryInput['phones'],
  ): Omit<EntryInput, 'key'> & { uid?: string } => ({
    uid: e.uid,
    name: e.name,
    company: e.company || null,
    title: e.title || null,
    birthday: normaliseBirthday(e.birthday),
    profileUrl: e.urls.find((u) => /linkedin\.com\/in\//i.test(u)) ?? null,
    emails,
    phones,
    tags: e.tags,
  });
  const addEntry = (target: BookInput, entry: Omit<EntryInput, 'key'> & { uid?: string }): void => {
    const key = entryKey(
      entry.uid ?? '',
      entry.name,
      entry.emails,
      entry.phones.map((p) => p.e164 ?? p.raw),
    );
    if (!target.entries.has(key)) target.entries.set(key, { ...entry, key });
  };

  const bytesTotal = files.reduce((n, f) => n + f.size, 0);
  /** Bytes read of each file: several are read at once. */
  const bytesDone = new Map<SourceFile, number>();
  /** Rows of the files read to the end, and so far of those being read. */
  let rows = 0;
  const rowsReading = new Map<SourceFile, number>();
  const report = (file: SourceFile, bytes: number, fileRows = 0): void => {
    bytesDone.set(file, bytes);
    rowsReading.set(file, fileRows);
    let done = 0;
    for (const n of bytesDone.values()) done += n;
    let rowsNow = rows;
    for (const n of rowsReading.values()) rowsNow += n;
    options.onProgress?.({ file: file.display, bytesDone: done, bytesTotal, rows: rowsNow });
  };

  // Big LinkedIn message files are read at once, in chunks spread over worker threads and this
  // thread, beside the other files (parallel.ts); their results are taken in file order.
  const parallel = options.parallel === false ? null : { ...PARALLEL_DEFAULTS, ...options.parallel };
  const background = new Map<SourceFile, Promise<ParallelResult | null>>();
  /** Whether this thread may read chunks of them too (deferred: once it has nothing else to do). */
  let helping = false;
  const stopBackground = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopBackground.signal]) : stopBackground.signal;
  if (parallel) {
    for (const file of files) {
      if (file.size < parallel.minBytes || (!file.explicit && !/\.csv$/i.test(file.name))) continue;
      // A file that cannot even be sniffed is reported by the ordinary reader, in file order.
      const plan = await planParallel(file).catch(() => null);
      if (plan === null) continue;
      const read = reading(file, () =>
        readMessagesInParallel(file, plan, {
          ...parallel,
          signal,
          help: options.defer ? () => helping : undefined,
          onProgress: (bytes, fileRows) => report(file, bytes, fileRows),
        }),
      );
      // Awaited in turn below; until then a failure must not count as unhandled.
      read.catch(() => undefined);
      background.set(file, read);
    }
  }

  /** Reads one file into `out`. */
  const readFile = async (file: SourceFile): Promise<void> => {
    if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
    /** Only http(s) addresses are kept as profile URLs (never javascript:, data: …). */
    const webUrls = (urls: readonly string[], line: number): string[] => {
      const kept = urls.map(webUrl).filter((u): u is string => u !== null);
      if (kept.length < urls.length) warn(noteOf(file.display, 'urlNotWeb', line));
      return kept;
    };
    /** Reports bytes and rows read of this file; with the whole size (rows counted) once it is done. */
    const progress = (bytes: number, fileRows = 0): void => report(file, bytes, fileRows);
    if (!file.explicit && !/\.(csv|vcf|vcard)$/i.test(file.name)) {
      out.ignored.push(file.display);
      progress(file.size);
      return;
    }

    // Read in the background: a LinkedIn messages file (its header was recognised), never a vCard.
    const read = await background.get(file);
    if (read) {
      read.warnings.forEach(warn);
      rows += read.result.rows;
      out.files.push({ name: file.display, kind: read.result.kind, rows: read.result.rows, sha256: read.sha256 });
      out.messages.push(read.result);
      progress(file.size);
      return;
    }

    if (isVCard(await reading(file, () => readHead(file)))) {
      // Streamed, card by card: a cancel is answered while it is read (readVCardFile yields).
      let cards = 0;
      let xing = 0;
      const onCard = (card: ParsedCard): void => {
        cards++;
        const { emails, phones } = details(
          card.emails,
          card.phones.map((p) => ({ raw: p.raw, type: p.types.join(' ') })),
        );
        if (!card.name && emails.length === 0 && phones.length === 0) {
          warn(noteOf(file.display, 'cardEmpty', card.line));
          return;
        }
        const name = card.name || emails[0] || phones[0]!.raw;
        const urls = webUrls(card.urls, card.line);
        if (/xing/i.test(card.prodid)) {
          xing++;
          const key = xingKey(urls, name, card.company);
          out.xingContacts.set(key, {
            key,
            name,
            company: card.company || null,
            title: card.title || null,
            profileUrl: urls.find((u) => /xing\.com/i.test(u)) ?? null,
            emails,
            phones,
            tags: card.categories,
          });
        } else {
          addEntry(
            book(file.container, 'vcard', null),
            entryOf({ ...card, name, urls, tags: card.categories }, emails, phones),
          );
        }
      };
      const sha256 = await reading(file, () =>
        readVCardFile(file, {
          maxBytes: MAX_VCARD_BYTES,
          onCard,
          warn: (line, reason) => warn(noteOf(file.display, reason, line)),
          signal: options.signal,
          onBytes: (bytes) => progress(bytes, cards),
        }),
      );
      rows += cards;
      progress(file.size);
      out.files.push({
        name: file.display,
        kind: xing > 0 && xing === cards ? 'xing-vcard' : 'vcard',
        rows: cards,
        sha256,
      });
      return;
    }

    let sink: ExportCsvSink;
    let sha256: string;
    /** About the file's bytes (not UTF-8, NUL bytes). */
    let textWarnings: ImportNote[];
    try {
      let reading: ExportCsvSink | null = null;
      ({
        sink,
        sha256,
        warnings: textWarnings,
      } = await readCsv(file, () => (reading = new ExportCsvSink(file.display)), {
        signal: options.signal,
        onBytes: (bytes) => progress(bytes, reading?.rows ?? 0),
      }));
    } catch (error) {
      if (!(error instanceof UnrecognisedFile)) throw error;
      if (file.explicit) {
        throw new ImportError(file.display, 'unrecognised');
      }
      out.ignored.push(file.display);
      progress(file.size);
      return;
    }
    progress(file.size, sink.rows);
    const inner = sink.inner;
    if (inner === null || (inner instanceof LinkedInSink && inner.result === null)) {
      if (file.explicit) {
        throw new ImportError(file.display, sink.seen === 0 ? 'emptyFile' : 'unrecognised');
      }
      out.ignored.push(file.display);
      return;
    }
    textWarnings.forEach(warn);
    inner.warnings.forEach(warn);

    if (inner instanceof AddressCsvSink) {
      const target = book(file.container === file.display ? file.display : file.container, inner.kind, null);
      for (const e of inner.entries) {
        const { emails, phones } = details(e.emails, e.phones);
        addEntry(target, entryOf({ ...e, urls: webUrls(e.urls, e.line) }, emails, phones));
      }
      rows += inner.rows;
      out.files.push({ name: file.display, kind: inner.kind, rows: inner.rows, sha256 });
      progress(file.size);
      return;
    }

    const result = inner.result!;
    rows += result.rows;
    out.files.push({ name: file.display, kind: result.kind, rows: result.rows, sha256 });
    switch (result.kind) {
      case 'linkedin-connections':
        out.connections ??= new Map();
        for (const c of result.connections) out.connections.set(c.key, c);
        break;
      case 'linkedin-messages':
        out.messages.push(result);
        break;
      case 'linkedin-invitations':
        out.invitations.push(...result.invitations);
        break;
      case 'linkedin-emails': {
        // Every address, primary or not: only the primary one is visible to connections (exposure.ts).
        const emails = (out.emails ??= []);
        for (const e of result.emails) {
          const known = emails.find((d) => d.value === e.email);
          if (known) {
            if (e.primary !== null) known.primary = (known.primary ?? false) || e.primary;
            if (e.confirmed !== null) known.confirmed = (known.confirmed ?? false) || e.confirmed;
            continue;
          }
          emails.push({
            field: emailField(e.email),
            value: e.email,
            source: file.name,
            label: null,
            primary: e.primary,
            confirmed: e.confirmed,
          });
        }
        break;
      }
      case 'linkedin-phones': {
        const phones = (out.phones ??= []);
        for (const p of result.phones) {
          const { field, e164, decidedBy } = phoneDetail(p.number, region, p.type);
          const detail: OwnDetailInput = {
            field,
            value: p.extension ? `${p.number} ext. ${p.extension}` : p.number,
            source: file.name,
            label: p.type || (p.whatsapp ? 'WhatsApp' : null),
            primary: null,
            confirmed: null,
          };
          const key = `${e164 ?? p.number.replace(/[^\d+]/g, '')} ${p.extension}`;
          const known = ownPhones.get(key);
          if (!known) {
            ownPhones.set(key, { detail, stated: decidedBy === 'file' });
            phones.push(detail);
          } else if (decidedBy === 'file' && !known.stated) {
            // The same number again, this time with a type stated: that type decides.
            Object.assign(known.detail, { field, label: detail.label });
            known.stated = true;
          }
        }
        break;
      }
      case 'linkedin-contacts': {
        // The address book the user uploaded to LinkedIn: evidence of acquaintance, and a share itself.
        const target = book(file.display, 'linkedin-uploaded', 'linkedin');
        for (const e of result.entries) {
          const { emails, phones } = details(
            e.emails,
            e.phones.map((raw) => ({ raw, type: '' })),
          );
          addEntry(target, {
            name: e.name,
            company: e.company || null,
            title: e.title || null,
            birthday: normaliseBirthday(e.birthday),
            profileUrl: null,
            emails,
            phones,
            tags: [],
          });
        }
        break;
      }
      case 'linkedin-profile':
        if (result.birthDate)
          out.birthday = {
            field: 'birthday',
            value: result.birthDate,
            source: file.name,
            label: null,
            primary: null,
            confirmed: null,
          };
        break;
    }
    progress(file.size);
  };

  // A big messages file being read in the background is taken last (and its results put in file
  // order): the caller can write everything else meanwhile (see runImport).
  const deferred: Deferred[] = [];
  /** Reads the deferred files, from the first; their results go where they belong in file order. */
  const readDeferred = async (upTo: number): Promise<void> => {
    // Nothing else to do here now: this thread helps reading them.
    helping = true;
    const batch = deferred.splice(0, upTo);
    for (const [i, d] of batch.entries()) {
      const kept = { files: out.files, warnings: out.warnings, messages: out.messages, ignored: out.ignored };
      Object.assign(out, { files: [], warnings: [], messages: [], ignored: [] });
      try {
        await readFile(d.file);
      } finally {
        const read = { files: out.files, warnings: out.warnings, messages: out.messages, ignored: out.ignored };
        Object.assign(out, kept);
        for (const key of SPLICED) {
          (out[key] as unknown[]).splice(d.at[key] + d.shift[key], 0, ...read[key]);
          for (const later of [...batch.slice(i + 1), ...deferred]) later.shift[key] += read[key].length;
        }
      }
    }
    out.warnings.length = Math.min(out.warnings.length, MAX_WARNINGS);
  };
  /** Stops what is still read in the background, and waits until it has stopped. */
  const abandon = async (): Promise<void> => {
    stopBackground.abort();
    await Promise.allSettled(background.values());
  };
  const stop = async (error: unknown): Promise<never> => {
    await abandon();
    throw error;
  };
  const noFiles = (): ImportError => new ImportError(files.map((f) => f.display).join(', ') || 'import', 'noFiles');

  for (const file of files) {
    try {
      if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
      if (background.has(file) && options.defer) {
        const at = { files: out.files.length, warnings: out.warnings.length, messages: 0, ignored: 0 };
        at.messages = out.messages.length;
        at.ignored = out.ignored.length;
        deferred.push({ file, at, shift: { files: 0, warnings: 0, messages: 0, ignored: 0 } });
        continue;
      }
      await readFile(file);
    } catch (error) {
      // A file before this one may have failed first: that is the error to report.
      try {
        await readDeferred(deferred.length);
      } catch (earlier) {
        return stop(earlier);
      }
      return stop(error);
    }
  }
  if (deferred.length === 0) {
    if (out.files.length === 0) throw noFiles();
    return { data: out, rest: null, abandon };
  }
  const rest = async (): Promise<void> => {
    try {
      await readDeferred(deferred.length);
    } catch (error) {
      return stop(error);
    }
    if (out.files.length === 0) throw noFiles();
  };
  return { data: out, rest, abandon };
}

/** Why a file cannot be imported, as inspect() tells it: the importer's reason, else the error's text. */
function problemOf(file: SourceFile, error: unknown): ImportNote {
  if (error instanceof AppError && error.messageId.startsWith('importer.'))
    return { messageId: error.messageId as ImportNote['messageId'], values: error.values };
  return noteOf(file.display, because('cannotRead', { detail: reasonOf(error) }));
}

/** Stops reading as soon as the header has been recognised. */
class DetectOnly extends StopReading {}

/** What each file would be imported as, reading no more than its first lines. */
export async function inspect(files: readonly SourceFile[]): Promise<InspectedFile[]> {
  const result: InspectedFile[] = [];
  for (const file of files) {
    const base = { id: String(result.length), name: file.display, size: file.size };
    if (!file.explicit && !/\.(csv|vcf|vcard)$/i.test(file.name)) {
      result.push({ ...base, kind: null, problem: null });
      continue;
    }
    try {
      const head = await reading(file, () => readHead(file, 64 * 1024));
      if (isVCard(head)) {
        result.push({
          ...base,
          kind: /PRODID:[^\r\n]*XING/i.test(head.toString('latin1')) ? 'xing-vcard' : 'vcard',
          problem: null,
        });
        continue;
      }
      let kind: string | null = null;
      const sink = new ExportCsvSink(file.display);
      const probe: CsvRecordSink = {
        get columnMask() {
          return null;
        },
        record(fields, line) {
          sink.record(fields, line);
          const inner = sink.inner;
          if (inner instanceof AddressCsvSink) kind = inner.kind;
          else if (inner?.result) kind = inner.result.kind;
          if (kind) throw new DetectOnly();
        },
      };
      try {
        await readCsv(file, () => probe);
      } catch (error) {
        if (!(error instanceof StopReading)) throw error;
      }
      result.push({
        ...base,
        kind,
        problem: kind === null && file.explicit ? noteOf(file.display, 'unrecognised') : null,
      });
    } catch (error) {
      result.push({ ...base, kind: null, problem: problemOf(file, error) });
    }
  }
  return result;
}

export interface InteractionStats {
  sent: number;
  received: number;
  /** As messageDateKey() writes them (dateFromKey() makes ISO of them). */
  first: number | null;
  last: number | null;
}

/** Per-person counts relative to the user, by participant key; by name only when asked. */
export class Interactions {
  private aliases: Map<string, InteractionStats> | null = null;

  constructor(
    private readonly byKey: Map<string, InteractionStats>,
    /** Profile-URL keys and the names they came with. */
    private readonly names: ReadonlyArray<readonly [string, string]>,
  ) {}

  /** By participant key, else by the person's name (messages may carry another form of URL). */
  find(key: string, name: string): InteractionStats | undefined {
    const direct = this.byKey.get(key);
    if (direct !== undefined) return direct;
    const byName = nameKey(name);
    return this.byKey.get(byName) ?? this.nameIndex().get(byName);
  }

  /** Built on the first miss only: naming 30,000 people costs more than all the rest. */
  private nameIndex(): Map<string, InteractionStats> {
    if (this.aliases === null) {
      this.aliases = new Map();
      for (const [key, name] of this.names) {
        const s = this.byKey.get(key);
        const byName = nameKey(name);
        if (s && !this.aliases.has(byName)) this.aliases.set(byName, s);
      }
    }
    return this.aliases;
  }
}

/** Turns "who wrote to whom" pairs into per-person counts relative to the user. */
export function interactionsByParticipant(messages: Collected['messages']): Interactions {
  const stats = new Map<string, InteractionStats>();
  const names: Array<readonly [string, string]> = [];
  for (const file of messages) {
    let me = file.participants.indexOf(ME);
    if (!file.legacy) {
      // The user is in every conversation of their own export: the most frequent participant.
      // On a tie the smaller key, so that the order in which people were met does not matter.
      let best = 0;
      file.appearances.forEach((n, id) => {
        if (n > best || (n === best && n > 0 && file.participants[id]! < file.participants[me]!)) [me, best] = [id, n];
      });
    }
    const add = (
      other: number,
      field: 'sent' | 'received',
      count: number,
      first: number | null,
      last: number | null,
    ): void => {
      const key = file.participants[other]!;
      let s = stats.get(key);
      if (s === undefined) {
        s = { sent: 0, received: 0, first: null, last: null };
        stats.set(key, s);
      }
      s[field] += count;
      if (first !== null && (s.first === null || first < s.first)) s.first = first;
      if (last !== null && (s.last === null || last > s.last)) s.last = last;
    };
    file.pairs.forEach((from, to, count, first, last) => {
      if (from === me && to !== me) add(to, 'sent', count, first, last);
      else if (to === me && from !== me) add(from, 'received', count, first, last);
    });
    names.push(...file.names);
  }
  return new Interactions(stats, names);
}

/** Reads every file, then writes everything in one transaction: all or nothing. */
export async function runImport(db: DB, files: readonly SourceFile[], options: ImportOptions): Promise<ImportSummary> {
  const run = { origin: options.origin, started: Date.now(), now: options.now ?? new Date() };
  const { data, rest, abandon } = await collect(files, { ...options, defer: true });
  const cancelled = (): AppError => new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
  if (options.signal?.aborted) {
    await rest?.().catch(() => undefined);
    throw cancelled();
  }
  if (rest === null) return writeImport(db, data, interactionsByParticipant(data.messages), run);
  // Big message files are still being read: everything else is written meanwhile.
  const interactions = async (): Promise<Interactions> => {
    await rest();
    if (options.signal?.aborted) throw cancelled();
    return interactionsByParticipant(data.messages);
  };
  try {
    return await writeImportWhileReading(db, data, interactions, run, options.hold);
  } catch (error) {
    // Writing failed while the messages were still read: they are not needed any more.
    await abandon();
    throw error;
  }
}
