import type { ImportNote } from '../../../shared/contract';
import { AppError, ImportError } from '../errors';
import { AddressCsvSink } from './address-csv';
import { readCsv } from './csv';
import { xingKey, type Gathered } from './gather';
import { LinkedInSink, UnrecognisedFile } from './linkedin';
import type { ParallelResult } from './parallel';
import type { Progress } from './progress';
import { noteOf } from './reason';
import { ExportCsvSink, isVCard, readHead, reading } from './recognise';
import type { SourceFile } from './source';
import { takeLinkedIn } from './take-linkedin';
import { webUrl } from './validate';
import { readVCardFile } from './vcard-file';
import type { ParsedCard } from './vcard';

/** No real address book is this big (vCards are streamed: this bounds time, not memory). */
const MAX_VCARD_BYTES = 256 * 1024 * 1024;

/** What reading a file needs: where its results go, the progress, the files read in the background. */
export interface ReadContext {
  gathered: Gathered;
  progress: Progress;
  /** Big LinkedIn message files read in the background (parallel.ts). */
  background: ReadonlyMap<SourceFile, Promise<ParallelResult | null>>;
  signal: AbortSignal | undefined;
}

/** Only http(s) addresses are kept as profile URLs (never javascript:, data: …). */
function webUrls(gathered: Gathered, file: SourceFile, urls: readonly string[], line: number): string[] {
  const kept = urls.map(webUrl).filter((u): u is string => u !== null);
  if (kept.length < urls.length) gathered.warn(noteOf(file.display, 'urlNotWeb', line));
  return kept;
}

/** Reads one file into what was gathered. */
export async function readFile(ctx: ReadContext, file: SourceFile): Promise<void> {
  if (ctx.signal?.aborted) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
  const { gathered, progress } = ctx;
  const out = gathered.out;
  if (!file.explicit && !/\.(csv|vcf|vcard)$/i.test(file.name)) {
    out.ignored.push(file.display);
    progress.report(file, file.size);
    return;
  }

  // Read in the background: a LinkedIn messages file (its header was recognised), never a vCard.
  const read = await ctx.background.get(file);
  if (read) {
    read.warnings.forEach(gathered.warn);
    progress.rows += read.result.rows;
    out.files.push({ name: file.display, kind: read.result.kind, rows: read.result.rows, sha256: read.sha256 });
    out.messages.push(read.result);
    progress.report(file, file.size);
    return;
  }

  if (isVCard(await reading(file, () => readHead(file)))) await readVCards(ctx, file);
  else await readExportCsv(ctx, file);
}

/** A vCard file, streamed card by card: a cancel is answered while it is read (readVCardFile yields). */
async function readVCards(ctx: ReadContext, file: SourceFile): Promise<void> {
  const { gathered, progress } = ctx;
  let cards = 0;
  let xing = 0;
  const onCard = (card: ParsedCard): void => {
    cards++;
    if (takeCard(gathered, file, card)) xing++;
  };
  const sha256 = await reading(file, () =>
    readVCardFile(file, {
      maxBytes: MAX_VCARD_BYTES,
      onCard,
      warn: (line, reason) => gathered.warn(noteOf(file.display, reason, line)),
      signal: ctx.signal,
      onBytes: (bytes) => progress.report(file, bytes, cards),
    }),
  );
  progress.rows += cards;
  progress.report(file, file.size);
  gathered.out.files.push({
    name: file.display,
    kind: xing > 0 && xing === cards ? 'xing-vcard' : 'vcard',
    rows: cards,
    sha256,
  });
}

/** One card: a XING contact, else an entry of the file's address book. Whether it is a XING contact. */
function takeCard(gathered: Gathered, file: SourceFile, card: ParsedCard): boolean {
  const { emails, phones } = gathered.details(
    card.emails,
    card.phones.map((p) => ({ raw: p.raw, type: p.types.join(' ') })),
  );
  if (!card.name && emails.length === 0 && phones.length === 0) {
    gathered.warn(noteOf(file.display, 'cardEmpty', card.line));
    return false;
  }
  const name = card.name || emails[0] || phones[0]!.raw;
  const urls = webUrls(gathered, file, card.urls, card.line);
  if (/xing/i.test(card.prodid)) {
    const key = xingKey(urls, name, card.company);
    gathered.out.xingContacts.set(key, {
      key,
      name,
      company: card.company || null,
      title: card.title || null,
      profileUrl: urls.find((u) => /xing\.com/i.test(u)) ?? null,
      emails,
      phones,
      tags: card.categories,
    });
    return true;
  }
  gathered.addEntry(
    gathered.book(file.container, 'vcard', null),
    gathered.entryOf({ ...card, name, urls, tags: card.categories }, emails, phones),
  );
  return false;
}

/** A CSV file, recognised by its header: a LinkedIn export file or an address book. */
async function readExportCsv(ctx: ReadContext, file: SourceFile): Promise<void> {
  const { gathered, progress } = ctx;
  const out = gathered.out;
  let sink: ExportCsvSink;
  let sha256: string;
  /** About the file's bytes (not UTF-8, NUL bytes). */
  let textWarnings: ImportNote[];
  try {
    let csvSink: ExportCsvSink | null = null;
    ({
      sink,
      sha256,
      warnings: textWarnings,
    } = await readCsv(file, () => (csvSink = new ExportCsvSink(file.display)), {
      signal: ctx.signal,
      onBytes: (bytes) => progress.report(file, bytes, csvSink?.rows ?? 0),
    }));
  } catch (error) {
    if (!(error instanceof UnrecognisedFile)) throw error;
    if (file.explicit) {
      throw new ImportError(file.display, 'unrecognised');
    }
    out.ignored.push(file.display);
    progress.report(file, file.size);
    return;
  }
  progress.report(file, file.size, sink.rows);
  const inner = sink.inner;
  if (inner === null || (inner instanceof LinkedInSink && inner.result === null)) {
    if (file.explicit) {
      throw new ImportError(file.display, sink.seen === 0 ? 'emptyFile' : 'unrecognised');
    }
    out.ignored.push(file.display);
    return;
  }
  textWarnings.forEach(gathered.warn);
  inner.warnings.forEach(gathered.warn);

  if (inner instanceof AddressCsvSink) {
    takeAddressBook(gathered, file, inner);
    progress.rows += inner.rows;
    out.files.push({ name: file.display, kind: inner.kind, rows: inner.rows, sha256 });
  } else {
    const result = inner.result!;
    progress.rows += result.rows;
    out.files.push({ name: file.display, kind: result.kind, rows: result.rows, sha256 });
    takeLinkedIn(gathered, file, result);
  }
  progress.report(file, file.size);
}

/** An address book exported as CSV (Google, Outlook). */
function takeAddressBook(gathered: Gathered, file: SourceFile, book: AddressCsvSink): void {
  const target = gathered.book(file.container === file.display ? file.display : file.container, book.kind, null);
  for (const e of book.entries) {
    const { emails, phones } = gathered.details(e.emails, e.phones);
    gathered.addEntry(
      target,
      gathered.entryOf({ ...e, urls: webUrls(gathered, file, e.urls, e.line) }, emails, phones),
    );
  }
}
