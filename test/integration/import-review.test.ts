/**
 * What the import dialog lists before an import (import:inspect): every file once, each with an id
 * of its own, even when two files in different folders share a name.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../electron/services/importers';
import { resolvePaths } from '../../electron/services/importers/source';
import { useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const CARD = (name: string): string => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEND:VCARD\r\n`;

describe('the files an import would read', () => {
  it('two files of one name in different folders are two rows with different ids', async () => {
    const picked = join(tempDir(), 'Adressbuecher');
    for (const folder of ['privat', 'firma']) mkdirSync(join(picked, folder), { recursive: true });
    const sources = await resolvePaths([
      write(join(picked, 'privat'), 'kontakte.vcf', CARD('Erika Musterfrau')),
      write(join(picked, 'firma'), 'kontakte.vcf', CARD('Max Mustermann')),
    ]);
    const inspected = await inspect(sources.files);
    await sources.close();
    expect(inspected.map((f) => [f.name, f.kind])).toEqual([
      ['kontakte.vcf', 'vcard'],
      ['kontakte.vcf', 'vcard'],
    ]);
    expect(new Set(inspected.map((f) => f.id)).size).toBe(2);
  });
});
