import { createHash } from 'node:crypto';
import { crc32, createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadAuditInput } from '../../electron/services/store';
import { judgeFamiliarity } from '../../shared/familiarity';
import { DEFAULT_POLICY } from '../../shared/policy';
import { openDatabase } from '../../electron/services/db';
import { runImport } from '../../electron/services/importers';
import { INTERACTIONS_PER_STATEMENT } from '../../electron/services/importers/write';
import { resolvePaths } from '../../electron/services/importers/source';
import { snapshot } from '../helpers/db';
import {
  CONNECTIONS_2018,
  CONNECTIONS_2024,
  EMAILS,
  MESSAGES_2024,
  PHONES,
  useTempDir,
  write,
} from '../helpers/fixtures';
import { makeZip } from '../helpers/zip';
import { join } from 'node:path';

const tempDir = useTempDir();
const NOW = new Date('2026-11-01T12:00:00Z');

async function importPaths(dbPath: string, paths: string[]) {
  const db = openDatabase(dbPath);
  try {
    const sources = await resolvePaths(paths);
    try {
      return { summary: await runImport(db, sources.files, { origin: 'file', now: NOW }), input: loadAuditInput(db) };
    } finally {
      await sources.close();
    }
  } finally {
    db.close();
  }
}

async function expectFailureLeavesDbUnchanged(paths: (dir: string) => string[], message: string | RegExp) {
  const dir = tempDir();
  const dbPath = join(dir, 'audit.db');
  await importPaths(dbPath, [write(dir, 'Connections.csv', CONNECTIONS_2024)]);
  const db = openDatabase(dbPath);
  const before = snapshot(db);
  db.close();
  await expect(importPaths(dbPath, paths(dir))).rejects.toThrow(message);
  const after = openDatabase(dbPath);
  expect(snapshot(after)).toEqual(before);
  after.close();
}

