import { AppError, ImportError } from '../errors';
import { AddressCsvSink, detectAddressCsv } from './address-csv';
import type { CsvRecordSink } from './csv';
import { LinkedInSink, detectKind, UnrecognisedFile } from './linkedin';
import { because, reasonOf } from './reason';
import type { SourceFile } from './source';

/** Recognises any CSV we read by its header: a LinkedIn export file or an address book. */
export class ExportCsvSink implements CsvRecordSink {
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

export function isVCard(head: Buffer): boolean {
  const text = head.toString(head[0] === 0xff || head[0] === 0xfe ? 'utf16le' : 'latin1').replace(/\0/g, '');
  return /^(\uFEFF|ï»¿)?\s*BEGIN:VCARD/i.test(text);
}

/** Errors of the byte stream itself (a damaged or lying ZIP entry, a failing disk) name their file. */
export async function reading<T>(file: SourceFile, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new ImportError(file.display, because('cannotRead', { detail: reasonOf(error) }));
  }
}

export async function readHead(file: SourceFile, bytes = 64): Promise<Buffer> {
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
