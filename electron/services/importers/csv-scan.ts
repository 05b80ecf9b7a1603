/**
 * A streaming CSV scanner: RFC 4180 quoting (doubled quotes, delimiters and line breaks inside
 * quotes), LF and CRLF, lenient about stray quotes inside unquoted fields as real exports have them.
 * Much faster than a general parser because it jumps with indexOf and never builds the fields a
 * reader said it does not need (e.g. message bodies).
 */
import { because, type Reason } from './reason';

export interface ScanSink {
  record(fields: string[], line: number): void;
  /** Columns to materialise (1 = keep); others arrive as ''. Read before every record. */
  readonly columnMask?: Uint8Array | null;
}

export class CsvSyntaxError extends Error {
  constructor(
    /** What is wrong, as a reason of the catalogue (shared/i18n/parts/importer.ts). */
    readonly reason: Reason,
    readonly line: number,
  ) {
    super(typeof reason === 'string' ? reason : reason.reason);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export const MAX_RECORD_CHARS = 16 * 1024 * 1024;
const MAX_RECORD_MB = MAX_RECORD_CHARS / 1024 / 1024;

/** Line breaks in text[from, to) as the scanner counts them: LF, CRLF and a lone CR. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && i + 1 < text.length && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

export class CsvScanner {
  private text = '';
  /** Line number (1-based) of text[0]. */
  private line = 1;
  /** Length of the pending tail when it last turned out to hold no whole record. */
  private waitingFor = 0;
  private readonly delim: number;

  /** One array for every record, for sinks that never keep `fields` (fewer young-generation GCs). */
  private readonly reusable: string[] | null;

  constructor(
    delimiter: string,
    private readonly sink: ScanSink,
    options: { reuseFields?: boolean; firstLine?: number } = {},
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.reusable = options.reuseFields ? [] : null;
    this.line = options.firstLine ?? 1;
  }

  push(chunk: string): void {
    this.text = this.text.length === 0 ? chunk : this.text + chunk;
    // A record longer than a chunk: wait until the tail doubles instead of rescanning every chunk.
    if (this.waitingFor > 0 && this.text.length < this.waitingFor * 2) return;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
  }

  /**
   * The line of each chunk[offset] (offsets ascending), were `chunk` pushed next: for warnings
   * about the text itself. Counts what is pending and the chunk up to the last offset.
   */
  linesAt(chunk: string, offsets: readonly number[]): number[] {
    let line = this.line + lineBreaks(this.text, 0, this.text.length);
    let from = 0;
    return offsets.map((at) => {
      line += lineBreaks(chunk, from, at);
      from = at;
      return line;
    });
  }

  /** The line number the next record would start on. */
  get nextLine(): number {
    return this.line;
  }

  // The scanner's inner loop, run for every record of every CSV: split, it would pass its position and the
  // field's state between functions on the import's hottest path.
  // eslint-disable-next-line max-lines-per-function
  private scan(final: boolean): void {
    const text = this.text;
    const len = text.length;
    const delim = this.delim;
    const sink = this.sink;
    let pos = 0;
    let line = this.line;
    // Where the next line feed and carriage return are (len: none left): an unquoted field ends at
    // the next delimiter or line break, found by indexOf rather than character by character.
    const delimiter = String.fromCharCode(delim);
    let nextLf = -1;
    let nextCr = -1;
    const fieldEnd = (from: number): number => {
      if (nextLf < from) {
        nextLf = text.indexOf('\n', from);
        if (nextLf < 0) nextLf = len;
      }
      if (nextCr < from) {
        nextCr = text.indexOf('\r', from);
        if (nextCr < 0) nextCr = len;
      }
      let end = text.indexOf(delimiter, from);
      if (end < 0) end = len;
      return Math.min(end, nextLf, nextCr);
    };
    while (pos < len) {
      const start = pos;
      const mask = sink.columnMask ?? null;
      let fields: string[];
      if (this.reusable === null) fields = [];
      else {
        fields = this.reusable;
        fields.length = 0;
      }
      let complete = false;
      let linesInRecord = 0;
      let quoted = false;
      record: for (;;) {
        const keep = mask === null || fields.length >= mask.length || mask[fields.length] === 1;
        if (pos < len && text.charCodeAt(pos) === QUOTE) {
          // Quoted field.
          quoted = true;
          let from = pos + 1;
          let value = '';
          for (;;) {
            const q = text.indexOf('"', from);
            if (q < 0 || (q + 1 >= len && !final)) break record;
            if (q + 1 < len && text.charCodeAt(q + 1) === QUOTE) {
              if (keep) value += text.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            if (keep) value += text.slice(from, q);
            // Count line breaks inside the quotes for line numbers.
            for (let nl = text.indexOf('\n', pos); nl >= 0 && nl < q; nl = text.indexOf('\n', nl + 1)) linesInRecord++;
            pos = q + 1;
            break;
          }
          // Lenient: text after the closing quote up to the delimiter belongs to the field.
          let end = pos;
          while (end < len) {
            const c = text.charCodeAt(end);
            if (c === delim || c === LF || c === CR) break;
            end++;
          }
          if (end >= len && !final) break record;
          if (keep && end > pos) value += text.slice(pos, end);
          pos = end;
          fields.push(keep ? value : '');
        } else {
          const end = fieldEnd(pos);
          if (end >= len && !final) break record;
          fields.push(keep ? text.slice(pos, end) : '');
          pos = end;
        }
        if (pos >= len) {
          complete = true;
          break;
        }
        const c = text.charCodeAt(pos);
        if (c === delim) {
          pos++;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= len && !final) break record;
          pos += pos + 1 < len && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else {
          pos++;
        }
        linesInRecord++;
        complete = true;
        break;
      }
      if (!complete) {
        if (final) throw new CsvSyntaxError('csvUnterminatedQuote', line);
        pos = start;
        break;
      }
      if (pos - start > MAX_RECORD_CHARS)
        throw new CsvSyntaxError(because('csvRecordTooLong', { mb: MAX_RECORD_MB }), line);
      // An empty line is no record; a line holding one quoted empty field is.
      if (quoted || fields.length > 1 || fields[0] !== '') sink.record(fields, line);
      line += linesInRecord;
    }
    this.text = pos >= len ? '' : text.slice(pos);
    this.line = line;
    if (this.text.length > MAX_RECORD_CHARS)
      throw new CsvSyntaxError(because('csvRecordTooLongQuote', { mb: MAX_RECORD_MB }), line);
    this.waitingFor = this.text.length > 64 * 1024 ? this.text.length : 0;
  }
}
