/**
 * Parses whole-record chunks of one LinkedIn messages file into a partial aggregate. Runs in the
 * parse workers and on the main thread alike (see parallel.ts).
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { CsvScanner, type ScanSink } from './csv-scan';
import { LinkedInSink, type MessagesResult } from './linkedin';
import { MessageBytes } from './message-bytes';
import type { MessagesPart, WorkerProblem, WorkerSetup } from './parallel-protocol';

/** Per parser; the merged file keeps the first ones in file order. */
const MAX_PROBLEMS = 1000;

export class NotUtf8 extends Error {}

export class ChunkParser {
  private readonly sink: LinkedInSink;
  readonly problems: WorkerProblem[] = [];
  private seq = 0;
  /** Chunk 0 also holds the preamble and the header itself: those records were already read. */
  private skipThrough = 0;
  private readonly records: ScanSink;
  /** Plain records straight from their bytes; null for the 2018 layout. */
  private readonly fast: MessageBytes | null;

  constructor(private readonly setup: WorkerSetup) {
    const sink = new LinkedInSink(setup.display);
    // The header was found by the main thread: set the reader up from it.
    sink.record(setup.header, setup.headerLine);
    // Valid UTF-8 is scanned as Latin-1: the reader decodes only the values it keeps.
    sink.latin1 = true;
    sink.onProblem = (line, reason) => {
      if (this.problems.length < MAX_PROBLEMS) this.problems.push({ seq: this.seq, line, reason });
    };
    this.sink = sink;
    this.fast = MessageBytes.for(sink, setup.delimiter);
    this.records = {
      get columnMask() {
        return sink.columnMask;
      },
      record: (fields, line) => {
        if (line > this.skipThrough) sink.record(fields, line);
      },
    };
  }

  /** Reads chunk `seq` (whole records); returns how many lines it held. */
  parse(seq: number, bytes: Uint8Array): number {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Validating is far cheaper than decoding. A NUL byte (one native search of the chunk) is left
    // to the ordinary reader, which removes it and names its line.
    if (!isUtf8(buffer)) throw new NotUtf8('not UTF-8');
    if (buffer.includes(0)) throw new Error('NUL byte');
    this.seq = seq;
    let offset = 0;
    let line = 1;
    // Chunk 0 holds the preamble and header too: the general scanner skips them.
    if (seq !== 0 && this.fast !== null) {
      ({ offset, line } = this.fast.read(buffer, line));
      if (offset === buffer.length) return line - 1;
    }
    // The rest from the first record the fast path leaves to the general scanner.
    this.skipThrough = seq === 0 ? this.setup.headerLine : 0;
    // The messages reader never keeps a record's array.
    const scanner = new CsvScanner(this.setup.delimiter, this.records, { reuseFields: true, firstLine: line });
    scanner.push(buffer.toString('latin1', offset));
    scanner.end();
    return scanner.nextLine - 1;
  }

  /** Messages read so far. */
  get rows(): number {
    return this.sink.result?.rows ?? 0;
  }

  result(): MessagesResult {
    const result = this.sink.result;
    if (result?.kind !== 'linkedin-messages') throw new Error('not a messages file');
    return result;
  }

  /** The result as it crosses threads, and the buffers to move with it. */
  part(): { part: MessagesPart; transfer: ArrayBuffer[] } {
    const result = this.result();
    const pairs = result.pairs.export();
    const transfer = [pairs.from, pairs.to, pairs.count, pairs.first, pairs.last].map((a) => a.buffer as ArrayBuffer);
    return { part: { ...result, pairs }, transfer };
  }
}
