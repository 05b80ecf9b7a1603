/**
 * Generators of hostile files (issue 13, "Hostile files"): each is small, or streamed from one
 * repeated piece, so that a test of it stays within a few seconds and a few MB of its own memory.
 */
import { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import type { SourceFile } from '../../electron/services/importers/source';
import { makeZip } from './zip';

const CRLF = '\r\n';

/** A source file whose bytes are produced as they are read: `pieces` is called once per open(). */
export function streamedFile(
  name: string,
  pieces: () => Iterable<Buffer>,
  size = 1 << 30,
  explicit = true,
): SourceFile & { opened: Readable[] } {
  const opened: Readable[] = [];
  return {
    name,
    display: name,
    size,
    explicit,
    container: name,
    opened,
    open: () => {
      const stream = Readable.from(pieces());
      opened.push(stream);
      return Promise.resolve(stream);
    },
  };
}

/** `text` folded as RFC 6350 folds it: lines of 75 characters, continued with a leading space. */
function foldedLines(bytes: number, width = 74): string {
  const line = 'Notiz '.repeat(Math.ceil(width / 6)).slice(0, width);
  return Array.from({ length: Math.ceil(bytes / (width + 3)) }, () => line).join(`${CRLF} `);
}

/** A vCard whose NOTE of about `bytes` bytes is folded every 74 characters (quadratic to unfold naively). */
export function foldedNoteVCard(bytes: number, name = 'Erika Faltung'): Buffer {
  return Buffer.from(
    ['BEGIN:VCARD', 'VERSION:3.0', `FN:${name}`, `NOTE:${foldedLines(bytes)}`, 'END:VCARD', ''].join(CRLF),
  );
}

/** A vCard 2.1 whose quoted-printable NOTE of about `bytes` bytes is cut by soft line breaks ("=" at the end). */
export function softBreakVCard(bytes: number, name = 'Otto Weich'): Buffer {
  const line = '=C3=BCber '.repeat(7); // 70 characters: "über " seven times
  const lines = Array.from({ length: Math.ceil(bytes / (line.length + 3)) }, () => line);
  return Buffer.from(
    [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `FN:${name}`,
      `NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${lines.join(`=${CRLF}`)}`,
      'END:VCARD',
      '',
    ].join(CRLF),
  );
}

/** A vCard file without end: card after card, each with a 1 MB folded NOTE (only a cancel ends its import). */
export function endlessVCards(name = 'endless.vcf'): SourceFile & { opened: Readable[] } {
  const card = foldedNoteVCard(1024 * 1024, 'Endlos Karte');
  return streamedFile(name, function* () {
    for (;;) yield card;
  });
}

/**
 * A vCard that is mostly line breaks: `before`, then `megabytes` MiB of LF, then `after`. Streamed
 * from one 1 MiB piece: the file is never held whole by the test.
 */
export function lineBreakFlood(name: string, before: string, megabytes: number, after = ''): SourceFile {
  const breaks = Buffer.alloc(1024 * 1024, '\n');
  const size = before.length + megabytes * breaks.length + after.length;
  return streamedFile(
    name,
    function* () {
      yield Buffer.from(before);
      for (let i = 0; i < megabytes; i++) yield breaks;
      yield Buffer.from(after);
    },
    size,
  );
}

/**
 * A ZIP of `count` entries, each `entryBytes` of line breaks deflated (a ratio near 1000:1): every
 * entry small, together they inflate `count` × `entryBytes`. Deflated once, written `count` times.
 */
export function zipOfSmallBombs(count: number, entryBytes: number): Buffer {
  const data = Buffer.alloc(entryBytes, '\n');
  const raw = { deflated: deflateRawSync(data), size: data.length, crc: crc32(data) };
  return makeZip(Array.from({ length: count }, (_, i) => ({ name: `part-${i}.csv`, data: '', raw })));
}

export const CONNECTIONS_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

/** A Connections.csv of `rows` people, Jürgen 0 … Jürgen n-1, in UTF-8; row r (1-based) on line r + 1. */
export function connectionsCsv(rows: number, name = (i: number) => `Jürgen,Müller ${i}`): Buffer {
  const lines = [CONNECTIONS_HEADER];
  for (let i = 0; i < rows; i++)
    lines.push(`${name(i)},https://www.linkedin.com/in/juergen-${i},,Bäckerei Größe,Meister,20 Mar 2024`);
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** `bytes` with the first occurrence of `text` (UTF-8) on line `line` replaced by `replacement` bytes. */
export function patchLine(bytes: Buffer, line: number, text: string, replacement: Buffer): Buffer {
  let start = 0;
  for (let l = 1; l < line; l++) start = bytes.indexOf(0x0a, start) + 1;
  const at = bytes.indexOf(Buffer.from(text, 'utf8'), start);
  return Buffer.concat([bytes.subarray(0, at), replacement, bytes.subarray(at + Buffer.byteLength(text))]);
}

/** `text` as UTF-16BE without a byte-order mark. */
export function utf16beWithoutBom(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}