describe('LinkedIn Connections.csv', () => {
  it('finds the header after the preamble and reads quoted, emoji and URL-only rows', async () => {
    const dir = tempDir();
    const content = `\uFEFF${CONNECTIONS_2024}`;
    const { summary, input } = await importPaths(join(dir, 'a.db'), [write(dir, 'Connections.csv', content)]);
    expect(summary.added).toBe(4);
    expect(summary.files).toEqual([
      {
        // The file's name only: no folder of the user's disk is stored or shown.
        name: 'Connections.csv',
        kind: 'linkedin-connections',
        rows: 4,
        sha256: createHash('sha256').update(content).digest('hex'),
      },
    ]);
    const erika = input.contacts.find((c) => c.name === 'Erika Musterfrau')!;
    expect(erika).toMatchObject({
      company: 'Beispiel GmbH, Berlin',
      position: 'Leiterin "Digital"',
      connectedOn: '2024-03-20',
      profileUrl: 'https://www.linkedin.com/in/erika-musterfrau-1a2b',
    });
    expect(input.contacts.map((c) => c.name)).toContain('Jürgen Öztürk 🚀');
    expect(input.contacts.find((c) => c.profileUrl === 'https://www.linkedin.com/in/jürgen-öztürk')).toBeDefined();
    expect(input.contacts.find((c) => c.profileUrl?.endsWith('only-url'))?.name).toBe(
      'https://www.linkedin.com/in/only-url',
    );
  });

  it('keeps the Email Address column of Connections.csv: the email reaches the database and links the person to an address book', async () => {
    // Killed mutation: the importer dropping that column. Only the email can link these two: the
    // address book knows Max under another name and without company.
    const dir = tempDir();
    const connections = CONNECTIONS_2024.replace(
      'Max,Mustermann,https://www.linkedin.com/in/max-mustermann,,',
      'Max,Mustermann,https://www.linkedin.com/in/max-mustermann, Max.Mustermann@Muster.example ,',
    );
    const card =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Der Recruiter\r\nEMAIL;TYPE=INTERNET:max.mustermann@muster.example\r\nEND:VCARD\r\n';
    const dbPath = join(dir, 'a.db');
    const { input } = await importPaths(dbPath, [
      write(dir, 'Connections.csv', connections),
      write(dir, 'contacts.vcf', card),
    ]);
    const max = input.contacts.find((c) => c.name === 'Max Mustermann')!;
    const db = openDatabase(dbPath);
    expect(db.prepare(`SELECT contact_id, kind, value FROM contact_detail`).all()).toEqual([
      { contact_id: max.id, kind: 'email', value: 'max.mustermann@muster.example' },
    ]);
    expect(db.prepare(`SELECT contact_id, method, confidence, evidence FROM identity_link`).all()).toEqual([
      {
        contact_id: max.id,
        method: 'email',
        confidence: 0.99,
        evidence: '{"method":"email","value":"max.mustermann@muster.example"}',
      },
    ]);
    db.close();
    expect(input.addressBookLinks).toEqual([
      {
        contactId: max.id,
        source: 'contacts.vcf',
        method: 'email',
        confidence: 0.99,
        evidence: { method: 'email', value: 'max.mustermann@muster.example' },
      },
    ]);
    // The audit's familiarity sees the address book through that email: evidence as flat data.
    const judged = judgeFamiliarity(input, DEFAULT_POLICY, NOW).get(max.id)!;
    expect(judged.evidence.find((e) => e.kind === 'in-address-book')).toEqual({
      kind: 'in-address-book',
      data: { source: 'contacts.vcf', method: 'email', value: 'max.mustermann@muster.example' },
      points: DEFAULT_POLICY.familiarity.weights.addressBook,
    });
  });

  it('reads the 2018 variant without URL column and with US dates', async () => {
    const dir = tempDir();
    const { input } = await importPaths(join(dir, 'a.db'), [write(dir, 'Connections.csv', CONNECTIONS_2018)]);
    expect(input.contacts.map((c) => [c.name, c.connectedOn])).toEqual([
      ['Erika Musterfrau', '2018-01-08'],
      ['Hans Beispiel', '2017-03-12'],
    ]);
  });

  it('re-importing the same export changes nothing', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'a.db');
    const file = write(dir, 'Connections.csv', CONNECTIONS_2024);
    await importPaths(dbPath, [file]);
    const db = openDatabase(dbPath);
    const contactsBefore = snapshot(db).contact;
    db.close();
    const { summary } = await importPaths(dbPath, [file]);
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 4, removed: 0 });
    const after = openDatabase(dbPath);
    expect(snapshot(after).contact).toEqual(contactsBefore);
    after.close();
  });

  it('marks a connection missing from a newer export as removed, without deleting it', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'a.db');
    await importPaths(dbPath, [write(dir, 'Connections.csv', CONNECTIONS_2024)]);
    const newer = CONNECTIONS_2024.split('\r\n')
      .filter((l) => !l.startsWith('Max,'))
      .join('\r\n');
    const { summary, input } = await importPaths(dbPath, [write(dir, 'Connections-new.csv', newer)]);
    expect(summary).toMatchObject({ added: 0, unchanged: 3, removed: 1 });
    expect(input.contacts.map((c) => c.name)).not.toContain('Max Mustermann');
    const db = openDatabase(dbPath);
    expect(db.prepare(`SELECT removed_on FROM contact WHERE name = 'Max Mustermann'`).get()).toEqual({
      removed_on: '2026-11-01',
    });
    db.close();
  });
});

