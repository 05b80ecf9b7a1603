import { describe, expect, it } from 'vitest';
import { readCsv, sniffDelimiter, type CsvRecordSink } from '../../electron/services/importers/csv';
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
