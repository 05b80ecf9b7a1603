import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../electron/services/db';
import { inspect, runImport } from '../../electron/services/importers';
import { resolvePaths } from '../../electron/services/importers/source';
import { listImportRuns } from '../../electron/services/import-runs';
import { loadAuditInput } from '../../electron/services/store';
import { snapshot } from '../helpers/db';
import { GOOGLE_CURRENT, OUTLOOK_EN } from '../helpers/address-fixtures';
import { CONNECTIONS_2024, EMAILS, PHONES, useTempDir, write } from '../helpers/fixtures';
import { makeZip } from '../helpers/zip';
import { noteTexts } from '../helpers/notes';

const tempDir = useTempDir();

/** A folder of the user's disk whose names must appear nowhere. */
function userFolder(): string {
  const dir = join(tempDir(), 'home', 'ablage-4711', 'Downloads');
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function importInto(db: DB, paths: string[]) {
  const sources = await resolvePaths(paths);
  try {
    return await runImport(db, sources.files, { origin: 'file', now: new Date('2026-11-01T12:00:00Z') });
  } finally {
    await sources.close();
  }
}

const CARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Erika Musterfrau\r\nEMAIL:erika@beispiel.example\r\nEND:VCARD\r\n';
const UPLOADED = [
  'Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,Sites,InstantMessageHandles,FullName,Birthday,Location,BookmarkedAt,Profiles',
  'Google,Max,Mustermann,Muster AG,,max@muster.example,,,,,,Max Mustermann,,,,',
].join('\n');

describe("no file path of the user's disk is stored or shown beyond the file's name", () => {
  it('files, ZIP entries, folders, warnings, address books, my details and identity evidence name files only', async () => {
    const dir = userFolder();
    const picked = join(dir, 'Kontakte');
    mkdirSync(join(picked, 'privat'), { recursive: true });
    write(join(picked, 'privat'), 'erika.vcf', CARD);
    write(picked, 'notizen.txt', 'nothing to read');
    const db = openDatabase(join(tempDir(), 'a.db'));
    const summary = await importInto(db, [
      write(dir, 'Connections.csv', `${CONNECTIONS_2024}\r\n,,,,Firma ohne Namen,,`),
      write(
        dir,
        'Basic_LinkedInDataExport_01-11-2026.zip',
        makeZip([
          { name: 'Email Addresses.csv', data: EMAILS },
          { name: 'PhoneNumbers.csv', data: PHONES },
          { name: 'Contacts.csv', data: UPLOADED },
        ]),
      ),
      write(dir, 'google.csv', GOOGLE_CURRENT),
      picked,
    ]);
    expect(summary.files.map((f) => f.name)).toEqual([
      'Connections.csv',
      'Basic_LinkedInDataExport_01-11-2026.zip › Email Addresses.csv',
      'Basic_LinkedInDataExport_01-11-2026.zip › PhoneNumbers.csv',
      'Basic_LinkedInDataExport_01-11-2026.zip › Contacts.csv',
      'google.csv',
      'erika.vcf',
    ]);
    expect(summary.ignored).toEqual(['notizen.txt']);
    expect(noteTexts(summary.warnings)).toEqual([
      'Connections.csv, line 9: connection without name or profile URL, skipped',
    ]);
    expect(db.prepare(`SELECT source, kind FROM address_book ORDER BY id`).all()).toEqual([
      { source: 'Basic_LinkedInDataExport_01-11-2026.zip › Contacts.csv', kind: 'linkedin-uploaded' },
      { source: 'google.csv', kind: 'google-csv' },
      // A picked folder is one address book, named as the folder (no folder above it).
      { source: 'Kontakte', kind: 'vcard' },
    ]);
    const input = loadAuditInput(db);
    expect(input.myDetails.map((d) => d.source)).toEqual([
      'Email Addresses.csv',
      'PhoneNumbers.csv',
      'Email Addresses.csv',
    ]);
    expect(input.addressBookLinks.map((l) => l.source).sort()).toEqual([
      'Basic_LinkedInDataExport_01-11-2026.zip › Contacts.csv',
      'google.csv',
    ]);
    expect(listImportRuns(db)[0]!.files.map((f) => f.name)).toEqual(summary.files.map((f) => f.name));
    // Nothing anywhere in the database names a folder the files came from.
    const everything = JSON.stringify(snapshot(db));
    expect(everything).not.toContain(dir);
    expect(everything).not.toContain('ablage-4711');
    expect(everything).not.toContain('Downloads');
    expect(everything).not.toContain('privat/');
    db.close();
  });

  it('what an import would read, and the errors of a failed one, name the file only', async () => {
    const dir = userFolder();
    const sources = await resolvePaths([
      write(dir, 'Connections.csv', CONNECTIONS_2024),
      write(dir, 'export.zip', makeZip([{ name: 'Daten/messages.csv', data: 'x\n' }])),
    ]);
    const inspected = await inspect(sources.files);
    await sources.close();
    expect(inspected.map((f) => f.name)).toEqual(['Connections.csv', 'export.zip › Daten/messages.csv']);

    const db = openDatabase(join(tempDir(), 'a.db'));
    const failures = [
      [write(dir, 'notes.csv', 'hello,world\nfoo,bar\n')],
      [join(dir, 'nope.zip')],
      [write(dir, 'broken.zip', makeZip([{ name: 'Connections.csv', data: CONNECTIONS_2024 }]).subarray(0, 40))],
      [write(dir, 'evil.zip', makeZip([{ name: 'a/../../Connections.csv', data: CONNECTIONS_2024 }]))],
    ];
    const messages: string[] = [];
    for (const paths of failures) await importInto(db, paths).catch((e: Error) => messages.push(e.message));
    expect(messages).toHaveLength(failures.length);
    expect(messages.map((m) => m.split(':')[0])).toEqual(['notes.csv', 'nope.zip', 'broken.zip', 'evil.zip']);
    for (const m of messages) {
      expect(m).not.toContain(dir);
      expect(m).not.toContain('Downloads');
    }
    db.close();
  });
  it("a file error from the disk names the file, not its folder (Node's own error text has the whole path)", async () => {
    const dir = userFolder();
    const path = write(dir, 'Connections.csv', CONNECTIONS_2024);
    const sources = await resolvePaths([path]);
    // Gone between choosing and reading.
    rmSync(path);
    const db = openDatabase(join(tempDir(), 'a.db'));
    const error = await runImport(db, sources.files, { origin: 'file' }).catch((e: Error) => e);
    await sources.close();
    db.close();
    expect((error as Error).message).toMatch(/^Connections\.csv: cannot read \(ENOENT: .*'Connections\.csv'\)/);
    expect((error as Error).message).not.toContain(dir);
  });
});

describe('address books are known by file name and kind', () => {
  it('a newer copy of the same name, from another folder, replaces the older one', async () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    const older = join(userFolder(), 'alt');
    mkdirSync(older);
    await importInto(db, [write(older, 'outlook.csv', OUTLOOK_EN)]);
    const newer = OUTLOOK_EN.replace('Max,,Mustermann', 'Moritz,,Mustermann');
    const summary = await importInto(db, [write(userFolder(), 'outlook.csv', newer)]);
    expect(summary).toMatchObject({ added: 1, removed: 1 });
    expect(db.prepare(`SELECT source FROM address_book`).all()).toEqual([{ source: 'outlook.csv' }]);
    expect(db.prepare(`SELECT name FROM address_entry`).all()).toEqual([{ name: 'Moritz Mustermann' }]);
    db.close();
  });

  it('books of another kind keep their own row under the same name ("Contacts.csv (2)"), and stay apart on re-import', async () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    const dir = userFolder();
    const linkedIn = write(dir, 'Contacts.csv', UPLOADED);
    const other = join(dir, 'google');
    mkdirSync(other);
    const google = write(other, 'Contacts.csv', GOOGLE_CURRENT);
    await importInto(db, [linkedIn, google]);
    await importInto(db, [google]);
    await importInto(db, [linkedIn]);
    expect(
      db
        .prepare(
          `SELECT b.source, b.kind, b.uploaded_to, COUNT(e.id) AS entries FROM address_book b JOIN address_entry e ON e.book_id = b.id GROUP BY b.id ORDER BY b.id`,
        )
        .all(),
    ).toEqual([
      { source: 'Contacts.csv', kind: 'linkedin-uploaded', uploaded_to: 'linkedin', entries: 1 },
      { source: 'Contacts.csv (2)', kind: 'google-csv', uploaded_to: null, entries: 2 },
    ]);
    expect(loadAuditInput(db).uploadedBooks).toEqual([{ source: 'Contacts.csv', network: 'linkedin', entries: 1 }]);
    db.close();
  });
});