describe('a whole export', () => {
  it('aggregates messages per person without keeping any text, and reads my own details', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'a.db');
    const zip = write(
      dir,
      'Basic_LinkedInDataExport_01-11-2026.zip',
      makeZip([
        { name: 'Connections.csv', data: CONNECTIONS_2024 },
        { name: 'messages.csv', data: MESSAGES_2024 },
        { name: 'Email Addresses.csv', data: EMAILS },
        { name: 'PhoneNumbers.csv', data: PHONES },
        {
          name: 'Private_identity_asset.csv',
          data: 'Private Identity Asset Name,Private Identity Asset Raw Text\ncv.pdf,My whole CV\n',
        },
        { name: 'Learning.html', data: '<html></html>' },
      ]),
    );
    const { summary, input } = await importPaths(dbPath, [zip]);
    expect(summary.files.map((f) => f.kind)).toEqual([
      'linkedin-connections',
      'linkedin-messages',
      'linkedin-emails',
      'linkedin-phones',
    ]);
    expect(summary.ignored).toEqual([
      'Basic_LinkedInDataExport_01-11-2026.zip › Private_identity_asset.csv',
      'Basic_LinkedInDataExport_01-11-2026.zip › Learning.html',
    ]);
    const erika = input.contacts.find((c) => c.name === 'Erika Musterfrau')!;
    const max = input.contacts.find((c) => c.name === 'Max Mustermann')!;
    expect(input.interactions.find((i) => i.contactId === erika.id)).toMatchObject({
      sent: 1,
      received: 1,
      lastAt: '2024-03-21T08:00:00Z',
    });
    expect(input.interactions.find((i) => i.contactId === max.id)).toMatchObject({ sent: 0, received: 1 });
    // Every address, the second one too, with what the file says of it.
    expect(input.myDetails).toEqual([
      {
        field: 'businessEmail',
        value: 'ich@firma.example',
        source: 'Email Addresses.csv',
        primary: false,
        confirmed: true,
      },
      { field: 'mobile', value: '+49 171 5550100', source: 'PhoneNumbers.csv', label: 'Mobile' },
      {
        field: 'privateEmail',
        value: 'ich.selbst@gmx.de',
        source: 'Email Addresses.csv',
        primary: true,
        confirmed: true,
      },
    ]);
    // Data minimisation: no message body and nothing of the CV anywhere in the database.
    const db = openDatabase(dbPath);
    const everything = JSON.stringify(snapshot(db));
    db.close();
    expect(everything).not.toContain('Spannende Position');
    expect(everything).not.toContain('wie geht es');
    expect(everything).not.toContain('My whole CV');
  });

  it('finds a person by name when the messages carry another form of their profile URL', async () => {
    const dir = tempDir();
    // Newer exports name senders by member id ("ACoAA…") rather than by their public URL.
    const messages = MESSAGES_2024.replaceAll(
      'https://www.linkedin.com/in/erika-musterfrau-1a2b',
      'https://www.linkedin.com/in/ACoAABc1xYzErIkA',
    );
    const { input } = await importPaths(join(dir, 'a.db'), [
      write(dir, 'Connections.csv', CONNECTIONS_2024),
      write(dir, 'messages.csv', messages),
    ]);
    const erika = input.contacts.find((c) => c.name === 'Erika Musterfrau')!;
    expect(erika.profileUrl).toBe('https://www.linkedin.com/in/erika-musterfrau-1a2b');
    expect(input.interactions.find((i) => i.contactId === erika.id)).toMatchObject({
      sent: 1,
      received: 1,
      firstAt: '2024-03-20T15:09:26Z',
      lastAt: '2024-03-21T08:00:00Z',
    });
  });

  it('writes every person’s messages, however many people (rows are written many to a statement)', async () => {
    const dir = tempDir();
    // 2 × INTERACTIONS_PER_STATEMENT + 201 people with messages, and every seventh without any.
    const people = 2 * INTERACTIONS_PER_STATEMENT + 201 + Math.ceil((2 * INTERACTIONS_PER_STATEMENT + 201) / 6);
    const url = (i: number): string => `https://www.linkedin.com/in/p-${i}`;
    const talks = (i: number): boolean => i % 7 !== 3;
    let connections = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    let messages =
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n';
    const me = 'Ich Selbst,https://www.linkedin.com/in/ich-selbst';
    for (let i = 0; i < people; i++) {
      connections += `Vorname${i},Nachname${i},${url(i)},,Firma,,1 Jan 2020\n`;
      if (!talks(i)) continue;
      const day = String(1 + (i % 28)).padStart(2, '0');
      // i % 3 + 1 messages from them, one to them.
      for (let m = 0; m <= i % 3; m++)
        messages += `c-${i},,Vorname${i} Nachname${i},${url(i)},Ich Selbst,https://www.linkedin.com/in/ich-selbst,2024-03-${day} 0${m}:00:00 UTC,,Hallo,INBOX\n`;
      messages += `c-${i},,${me},Vorname${i} Nachname${i},${url(i)},2024-04-${day} 10:00:00 UTC,,Gern,SENT\n`;
    }
    const { input } = await importPaths(join(dir, 'a.db'), [
      write(dir, 'Connections.csv', connections),
      write(dir, 'messages.csv', messages),
    ]);
    const byName = new Map(input.contacts.map((c) => [c.name, c.id]));
    const got = new Map(input.interactions.map((i) => [i.contactId, i]));
    expect(input.interactions).toHaveLength(Array.from({ length: people }, (_, i) => i).filter(talks).length);
    for (let i = 0; i < people; i++) {
      const row = got.get(byName.get(`Vorname${i} Nachname${i}`)!);
      if (!talks(i)) {
        expect(row).toBeUndefined();
        continue;
      }
      const day = String(1 + (i % 28)).padStart(2, '0');
      expect(row).toEqual({
        contactId: byName.get(`Vorname${i} Nachname${i}`),
        sent: 1,
        received: (i % 3) + 1,
        firstAt: `2024-03-${day}T00:00:00Z`,
        lastAt: `2024-04-${day}T10:00:00Z`,
      });
    }
  });

  it('imports a folder holding the unpacked export', async () => {
    const dir = tempDir();
    write(dir, 'Connections.csv', CONNECTIONS_2024);
    write(dir, 'messages.csv', MESSAGES_2024);
    const { summary } = await importPaths(join(tempDir(), 'a.db'), [dir]);
    expect(summary.files.map((f) => f.kind).sort()).toEqual(['linkedin-connections', 'linkedin-messages']);
  });
});

