/**
 * A big ZIP entry is inflated by a worker thread of its own (importers/inflate.ts), after the first
 * bytes came through the archive reader; a small one is read and inflated at once. The same bytes
 * either way, and a clear error naming the entry when it is damaged: its size or its CRC-32 is not
 * the one the archive states.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import yauzl from 'yauzl';
import { HANDOFF_BYTES, inflated } from '../../electron/services/importers/inflate';
import { PARALLEL_DEFAULTS } from '../../electron/services/importers/parallel';
import { openDatabase } from '../../electron/services/db';
import { resolvePaths, type HashedReadable } from '../../electron/services/importers/source';
import { loadAuditInput } from '../../electron/services/store';
import { openZip } from '../../electron/services/importers/zip';
import { sniffEncoding } from '../../electron/services/importers/csv';
import { inspect, runImport } from '../../electron/services/importers';
import { ImportError } from '../../electron/services/errors';
import { message } from '../../shared/i18n';
import { workersWaiting } from '../../electron/services/importers/workers';
import { useTempDir } from '../helpers/fixtures';
import { makeZip, type ZipEntryInput } from '../helpers/zip';

const tempDir = useTempDir();

/** A messages file of about `bytes`, with a varied text (so it compresses as text does, not as a bomb). */
function messages(bytes: number): Buffer {
  const lines = ['CONVERSATION ID,FROM,TO,DATE,CONTENT\n'];
  let size = lines[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const line = `c${i % 997},Vorname${i % 30_011} Nachname,Ich,2024-0${1 + (i % 9)}-1${i % 10} 10:${10 + (i % 50)}:00 UTC,"Hallo ${(i * 7919) % 104_729}, wie geht es?"\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join(''), 'utf8');
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function entry(entries: ZipEntryInput[], name: string) {
  const path = join(tempDir(), 'export.zip');
  writeFileSync(path, makeZip(entries));
  const zip = await openZip(path);
  return { zip, file: zip.files.find((f) => f.name === name)! };
}

describe('a big ZIP entry is inflated by a worker thread', () => {
  const big = messages(PARALLEL_DEFAULTS.minBytes + 3 * HANDOFF_BYTES + 12_345);

  it('gives the same bytes, deflated or stored; small entries are read at once, without a worker', async () => {
    for (const store of [false, true]) {
      const { zip, file } = await entry(
        [
          { name: 'Connections.csv', data: 'First Name,Last Name\nA,B\n' },
          { name: 'messages.csv', data: big, store },
        ],
        'messages.csv',
      );
      const before = inflated.byWorkers;
      expect((await readAll(await file.open())).equals(big)).toBe(true);
      const whole: HashedReadable = await file.open({ whole: true });
      // Its reader is told whether another thread inflates the bytes as they come (parallel.ts).
      expect(whole.inflated).toBe(!store);
      expect((await readAll(whole)).equals(big)).toBe(true);
      expect(inflated.byWorkers).toBe(before + 2);
      // Recognising the file (its encoding, its kind: the first 64 kB) starts no worker.
      await sniffEncoding(file);
      expect(new Set((await inspect([file])).map((f) => f.kind))).toEqual(new Set(['linkedin-messages']));
      const small = zip.files.find((f) => f.name === 'Connections.csv')!;
      expect((await readAll(await small.open())).toString()).toBe('First Name,Last Name\nA,B\n');
      expect(inflated.byWorkers).toBe(before + 2);
      await zip.close();
    }
  });

  it('names the entry when it holds fewer bytes than the archive states', async () => {
    const { zip, file } = await entry(
      [{ name: 'messages.csv', data: big, claimedSize: big.length + 10 }],
      'messages.csv',
    );
    for (const whole of [false, true])
      await expect(readAll(await file.open({ whole }))).rejects.toThrow(
        /^export\.zip › messages\.csv: damaged entry: it holds fewer bytes than the archive states$/,
      );
    await zip.close();
  });

  it('read whole, goes to its worker from the first byte: the archive reader opens nothing', async () => {
    const { zip, file } = await entry([{ name: 'messages.csv', data: big }], 'messages.csv');
    const opened = vi.spyOn(yauzl.ZipFile.prototype, 'openReadStream');
    try {
      const before = inflated.byWorkers;
      expect((await readAll(await file.open({ whole: true }))).equals(big)).toBe(true);
      expect(inflated.byWorkers).toBe(before + 1);
      expect(opened).not.toHaveBeenCalled();
      // Opened to be recognised, its first bytes come from the archive reader (no worker is taken).
      await sniffEncoding(file);
      expect(opened).toHaveBeenCalledTimes(1);
      expect(inflated.byWorkers).toBe(before + 1);
    } finally {
      opened.mockRestore();
      await zip.close();
    }
  });

  it('names the entry when its local header is not one (the worker reads it)', async () => {
    const path = join(tempDir(), 'export.zip');
    const bytes = makeZip([{ name: 'messages.csv', data: big }]);
    bytes.writeUInt32LE(0x04034b51, 0);
    writeFileSync(path, bytes);
    const zip = await openZip(path, 'export.zip');
    await expect(zip.files[0]!.open({ whole: true }).then(readAll)).rejects.toThrow(
      /^export\.zip › messages\.csv: .*no local file header/,
    );
    await zip.close();
  });

  it('starts its worker with the archive, and the read of the big entry takes it', async () => {
    const { zip, file } = await entry([{ name: 'messages.csv', data: big }], 'messages.csv');
    expect(workersWaiting('inflate-worker')).toBe(1);
    expect((await readAll(await file.open())).equals(big)).toBe(true);
    expect(workersWaiting('inflate-worker')).toBe(0);
    await zip.close();
    // An archive of small entries only starts none.
    const small = await entry([{ name: 'Connections.csv', data: 'First Name\nA\n' }], 'Connections.csv');
    expect(workersWaiting('inflate-worker')).toBe(0);
    await small.zip.close();
  });

  it('hashes the whole entry beside inflating it: the import records the hash the file itself has', async () => {
    const { zip, file } = await entry([{ name: 'messages.csv', data: big }], 'messages.csv');
    const sha256 = createHash('sha256').update(big).digest('hex');
    for (const whole of [false, true]) {
      const stream: HashedReadable = await file.open({ whole });
      expect((await readAll(stream)).equals(big)).toBe(true);
      expect(await stream.sha256).toBe(sha256);
    }
    await zip.close();

    const dir = tempDir();
    writeFileSync(join(dir, 'export.zip'), makeZip([{ name: 'messages.csv', data: big }]));
    writeFileSync(join(dir, 'messages.csv'), big);
    const imported = [];
    for (const path of [join(dir, 'export.zip'), join(dir, 'messages.csv')]) {
      const db = openDatabase(join(dir, `${imported.length}.db`));
      const sources = await resolvePaths([path]);
      try {
        const summary = await runImport(db, sources.files, { origin: 'file', now: new Date('2026-11-01') });
        imported.push({ files: summary.files.map((f) => f.sha256), interactions: loadAuditInput(db).interactions });
      } finally {
        await sources.close();
        db.close();
      }
    }
    expect(imported[0]!.files).toEqual([sha256]);
    expect(imported[0]).toEqual(imported[1]);
  });

  it('a reader that stops early (recognising the file) is not a failure: nothing worded, no hash', async () => {
    const { zip, file } = await entry([{ name: 'messages.csv', data: big }], 'messages.csv');
    const stream: HashedReadable = await file.open();
    for await (const chunk of stream) {
      expect((chunk as Buffer).length).toBeGreaterThan(0);
      break;
    }
    // The stream's own abort, not an ImportError saying the entry is unreadable (worded for nobody).
    const reason = await stream.sha256!.then(
      () => null,
      (error: unknown) => error,
    );
    expect(reason).toBeInstanceOf(Error);
    expect(reason).not.toBeInstanceOf(ImportError);
    expect((reason as Error).name).toBe('AbortError');
    // And the entry reads whole afterwards, hashed.
    const again: HashedReadable = await file.open();
    expect((await readAll(again)).equals(big)).toBe(true);
    expect(await again.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    await zip.close();
  });

  it('is read by the archive reader when its worker cannot start: the same bytes, hash and checks', async () => {
    const path = join(tempDir(), 'export.zip');
    writeFileSync(path, makeZip([{ name: 'messages.csv', data: big }]));
    const cannotStart = (): Worker => new Worker('throw new Error("no script")', { eval: true });
    const zip = await openZip(path, 'export.zip', { startInflater: cannotStart });
    for (const whole of [false, true]) {
      const stream: HashedReadable = await zip.files[0]!.open({ whole });
      expect((await readAll(stream)).equals(big)).toBe(true);
      expect(await stream.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    }
    await zip.close();

    writeFileSync(path, makeZip([{ name: 'messages.csv', data: big, claimedCrc: crc32(big) ^ 1 }]));
    const damaged = await openZip(path, 'export.zip', { startInflater: cannotStart });
    for (const whole of [false, true])
      await expect(damaged.files[0]!.open({ whole }).then(readAll)).rejects.toThrow(
        /^export\.zip › messages\.csv: damaged entry: its checksum does not match its content$/,
      );
    await damaged.close();
  });

  it('names a big entry whose checksum does not match', async () => {
    const deflated = deflateRawSync(big);
    const { zip, file } = await entry(
      [{ name: 'messages.csv', data: '', raw: { deflated, size: big.length, crc: crc32(big) ^ 1 } }],
      'messages.csv',
    );
    for (const whole of [false, true])
      await expect(readAll(await file.open({ whole }))).rejects.toThrow(
        /^export\.zip › messages\.csv: damaged entry: its checksum does not match its content$/,
      );
    await zip.close();
  });
});

describe('a small ZIP entry is read at once', () => {
  const data = Buffer.from('First Name,Last Name\nÄnne,Bär\n'.repeat(50), 'utf8');
  const raw = (crc = crc32(data), size = data.length) => ({ deflated: deflateRawSync(data), size, crc });

  it('names the entry when its checksum, or its size, is not the one the archive states', async () => {
    const cases: Array<[ZipEntryInput, RegExp]> = [
      [
        { name: 'Connections.csv', data: '', raw: raw(crc32(data) ^ 0x100) },
        /damaged entry: its checksum does not match its content/,
      ],
      [
        { name: 'Connections.csv', data: '', raw: raw(undefined, data.length + 1) },
        /damaged entry: it holds fewer bytes than the archive states/,
      ],
      [
        { name: 'Connections.csv', data: '', raw: raw(undefined, data.length - 1) },
        /damaged entry: it holds more bytes than the archive states/,
      ],
      [
        { name: 'Connections.csv', data: '', raw: { deflated: Buffer.from([0xff, 0xff, 0xff]), size: 3, crc: 0 } },
        /export\.zip › Connections\.csv/,
      ],
    ];
    for (const [input, error] of cases) {
      const { zip, file } = await entry([input], 'Connections.csv');
      await expect(file.open().then(readAll)).rejects.toThrow(/^export\.zip › Connections\.csv: /);
      await expect(file.open().then(readAll)).rejects.toThrow(error);
      await zip.close();
    }
  });

  it('a stored entry is checked too; an empty entry, stored or deflated, is empty', async () => {
    const stored = await entry(
      [{ name: 'Connections.csv', data, store: true, claimedCrc: crc32(data) ^ 1 }],
      'Connections.csv',
    );
    await expect(stored.file.open()).rejects.toThrow(/damaged entry: its checksum does not match its content/);
    await stored.zip.close();
    for (const store of [false, true]) {
      const { zip, file } = await entry([{ name: 'Connections.csv', data: '', store }], 'Connections.csv');
      expect((await readAll(await file.open())).length).toBe(0);
      await zip.close();
    }
  });

  it("says what is damaged in the reader's language", async () => {
    const { zip, file } = await entry(
      [{ name: 'Connections.csv', data: '', raw: raw(crc32(data) ^ 0x100) }],
      'Connections.csv',
    );
    const error = await file.open().then(readAll, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    const { messageId, values } = error as ImportError;
    expect(message('de', messageId!, values)).toBe(
      'export.zip › Connections.csv: beschädigter Eintrag: seine Prüfsumme passt nicht zu seinem Inhalt',
    );
    await zip.close();
  });

  it('gives its bytes in pieces, stored or deflated', async () => {
    for (const store of [false, true]) {
      const { zip, file } = await entry([{ name: 'Connections.csv', data, store }], 'Connections.csv');
      expect((await readAll(await file.open())).equals(data)).toBe(true);
      await zip.close();
    }
  });

  it('lets the event loop turn between its pieces (a big entry read beside it goes on meanwhile)', async () => {
    const three = messages(3 * 1024 * 1024).subarray(0, 3 * 1024 * 1024 - 7);
    const { zip, file } = await entry([{ name: 'Connections.csv', data: three }], 'Connections.csv');
    // Turns of the event loop, counted as they come.
    let turn = 0;
    let ticking = true;
    const tick = (): void => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const turns: number[] = [];
    const sizes: number[] = [];
    try {
      for await (const chunk of await file.open()) {
        sizes.push((chunk as Buffer).length);
        turns.push(turn);
      }
    } finally {
      ticking = false;
    }
    expect(sizes).toEqual([1024 * 1024, 1024 * 1024, 1024 * 1024 - 7]);
    expect(turns[1]!).toBeGreaterThan(turns[0]!);
    expect(turns[2]!).toBeGreaterThan(turns[1]!);
    await zip.close();
  });
});
