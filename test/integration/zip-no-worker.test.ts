/**
 * A broken install without the inflate worker's script: a big ZIP entry is read by the archive reader
 * instead — the same bytes, hashed and checked against the archive's CRC-32 all the same.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { HANDOFF_BYTES, inflated } from '../../electron/services/importers/inflate';
import { PARALLEL_DEFAULTS } from '../../electron/services/importers/parallel';
import type { HashedReadable } from '../../electron/services/importers/source';
import { openZip } from '../../electron/services/importers/zip';
import { useTempDir } from '../helpers/fixtures';
import { makeZip } from '../helpers/zip';

vi.mock('../../electron/services/importers/workers', async (original) => {
  const workers = await original<typeof import('../../electron/services/importers/workers')>();
  return {
    ...workers,
    workerSource: (name: Parameters<typeof workers.workerSource>[0]) =>
      name === 'inflate-worker' ? null : workers.workerSource(name),
  };
});

const tempDir = useTempDir();

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

describe('a big ZIP entry without the inflate worker', () => {
  const big = Buffer.from(
    Array.from(
      { length: 260_000 },
      (_, i) => `c${i % 997},Vorname${i % 30_011},Ich,2024-01-0${1 + (i % 9)},Hallo ${i}\n`,
    ).join(''),
  ).subarray(0, PARALLEL_DEFAULTS.minBytes + 2 * HANDOFF_BYTES);

  it('is read by the archive reader: the same bytes and hash, whole or not', async () => {
    expect(big.length).toBe(PARALLEL_DEFAULTS.minBytes + 2 * HANDOFF_BYTES);
    const path = join(tempDir(), 'export.zip');
    writeFileSync(path, makeZip([{ name: 'messages.csv', data: big }]));
    const zip = await openZip(path, 'export.zip');
    const before = inflated.byWorkers;
    for (const whole of [false, true]) {
      const stream: HashedReadable = await zip.files[0]!.open({ whole });
      expect((await readAll(stream)).equals(big)).toBe(true);
      expect(await stream.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    }
    expect(inflated.byWorkers).toBe(before);
    await zip.close();
  });

  it('is still checked against the CRC-32 the archive states', async () => {
    const path = join(tempDir(), 'export.zip');
    writeFileSync(path, makeZip([{ name: 'messages.csv', data: big, claimedCrc: crc32(big) ^ 1 }]));
    const zip = await openZip(path, 'export.zip');
    for (const whole of [false, true])
      await expect(zip.files[0]!.open({ whole }).then(readAll)).rejects.toThrow(
        /^export\.zip › messages\.csv: damaged entry: its checksum does not match its content$/,
      );
    await zip.close();
  });
});
