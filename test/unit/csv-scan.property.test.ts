import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner, CsvSyntaxError } from '../../electron/services/importers/csv-scan';
import { readCsv } from '../../electron/services/importers/csv';
import { memoryFile } from '../../electron/services/importers/source';
import { AppError } from '../../electron/services/errors';

function scan(text: string, chunks: number[], delimiter = ','): string[][] {
  const rows: string[][] = [];
  const scanner = new CsvScanner(delimiter, { record: (fields) => rows.push(fields) });
  let at = 0;
  for (const size of chunks) {
    scanner.push(text.slice(at, at + size));
    at += size;
  }
  scanner.push(text.slice(at));
  scanner.end();
  return rows;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field;
}

const field = fc.string({
  unit: fc.constantFrom('a', 'Ä', '🚀', ',', '"', '\n', '\r\n', ' ', ';', 'x'),
  maxLength: 12,
});
const record = fc.array(field, { minLength: 1, maxLength: 6 });

describe('CSV scanner', () => {
  it('round-trips any records written with RFC 4180 quoting, however the text is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(40)),
        fc.boolean(),
        (records, chunks, crlf) => {
          const text = records.map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
          expect(scan(text, chunks)).toEqual(records);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with csv-parse (the reference parser) on well-formed files', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 15 }), (records) => {
        const text = `${records.map((r) => r.map(quote).join(',')).join('\n')}\n`;
        const reference = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
        expect(scan(text, [7])).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('reports the line where a record starts, counting line breaks inside quotes', () => {
    const lines: number[] = [];
    const scanner = new CsvScanner(',', { record: (_f, line) => lines.push(line) });
    scanner.push('a,b\n"multi\nline",x\n\nlast,row\n');
    scanner.end();
    expect(lines).toEqual([1, 2, 5]);
  });

  it('an unterminated quote at the end is a syntax error with its line', () => {
    expect(() => scan('a,b\n"never closed,x\n', [])).toThrow(CsvSyntaxError);
    try {
      scan('a,b\nc,d\n"never closed,x\n', []);
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
    }
  });

  it('skips columns the reader does not want without building them', () => {
    const rows: string[][] = [];
    const scanner = new CsvScanner(',', { record: (f) => rows.push(f), columnMask: Uint8Array.of(1, 0, 1) });
    scanner.push('a,"long ""quoted"" body",c\n');
    scanner.end();
    expect(rows).toEqual([['a', '', 'c']]);
  });

  it('never throws anything but a clear import error on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        try {
          await readCsv(memoryFile('random.csv', Buffer.from(bytes), true), () => ({ record: () => undefined }));
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as Error).message).toMatch(/^random\.csv(, line \d+)?: /);
        }
      }),
      { numRuns: 300 },
    );
  });
});