describe('bad input fails the whole run with a clear error and leaves the database unchanged', () => {
  it('a binary file named .csv', () =>
    expectFailureLeavesDbUnchanged(
      (dir) => [write(dir, 'Connections.csv', Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 2, 0, 0, 7]))],
      /Connections\.csv: (binary data|not a readable ZIP)/,
    ));

  it('a text file that is no LinkedIn export', () =>
    expectFailureLeavesDbUnchanged(
      (dir) => [write(dir, 'notes.csv', 'hello,world\nfoo,bar\n')],
      'notes.csv: not a file ShareAudit can read',
    ));

  it('a missing file', () =>
    expectFailureLeavesDbUnchanged((dir) => [join(dir, 'nope.zip')], 'nope.zip: file not found or not readable'));

  it('a good file next to a bad one: nothing of the good one is kept', () =>
    expectFailureLeavesDbUnchanged(
      (dir) => [write(dir, 'new.csv', CONNECTIONS_2024.replace('Max,', 'Moritz,')), write(dir, 'junk.csv', 'x\n')],
      'junk.csv',
    ));

  it('a truncated ZIP', () =>
    expectFailureLeavesDbUnchanged((dir) => {
      const zip = makeZip([{ name: 'Connections.csv', data: CONNECTIONS_2024 }]);
      return [write(dir, 'export.zip', zip.subarray(0, zip.length - 30))];
    }, 'export.zip: not a readable ZIP archive'));

  it('a ZIP entry with ".." in its path', () =>
    expectFailureLeavesDbUnchanged(
      (dir) => [write(dir, 'evil.zip', makeZip([{ name: '../../etc/Connections.csv', data: CONNECTIONS_2024 }]))],
      /evil\.zip.*(unsafe path|invalid relative path)/,
    ));

  it('a symlink entry', () =>
    expectFailureLeavesDbUnchanged(
      (dir) => [write(dir, 'link.zip', makeZip([{ name: 'Connections.csv', data: '/etc/passwd', symlink: true }]))],
      'link.zip › Connections.csv: symbolic links in ZIP archives are refused',
    ));

  it('an encrypted entry', () =>
    expectFailureLeavesDbUnchanged(
      (dir) => [
        write(dir, 'secret.zip', makeZip([{ name: 'Connections.csv', data: CONNECTIONS_2024, encrypted: true }])),
      ],
      'secret.zip › Connections.csv: encrypted ZIP entries are refused',
    ));

  it('a 1 GiB zip bomb is refused from its headers, without inflating it', async () => {
    const size = 1024 ** 3;
    // A real bomb: 1 GiB of zeros, deflated in 64 MiB steps to bound the test's own memory.
    const deflate = createDeflateRaw({ level: 1 });
    const parts: Buffer[] = [];
    deflate.on('data', (b: Buffer) => parts.push(b));
    const chunk = Buffer.alloc(64 * 1024 * 1024);
    for (let i = 0; i < size / chunk.length; i++) deflate.write(chunk);
    await new Promise<void>((resolve) => deflate.end(resolve));
    const deflated = Buffer.concat(parts);
    let crc = 0;
    for (let i = 0; i < size / chunk.length; i++) crc = crc32(chunk, crc);
    await expectFailureLeavesDbUnchanged(
      (dir) => [write(dir, 'bomb.zip', makeZip([{ name: 'messages.csv', data: '', raw: { deflated, size, crc } }]))],
      /bomb\.zip › messages\.csv: compression ratio \d+:1 is beyond 200:1/,
    );
  });

  it('a ZIP whose header lies about the size is stopped while reading', () =>
    expectFailureLeavesDbUnchanged(
      (dir) => [
        write(dir, 'liar.zip', makeZip([{ name: 'Connections.csv', data: CONNECTIONS_2024, claimedSize: 20 }])),
      ],
      /liar\.zip/,
    ));
});

