import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DecodeError,
  readCsv,
  sniffDelimiter,
  Utf8Pieces,
  type CsvRecordSink,
} from '../../electron/services/importers/csv';
import { memoryFile } from '../../electron/services/importers/source';

class Collect implements CsvRecordSink {
  rows: string[][] = [];
  record(fields: string[]): void {
    this.rows.push(fields);
  }
}

const read = (content: Buffer | string) => readCsv(memoryFile('x.csv', content, true), () => new Collect());

describe('CSV decoding sniffs encoding and delimiter', () => {
  it('strips a UTF-8 BOM', async () => {
    const { sink, encoding } = await read('\uFEFFa,b\r\nÄ,ö\r\n');
    expect(encoding).toBe('utf-8');
    expect(sink.rows).toEqual([
      ['a', 'b'],
      ['Ä', 'ö'],
    ]);
  });

  it('reads UTF-16LE with BOM and tabs (a 2018 LinkedIn file)', async () => {
    const text = '\uFEFFFirst Name\tLast Name\r\nJürgen\tMüller\r\n';
    const { sink, encoding, delimiter } = await read(Buffer.from(text, 'utf16le'));
    expect(encoding).toBe('utf-16le');
    expect(delimiter).toBe('\t');
    expect(sink.rows[1]).toEqual(['Jürgen', 'Müller']);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (German Outlook)', async () => {
    const bytes = Buffer.from([
      ...Buffer.from('Vorname;Nachname\r\nJ'),
      0xfc,
      ...Buffer.from('rgen;Gr'),
      0xfc,
      0xdf,
      ...Buffer.from('\r\n'),
    ]);
    const { sink, encoding, delimiter } = await read(bytes);
    expect(encoding).toBe('windows-1252');
    expect(delimiter).toBe(';');
    expect(sink.rows[1]).toEqual(['Jürgen', 'Grüß']);
  });

  it('keeps quoted commas, doubled quotes and line breaks inside fields', async () => {
    const { sink } = await read('a,b\n"x, y","say ""hi""\nthere"\n');
    expect(sink.rows[1]).toEqual(['x, y', 'say "hi"\nthere']);
  });

  it('refuses binary data with the file name', async () => {
    await expect(read(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 9, 9]))).rejects.toThrow(
      'x.csv: binary data, not a text/CSV file',
    );
  });

  it('picks the delimiter of the header line, not of a preamble', () => {
    expect(sniffDelimiter('Notes:\n"some, text, here"\n\nA;B;C;D\n1;2;3;4')).toBe(';');
    expect(sniffDelimiter('a,b,c')).toBe(',');
  });
});

describe('strict UTF-8 in pieces', () => {
  /** What TextDecoder with `fatal` makes of the pieces: the text, or null when it refuses them. */
  function reference(pieces: Buffer[]): string | null {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      return pieces.map((p) => decoder.decode(p, { stream: true })).join('') + decoder.decode();
    } catch {
      return null;
    }
  }
  function fast(pieces: Buffer[]): string | null {
    const decoder = new Utf8Pieces();
    try {
      return pieces.map((p) => decoder.decode(p, { stream: true })).join('') + decoder.decode(Buffer.alloc(0));
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      return null;
    }
  }
  const cut = (bytes: Buffer, cuts: number[]): Buffer[] => {
    const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    return [...at, bytes.length].map((end, i) => bytes.subarray(i === 0 ? 0 : at[i - 1], end));
  };

  it('gives what TextDecoder gives for text cut anywhere, BOM included (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '\n', 'ä', '€', '🚀', '\uFEFF', '李'), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), (t, cuts) => {
        const pieces = cut(Buffer.from(t), cuts);
        expect(fast(pieces)).toBe(reference(pieces));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses exactly what TextDecoder refuses, for any bytes cut anywhere (property)', () => {
    const bytes = fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b));
    const utf8ish = fc
      .array(fc.constantFrom(0x41, 0xc3, 0xa4, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x9a, 0x80, 0xed, 0xa0, 0xc0, 0xff), {
        maxLength: 24,
      })
      .map((b) => Buffer.from(b));
    fc.assert(
      fc.property(fc.oneof(bytes, utf8ish), fc.array(fc.nat(), { maxLength: 6 }), (b, cuts) => {
        const pieces = cut(b, cuts);
        expect(fast(pieces)).toBe(reference(pieces));
      }),
      { numRuns: 5000 },
    );
  });
});
