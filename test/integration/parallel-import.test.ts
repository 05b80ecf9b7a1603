/**
 * Big message files are read in chunks by worker threads and the main thread (importers/parallel.ts).
 * Whatever the chunk size and number of workers, the result must be exactly the sequential one:
 * the same database rows, the same warnings with the same line numbers, the same SHA-256.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/services/db';
import { runImport, type ImportOptions } from '../../electron/services/importers';
import {
  planParallel,
  readMessagesInParallel,
  boundaryAfter,
  recordBoundary,
  type ParallelResult,
} from '../../electron/services/importers/parallel';
import { prestartParseWorkers, workersWaiting } from '../../electron/services/importers/workers';
import { memoryFile, type HashedReadable, type SourceFile } from '../../electron/services/importers/source';
import { GOOGLE_CURRENT } from '../helpers/address-fixtures';
import { snapshot } from '../helpers/db';

const NOW = new Date('2026-11-01T12:00:00Z');
const HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';
const ME = ['Ich Selbst', 'https://www.linkedin.com/in/ich-selbst'] as const;

/** People whose names and URLs stress a Latin-1 view of UTF-8 (see LinkedInSink.latin1). */
const PEOPLE: ReadonlyArray<readonly [string, string]> = [
  ['Jürgen Müller', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller'],
  ['Zoë Ñúñez', 'https://www.linkedin.com/in/zoë-ñúñez'],
  // Ends in "à" (bytes C3 A0: A0 alone is a no-break space in Latin-1) followed by a space.
  ['Renà ', ''],
  ['\u00a0Åsa Öberg\u00a0', ''],
  ['Max Mustermann', 'https://www.linkedin.com/in/max-mustermann'],
  ['李 小龙', ''],
  ['O"Brien, Pat', 'https://www.linkedin.com/in/pat-obrien'],
];

const quote = (s: string): string => (/[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s);

function message(i: number, body: string, eol: string): string {
  const [name, url] = PEOPLE[i % PEOPLE.length]!;
  const date = new Date(Date.UTC(2019, 0, 1) + i * 86_400_000 * 3).toISOString().replace('T', ' ').slice(0, 19);
  const [from, to] = i % 3 === 0 ? [ME, [name, url]] : [[name, url], ME];
  return (
    [`2-${i % 5}`, '', from[0], from[1], to[0], to[1], `${date} UTC`, '', body, 'INBOX'].map(quote).join(',') + eol
  );
}

/** A messages file with every awkward thing at once. */
function trickyMessages(count: number): string {
  let text = `\uFEFF${HEADER}\r\n`;
  for (let i = 0; i < count; i++) {
    const eol = i % 4 === 0 ? '\n' : '\r\n';
    if (i % 17 === 5) {
      text += `2-x,,,,Ich Selbst,${ME[1]},2024-01-01 10:00:00 UTC,,"no sender",INBOX${eol}`;
      continue;
    }
    if (i % 23 === 7) {
      text += `,,,,,,,,,${eol}`;
      continue;
    }
    if (i % 29 === 3) {
      // A group message: two recipients.
      text += `2-g,,Ich Selbst,${ME[1]},"Max Mustermann, Jürgen Müller","${PEOPLE[4]![1]},${PEOPLE[0]![1]}",2024-02-02 09:00:00 UTC,,Hallo,SENT${eol}`;
      continue;
    }
    const body =
      i % 2 === 0
        ? `<p>Zeile eins, mit "Zitat"\r\nZeile zwei\n\nÄrger über ${'x'.repeat(i % 50)}</p>`
        : `Kurz ${i}: Grüße 🚀`;
    text += message(i, body, eol);
  }
  return text;
}

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ...PEOPLE.map(([name, url], i) => `${quote(name)},,${url},,Firma,,${i + 1} Jan 2020`),
].join('\n');

async function importOnce(
  messages: SourceFile,
  parallel: ImportOptions['parallel'],
  extra: Partial<ImportOptions> = {},
) {
  const db = openDatabase(':memory:');
  try {
    const files = [memoryFile('Connections.csv', CONNECTIONS), messages];
    const summary = await runImport(db, files, { origin: 'file', now: NOW, parallel, ...extra });
    const rows = snapshot(db);
    delete rows.import_run;
    return { files: summary.files, warnings: summary.warnings, added: summary.added, rows };
  } finally {
    db.close();
  }
}

const file = (text: string | Buffer): SourceFile => memoryFile('messages.csv', text, true);

/** A messages file handed over a piece per turn of the event loop: `pieces` of them, or without end. */
function trickle(pieces = Infinity): SourceFile & { opened: Readable[] } {
  const opened: Readable[] = [];
  const piece = Buffer.from(trickyMessages(40).slice(HEADER.length + 3));
  return {
    ...file(''),
    size: 1 << 30,
    opened,
    open: () => {
      const stream = Readable.from(
        (async function* () {
          yield Buffer.from(`${HEADER}\n`);
          for (let i = 0; i < pieces; i++) {
            await new Promise((resolve) => setImmediate(resolve));
            yield piece;
          }
        })(),
      );
      opened.push(stream);
      return Promise.resolve(stream);
    },
  };
}

/** The same file, handed over in pieces of `size` bytes. */
function inPieces(text: string, size: number): SourceFile {
  const bytes = Buffer.from(text);
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return { ...file(bytes), open: () => Promise.resolve(Readable.from(pieces)) };
}

/** A read's messages by participant keys (ids differ between readers), with its warnings. */
function aggregate(read: ParallelResult) {
  const { result } = read;
  const pairs: Record<string, [number, number | null, number | null]> = {};
  result.pairs.forEach((from, to, count, first, last) => {
    pairs[`${result.participants[from]} → ${result.participants[to]}`] = [count, first, last];
  });
  const appearances = Object.fromEntries(result.participants.map((key, id) => [key, result.appearances[id]]));
  return { rows: result.rows, pairs, appearances, warnings: read.warnings };
}

describe('parallel reading of big message files', () => {
  it('gives exactly the sequential result on the main thread alone, for any chunk size', async () => {
    const text = trickyMessages(400);
    const expected = await importOnce(file(text), false);
    expect(expected.rows.interaction!.length).toBe(PEOPLE.length);
    expect(expected.warnings.length).toBeGreaterThan(10);
    for (const chunkBytes of [1, 7, 64, 333, 4096, 1 << 20]) {
      const got = await importOnce(file(text), { minBytes: 0, chunkBytes, workers: 0 });
      expect(got, `chunkBytes ${chunkBytes}`).toEqual(expected);
    }
  });

  it('really spreads the chunks over the worker threads', async () => {
    const messages = file(trickyMessages(3000));
    const plan = await planParallel(messages);
    expect(plan).toMatchObject({ bomLength: 3, delimiter: ',', headerLine: 1 });
    const read = await readMessagesInParallel(messages, plan!, { chunkBytes: 2048, workers: 2 });
    expect(read!.chunks.total).toBeGreaterThan(100);
    expect(read!.chunks.byWorkers).toBeGreaterThan(0);
    // Rows without a sender (every 17th) and empty rows (every 23rd) are not messages.
    const skipped = Array.from({ length: 3000 }, (_, i) => i % 17 === 5 || i % 23 === 7).filter(Boolean).length;
    expect(read!.result.rows).toBe(3000 - skipped);
  }, 30_000);

  it('leaves every chunk to the workers while this thread has other work, and helps once it has none', async () => {
    const messages = file(trickyMessages(3000));
    const plan = (await planParallel(messages))!;
    const options = { chunkBytes: 1024, workers: 1, cores: 4 };
    const waiting = await readMessagesInParallel(messages, plan, { ...options, help: () => false });
    expect(waiting!.chunks.byWorkers).toBe(waiting!.chunks.total);
    // Help from the start: with a queue of 64 chunks full at once, this thread reads some itself.
    const helping = await readMessagesInParallel(messages, plan, { ...options, help: () => true });
    expect(helping!.chunks.byWorkers).toBeLessThan(helping!.chunks.total);
    expect(helping!.result.rows).toBe(waiting!.result.rows);
  }, 30_000);

  it('reads the last chunks here rather than wait for a worker’s queue to drain', async () => {
    const messages = file(trickyMessages(3000));
    const plan = (await planParallel(messages))!;
    // Fewer chunks than a worker's queue holds: without a share per parser, the worker took them all.
    const read = (await readMessagesInParallel(messages, plan, { chunkBytes: 16 * 1024, workers: 1, cores: 4 }))!;
    expect(read.chunks.total).toBeGreaterThan(10);
    expect(read.chunks.total).toBeLessThan(64);
    expect(read.chunks.byWorkers).toBeGreaterThan(0);
    expect(read.chunks.byWorkers).toBeLessThan(read.chunks.total);
    const alone = (await readMessagesInParallel(messages, plan, { chunkBytes: 16 * 1024, workers: 0 }))!;
    expect(read.result.rows).toBe(alone.result.rows);
    expect([...read.result.participants].sort()).toEqual([...alone.result.participants].sort());
  }, 30_000);

  it('reads no chunk here unless a core is left for it beside its own work, the workers and an inflater', async () => {
    const text = trickyMessages(3000);
    // A deflated ZIP entry's stream: another thread inflates its bytes as they are read.
    const inflatedFile = (): SourceFile => {
      const inner = file(text);
      return {
        ...inner,
        open: async (how) => Object.assign(await inner.open(how), { inflated: true }) as HashedReadable,
      };
    };
    const plan = (await planParallel(inflatedFile()))!;
    const read = async (source: SourceFile, cores: number) =>
      (await readMessagesInParallel(source, plan, { chunkBytes: 1024, workers: 1, cores }))!.chunks;
    // Two cores: this thread deals the chunks, its worker parses them.
    const two = await read(file(text), 2);
    expect(two.byWorkers).toBe(two.total);
    const three = await read(file(text), 3);
    expect(three.byWorkers).toBeLessThan(three.total);
    // Inflated: the inflater takes a core too.
    const threeInflated = await read(inflatedFile(), 3);
    expect(threeInflated.byWorkers).toBe(threeInflated.total);
    const fourInflated = await read(inflatedFile(), 4);
    expect(fourInflated.byWorkers).toBeLessThan(fourInflated.total);
  }, 30_000);

  it('ends its workers when the file cannot be opened for the read: the process exits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shareaudit-open-'));
    const module = (path: string): string => JSON.stringify(pathToFileURL(join(process.cwd(), path)).href);
    const script = join(dir, 'open-fails.mts');
    writeFileSync(
      script,
      `import { memoryFile } from ${module('electron/services/importers/source.ts')};
       import { planParallel, readMessagesInParallel } from ${module('electron/services/importers/parallel.ts')};
       const inner = memoryFile('messages.csv', ${JSON.stringify(trickyMessages(300))}, true);
       // Recognised from its first bytes, then gone when it is read whole.
       const file = { ...inner, open: async (how) => { if (how?.whole) throw new Error('gone'); return inner.open(how); } };
       const plan = await planParallel(file);
       await readMessagesInParallel(file, plan, { workers: 1 }).catch((error) => console.log('failed:', error.message));`,
    );
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 20_000 });
      // A worker left running keeps the process alive until the timeout ends it.
      expect(run.signal).toBeNull();
      expect(run.stdout.trim()).toBe('failed: gone');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('takes the workers started ahead (as the CLI does before it opens the database)', async () => {
    prestartParseWorkers(1);
    expect(workersWaiting('parse-worker')).toBe(1);
    const text = trickyMessages(3000);
    const expected = await importOnce(file(text), false);
    const got = await importOnce(file(text), { minBytes: 0, chunkBytes: 2048, workers: 1 });
    expect(workersWaiting('parse-worker')).toBe(0);
    expect(got).toEqual(expected);
  }, 30_000);

  it('gives exactly the sequential result with worker threads, including interactions', async () => {
    const text = trickyMessages(3000);
    const expected = await importOnce(file(text), false);
    const got = await importOnce(file(text), { minBytes: 0, chunkBytes: 2048, workers: 2 });
    expect(got).toEqual(expected);
  }, 30_000);

  it('matches the sequential reader on arbitrary files and chunk sizes (property)', async () => {
    const row = fc.record({
      person: fc.nat(PEOPLE.length - 1),
      outgoing: fc.boolean(),
      body: fc.string({ unit: fc.constantFrom('a', 'ü', '🚀', ',', '"', '\n', '\r\n', ' ', '\u00a0'), maxLength: 30 }),
      crlf: fc.boolean(),
      day: fc.nat(2000),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 40 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 1000 }),
        async (rows, chunkBytes, pieceBytes) => {
          let text = `${HEADER}\n`;
          for (const r of rows) text += message(r.person * 3 + (r.outgoing ? 0 : 1), r.body, r.crlf ? '\r\n' : '\n');
          const expected = await importOnce(file(text), false);
          const got = await importOnce(file(text), { minBytes: 0, chunkBytes, workers: 0 });
          expect(got).toEqual(expected);
          // Handed over in pieces, some bigger than a chunk, as a disk or a ZIP does.
          const pieces = await importOnce(inPieces(text, pieceBytes), { minBytes: 0, chunkBytes, workers: 0 });
          expect(pieces).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('matches the sequential reader whatever the fields people and dates hold (property)', async () => {
    // Values that take the byte reader off its fast path one way or another, mixed with plain ones.
    const url = fc.constantFrom(
      'https://www.linkedin.com/in/anna',
      'https://www.linkedin.com/in/bert',
      'https://www.linkedin.com/in/j%C3%BCrgen',
      'https://www.linkedin.com/in/zoë',
      ' https://www.linkedin.com/in/anna ',
      '"https://www.linkedin.com/in/anna"',
      '"https://www.linkedin.com/in/anna,https://www.linkedin.com/in/bert"',
      '"https://www.linkedin.com/in/""odd"""',
      'https://example.com/not-linkedin',
      ME[1],
      '',
    );
    const name = fc.constantFrom('Anna', 'Bert B', '"Bert, B"', '"O""Neil"', '\u00a0Zoë\u00a0', ' ', '', 'Ich Selbst');
    const date = fc.constantFrom(
      '2024-03-20 15:09:26 UTC',
      '2024-13-20 15:09:26 UTC',
      '2023/04/22 09:54:59 UTC',
      'Mon Mar 28 14:17:11 UTC 2022',
      ' 2024-03-20 15:09:26 UTC',
      'gestern',
      '',
    );
    const body = fc.constantFrom('x', '"a\nb"', '"a ""b"""', '"a"b', '');
    const tail = fc.constantFrom(',INBOX', ',INBOX,extra', '', ',"INBOX');
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const record = fc
      .tuple(name, url, name, url, date, body, tail, eol)
      .map(([from, fromUrl, to, toUrl, d, b, t, e]) => `2-1,,${from},${fromUrl},${to},${toUrl},${d},,${b}${t}${e}`);
    const plain = message(1, 'Hallo', '\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(record, fc.constant(plain), fc.constant('\n')), { maxLength: 30 }),
        // A chunk smaller than a record holds as many records as there are: at least one.
        fc.integer({ min: 150, max: 600 }),
        async (records, chunkBytes) => {
          const text = `${HEADER}\n${plain.repeat(6)}${records.join('')}${plain}`;
          const expected = await importOnce(file(text), false).catch((e: Error) => e.message);
          const got = await importOnce(file(text), { minBytes: 0, chunkBytes, workers: 0 }).catch(
            (e: Error) => e.message,
          );
          expect(got).toEqual(expected);
          // Every pair with its dates, not only what reaches the database: one chunk (read by the
          // general scanner alone) against many.
          if (typeof expected !== 'string') {
            const messages = file(text);
            const plan = (await planParallel(messages))!;
            const whole = await readMessagesInParallel(messages, plan, { chunkBytes: 1 << 30, workers: 0 });
            const chunked = await readMessagesInParallel(messages, plan, { chunkBytes, workers: 0 });
            // Null: something for the ordinary reader to report (compared above).
            if (chunked !== null && whole !== null) {
              expect(chunked.chunks.total).toBeGreaterThan(1);
              expect(aggregate(chunked)).toEqual(aggregate(whole));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives exactly the sequential result for the 2018 layout (names and Direction, no URLs)', async () => {
    let text = 'From,To,Date,Subject,Content,Direction,Folder\r\n';
    for (let i = 0; i < 500; i++) {
      const [name] = PEOPLE[i % PEOPLE.length]!;
      const date = `${1 + (i % 12)}/${1 + (i % 28)}/18, ${1 + (i % 12)}:0${i % 10} ${i % 2 ? 'PM' : 'AM'}`;
      const outgoing = i % 3 === 0;
      const [from, to] = outgoing ? ['Ich Selbst', name] : [name, 'Ich Selbst'];
      text += `${[from, to, date, '', `Grüße\n${i}`, outgoing ? 'OUTGOING' : 'INCOMING', 'INBOX'].map(quote).join(',')}\r\n`;
    }
    const expected = await importOnce(file(text), false);
    expect(expected.rows.interaction!.length).toBe(PEOPLE.length);
    for (const chunkBytes of [5, 200]) {
      expect(await importOnce(file(text), { minBytes: 0, chunkBytes, workers: 0 })).toEqual(expected);
    }
  });

  it('gives the sequential result when stray quotes in unquoted fields upset the record boundaries', async () => {
    // Real exports have them: 24" Monitor, O"Neil. The quote count is then odd where no field is quoted.
    let text = `${HEADER}\n`;
    for (let i = 0; i < 300; i++) {
      const from = i % 7 === 0 ? `Pat O"Neil ${i}` : `Pat ${i}`;
      const date = `2024-01-01 10:00:${String(i % 60).padStart(2, '0')} UTC`;
      const body = '"Zeile\n""zwei"""';
      text += `2-${i},,${from},https://www.linkedin.com/in/pat-${i % 9},Ich Selbst,${ME[1]},${date},,${body},INBOX\n`;
    }
    const expected = await importOnce(file(text), false);
    expect(expected.files[1]!.rows).toBe(300);
    for (const chunkBytes of [64, 1000]) {
      expect(await importOnce(file(text), { minBytes: 0, chunkBytes, workers: 0 })).toEqual(expected);
    }
  });

  it('falls back to the sequential reader for a file that is not UTF-8 (Windows-1252)', async () => {
    const bytes = Buffer.from(
      trickyMessages(200)
        .replace(/^\uFEFF/, '')
        .replace(/[^\t\n\r\x20-\xff]/g, '?'),
      'latin1',
    );
    const expected = await importOnce(file(bytes), false);
    expect(expected.files[1]!.rows).toBeGreaterThan(150);
    expect(await importOnce(file(bytes), { minBytes: 0, chunkBytes: 100, workers: 0 })).toEqual(expected);
  });

  it('reports a broken file exactly as the sequential reader does, and writes nothing', async () => {
    const text = `${trickyMessages(300)}2-z,,Max,https://www.linkedin.com/in/max,Ich,${ME[1]},2024-01-01 10:00:00 UTC,,"never closed\n`;
    const sequential = importOnce(file(text), false);
    await expect(sequential).rejects.toThrow(/messages\.csv, line \d+: malformed CSV \(unterminated quoted field/);
    const message = await sequential.catch((e: Error) => e.message);
    await expect(importOnce(file(text), { minBytes: 0, chunkBytes: 512, workers: 0 })).rejects.toThrow(message);
  });

  it('stops reading a message file in the background when another file fails, and writes nothing', async () => {
    const db = openDatabase(':memory:');
    try {
      const before = snapshot(db);
      const files = [
        memoryFile('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), true),
        file(trickyMessages(3000)),
      ];
      await expect(
        runImport(db, files, { origin: 'file', now: NOW, parallel: { minBytes: 0, chunkBytes: 1024, workers: 1 } }),
      ).rejects.toThrow('photo.csv: binary data, not a text/CSV file');
      expect(snapshot(db)).toEqual(before);
    } finally {
      db.close();
    }
  });

  it('puts what the background files found in file order: files, warnings, several message files', async () => {
    // Files with warnings before, between and after two message files read in the background.
    const connections = `${CONNECTIONS}\n,,,,,,\nNo,Date,https://www.linkedin.com/in/nd,,,,someday\n`;
    const invitations = `From,To,Sent At,Message,Direction\n,,"3/12/24, 11:20 AM",,INCOMING\nMax,Ich,"3/12/24, 11:20 AM",Hallo,INCOMING\n`;
    const files = (): SourceFile[] => [
      memoryFile('Connections.csv', connections),
      memoryFile('messages.csv', trickyMessages(600), true),
      memoryFile('Invitations.csv', invitations),
      memoryFile('old/messages.csv', trickyMessages(300).replace(/2-g,,/g, '2-h,,'), true),
      memoryFile('notes.txt', 'not an export'),
    ];
    const run = async (parallel: ImportOptions['parallel']) => {
      const db = openDatabase(':memory:');
      try {
        const summary = await runImport(db, files(), { origin: 'file', now: NOW, parallel });
        const rows = snapshot(db);
        const [record] = rows.import_run as Array<Record<string, unknown>>;
        delete rows.import_run;
        return { ...summary, durationMs: 0, recorded: [record!.files_json, record!.warnings_json], rows };
      } finally {
        db.close();
      }
    };
    const expected = await run(false);
    expect(expected.files.map((f) => f.name)).toEqual([
      'Connections.csv',
      'messages.csv',
      'Invitations.csv',
      'old/messages.csv',
    ]);
    const fileOfWarnings = expected.warnings.map((w) => w.values.file);
    expect(new Set(fileOfWarnings)).toEqual(
      new Set(['Connections.csv', 'messages.csv', 'Invitations.csv', 'old/messages.csv']),
    );
    for (const workers of [0, 1]) {
      expect(await run({ minBytes: 0, chunkBytes: 1024, workers }), `${workers} worker(s)`).toEqual(expected);
    }
  }, 30_000);

  it('writes the other files while the messages are read, and rolls all of it back when they fail', async () => {
    const db = openDatabase(':memory:');
    try {
      await runImport(db, [memoryFile('Connections.csv', CONNECTIONS)], { origin: 'file', now: NOW });
      const before = snapshot(db);
      const broken = `${trickyMessages(3000)}2-z,,Max,https://www.linkedin.com/in/max,Ich,${ME[1]},2024-01-01 10:00:00 UTC,,"never closed\n`;
      const files = [
        memoryFile('Connections.csv', `${CONNECTIONS}\nNeu,Person,https://www.linkedin.com/in/neu,,,,1 Jan 2024`),
        memoryFile('messages.csv', broken, true),
      ];
      let held: Promise<unknown> | null = null;
      const importing = runImport(db, files, {
        origin: 'file',
        now: NOW,
        parallel: { minBytes: 0, chunkBytes: 1024, workers: 1 },
        hold: (during) => (held = during),
      });
      await expect(importing).rejects.toThrow(/messages\.csv, line \d+: malformed CSV \(unterminated quoted field/);
      // The import held the database while it read (the new connection was written meanwhile).
      expect(held).not.toBeNull();
      await expect(held).rejects.toThrow(/malformed CSV/);
      expect(db.inTransaction).toBe(false);
      expect(snapshot(db)).toEqual(before);
    } finally {
      db.close();
    }
  });

  it('stops reading the messages when writing the other files fails, and leaves nothing written', async () => {
    const db = openDatabase(':memory:');
    try {
      const before = snapshot(db);
      // The database refuses the connections (as a full disk would).
      db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON contact BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
      // Messages without end: only stopping ends the reading.
      const messages = trickle();
      const importing = runImport(db, [memoryFile('Connections.csv', CONNECTIONS), messages], {
        origin: 'file',
        now: NOW,
        parallel: { minBytes: 0, chunkBytes: 1024, workers: 1 },
      });
      await expect(importing).rejects.toThrow('disk full');
      expect(messages.opened.at(-1)!.destroyed).toBe(true);
      expect(db.inTransaction).toBe(false);
      db.exec('DROP TRIGGER refuse');
      expect(snapshot(db)).toEqual(before);
    } finally {
      db.close();
    }
  });

  it('leaves no trace when cancelled while it holds the database', async () => {
    const db = openDatabase(':memory:');
    try {
      const before = snapshot(db);
      const controller = new AbortController();
      let heldInTransaction = false;
      // Messages without end: the import holds the database until it is cancelled.
      const messages = trickle();
      const importing = runImport(db, [memoryFile('Connections.csv', CONNECTIONS), messages], {
        origin: 'file',
        now: NOW,
        parallel: { minBytes: 0, chunkBytes: 256, workers: 1 },
        // Cancelled the moment the import holds the database, i.e. mid-transaction, still reading.
        hold: () => {
          heldInTransaction = db.inTransaction;
          controller.abort();
        },
        signal: controller.signal,
      });
      await expect(importing).rejects.toThrow('import cancelled');
      expect(heldInTransaction).toBe(true);
      expect(messages.opened.at(-1)!.destroyed).toBe(true);
      expect(db.inTransaction).toBe(false);
      expect(snapshot(db)).toEqual(before);
    } finally {
      db.close();
    }
  });

  it('reports progress in bytes and rows over all files read at once, up to the totals', async () => {
    const events: Array<{ bytesDone: number; bytesTotal: number; rows: number }> = [];
    // Read in 20 pieces, as a disk or a ZIP hands a big file over.
    const bytes = Buffer.from(trickyMessages(3000));
    const pieces = Array.from({ length: 20 }, (_, i) =>
      bytes.subarray((i * bytes.length) / 20, ((i + 1) * bytes.length) / 20),
    );
    const messages: SourceFile = { ...file(bytes), open: () => Promise.resolve(Readable.from(pieces)) };
    const result = await importOnce(
      messages,
      { minBytes: 0, chunkBytes: 1024, workers: 1 },
      { onProgress: (p) => events.push(p) },
    );
    const total = Buffer.byteLength(CONNECTIONS) + bytes.length;
    const rows = result.files.reduce((n, f) => n + f.rows, 0);
    expect(events.length).toBeGreaterThan(20);
    expect(events.every((e) => e.bytesTotal === total && e.bytesDone <= total && e.rows <= rows)).toBe(true);
    expect(events.at(-1)).toMatchObject({ bytesDone: total, rows });
    // Rows grow while the message file is being read, not only when it is done.
    expect(events.some((e) => e.rows > PEOPLE.length && e.rows < rows)).toBe(true);
    expect(events.map((e) => e.rows)).toEqual([...events.map((e) => e.rows)].sort((a, b) => a - b));
  });

  it('stops when cancelled while reading', async () => {
    const controller = new AbortController();
    const chunks = Array.from({ length: 50 }, () => Buffer.from(trickyMessages(40).slice(HEADER.length + 3)));
    const messages: SourceFile = {
      ...file(''),
      size: 1 << 30,
      open: () => Promise.resolve(Readable.from([Buffer.from(`${HEADER}\n`), ...chunks])),
    };
    const extra = { signal: controller.signal, onProgress: () => controller.abort() };
    await expect(importOnce(messages, { minBytes: 0, chunkBytes: 64, workers: 1 }, extra)).rejects.toThrow(
      'import cancelled',
    );
  });
});

describe('which files are read in parallel', () => {
  it('only LinkedIn message files, recognised as the ordinary reader does', async () => {
    expect(await planParallel(file(trickyMessages(5)))).toMatchObject({ headerLine: 1 });
    // An address book's header comes first: the ordinary reader takes the file as an address book.
    expect(await planParallel(file(`${GOOGLE_CURRENT.split('\n')[0]}\n${HEADER}\n`))).toBeNull();
    expect(await planParallel(memoryFile('Connections.csv', CONNECTIONS))).toBeNull();
    expect(await planParallel(file(Buffer.from([0xff, 0xfe, 0x41, 0])))).toBeNull();
  });
});

describe('record boundaries', () => {
  const at = (s: string): number => recordBoundary(Buffer.from(s, 'utf8'));

  it('is just after the last line break outside quotes', () => {
    expect(at('a,b\nc,d\ne')).toBe(8);
    expect(at('a,"x\ny"\nb,"open\n')).toBe(8);
    expect(at('a,"""quoted"""\n')).toBe(15);
    expect(at('no line break')).toBe(-1);
    expect(at('"all\nin\nquotes')).toBe(-1);
  });

  it('is just after the first line break outside quotes for bytes that begin inside quotes or not', () => {
    const after = (text: string, inQuotes: boolean): number => boundaryAfter(Buffer.from(text), inQuotes);
    expect(after('a,b\nc\n', false)).toBe(4);
    expect(after('a,b\nc\n', true)).toBe(-1);
    expect(after('end"\nb,c\n', true)).toBe(5);
    expect(after('x,"a\nb"\nc\n', false)).toBe(8);
    expect(after('"\n"\n', true)).toBe(2);
    expect(after('no line break', false)).toBe(-1);
  });
});