describe('ZIP entries read at once', () => {
  it('one closed early while the other is read (its queued file read is skipped, nothing fails)', async () => {
    const dir = tempDir();
    // Stored: every read of an entry is a read of the archive file, all in yauzl's one queue.
    const data = Buffer.alloc(8 * 1024 * 1024, 'x');
    const path = write(
      dir,
      'two.zip',
      makeZip([
        { name: 'a.csv', data, store: true },
        { name: 'b.csv', data, store: true },
        { name: 'c.csv', data: Buffer.from('last'), store: true },
      ]),
    );
    const { files, close } = await resolvePaths([path]);
    // A queued read that fails does so outside any callback: it ends every wait below at once.
    let onUncaught: (error: unknown) => void = () => undefined;
    const uncaught = new Promise<never>((_, reject) => (onUncaught = reject));
    uncaught.catch(() => undefined);
    process.on('uncaughtException', onUncaught);
    try {
      for (let round = 0; round < 20; round++) {
        const [a, b] = [await files[0]!.open(), await files[1]!.open()];
        let bytes = 0;
        const reading = (async () => {
          for await (const chunk of a) bytes += (chunk as Buffer).length;
        })();
        // b starts reading (its reads queue behind a's) and is closed after a few, as a sniff is.
        await new Promise<void>((resolve) => b.once('data', () => resolve()));
        b.destroy();
        await Promise.race([reading, uncaught]);
        expect(bytes).toBe(data.length);
      }
      // A last read through the same queue: once it is done, every read queued before it has run
      // or been skipped, and any failure among them has surfaced.
      const last = await files[2]!.open();
      const tail = (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of last) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString();
      })();
      expect(await Promise.race([tail, uncaught])).toBe('last');
    } finally {
      process.off('uncaughtException', onUncaught);
      await close();
    }
  });
});
