import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../electron/services/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/services/migrations';
import { loadAuditInput } from '../../electron/services/store';
import { snapshot } from '../helpers/db';
import { useTempDir } from '../helpers/fixtures';

const tempDir = useTempDir();

describe('the database', () => {
  it('is created with every migration applied, WAL, foreign keys and STRICT tables', () => {
    const path = join(tempDir(), 'nested', 'folder', 'shareaudit.db');
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`,
      )
      .all();
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    expect(() =>
      db.prepare(`INSERT INTO interaction (contact_id, sent, received) VALUES (1, 'many', 0)`).run(),
    ).toThrow(/cannot store TEXT value in INTEGER column|FOREIGN KEY/);
    db.close();
  });

  it('opening again keeps the data and applies nothing twice', () => {
    const path = join(tempDir(), 'a.db');
    const db = openDatabase(path);
    db.prepare(`INSERT INTO my_detail (field, value, source) VALUES ('mobile', '+49', 'test')`).run();
    db.close();
    const again = openDatabase(path);
    expect(again.prepare('SELECT value FROM my_detail').all()).toEqual([{ value: '+49' }]);
    again.close();
  });

  it('refuses a database written by a newer ShareAudit, naming the file, and leaves it untouched', () => {
    const path = join(tempDir(), 'future.db');
    const raw = new Database(path);
    // A newer ShareAudit marks its file as ShareAudit's, as this one does (migration 6).
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    raw.close();
    expect(() => openDatabase(path)).toThrow(
      expect.objectContaining({
        code: 'DB_FROM_FUTURE',
        values: { path, found: SCHEMA_VERSION + 5, known: SCHEMA_VERSION },
        message: expect.stringContaining(path) as unknown,
      }),
    );
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    expect(check.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all()).toEqual([
      { name: 'from_the_future' },
    ]);
    check.close();
  });

  it('deleting a contact cascades to its interactions (foreign keys are on)', () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    db.exec(`INSERT INTO import_run (id, started_at, finished_at, origin, files_json, ignored_json, added, updated, unchanged, removed, warnings_json, duration_ms)
             VALUES (1, 'x', 'x', 'file', '[]', '[]', 0, 0, 0, 0, '[]', 0);
             INSERT INTO contact (id, network, contact_key, name, first_seen_run) VALUES (7, 'linkedin', 'k', 'A', 1);
             INSERT INTO interaction (contact_id, sent, received) VALUES (7, 1, 1);
             DELETE FROM contact WHERE id = 7;`);
    expect(db.prepare('SELECT COUNT(*) AS n FROM interaction').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 5: file names only, identity evidence as data, what the export says of my details', () => {
  /** A database as ShareAudit left it at schema 4, with the rows older versions wrote. */
  function version4(path: string): void {
    const raw = new Database(path);
    raw.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS.filter((m) => m.version <= 4)) raw.exec(m.up as string);
    raw.pragma('user_version = 4');
    raw.exec(`
      INSERT INTO import_run (id, started_at, finished_at, origin, files_json, ignored_json, added, updated, unchanged, removed, warnings_json, duration_ms)
      VALUES (1, 'x', 'x', 'file',
        '[{"name":"/home/erika/Downloads/Connections.csv","kind":"linkedin-connections","rows":4,"sha256":"a"},{"name":"Basic.zip › Contacts.csv","kind":"linkedin-contacts","rows":1,"sha256":"b"},{"name":"C:\\\\Users\\\\erika\\\\Contacts.csv","kind":"google-csv","rows":1}]',
        '["/home/erika/Kontakte/notes.txt"]', 0, 0, 0, 0,
        '["/home/erika/Downloads/Connections.csv, line 9: connection without name or profile URL, skipped","Basic.zip › Contacts.csv, line 2: entry without name, email or phone, skipped","C:\\\\Users\\\\erika\\\\Contacts.csv: something"]',
        0);
      INSERT INTO contact (id, network, contact_key, name, company, first_seen_run) VALUES
        (1, 'linkedin', 'k1', 'Max Mustermann', 'Muster AG', 1),
        (2, 'linkedin', 'k2', 'Erika Musterfrau', NULL, 1),
        (3, 'linkedin', 'k3', 'Jürgen Öztürk', NULL, 1),
        (4, 'linkedin', 'k4', 'E. Musterfrau', NULL, 1);
      INSERT INTO address_book (id, source, kind, uploaded_to) VALUES
        (1, '/home/erika/Downloads/contacts.vcf', 'vcard', NULL),
        (2, '/media/usb/contacts.vcf', 'vcard', NULL),
        (3, 'C:\\Users\\erika\\Contacts.csv', 'google-csv', NULL),
        (4, 'Basic.zip › Contacts.csv', 'linkedin-uploaded', 'linkedin'),
        (5, '/home/erika/Contacts.csv', 'linkedin-uploaded', 'linkedin'),
        (6, '/home/erika/Kontakte/', 'vcard', NULL);
      INSERT INTO address_entry (id, book_id, entry_key, name) VALUES
        (1, 1, 'e1', 'Erika Musterfrau'), (2, 1, 'e2', 'Hans Beispiel'),
        (3, 2, 'e1', 'Erika Musterfrau'), (4, 2, 'e4', 'Max Mustermann'),
        (5, 3, 'e5', 'Max M.'), (6, 6, 'e6', 'Jürgen Öztürk'), (7, 5, 'e7', 'Max');
      INSERT INTO identity_link (id, contact_id, entry_id, other_contact_id, method, confidence, evidence) VALUES
        (1, 2, 1, NULL, 'email', 0.99, 'same email erika@beispiel.example'),
        (2, 2, 3, NULL, 'email', 0.99, 'same email erika@beispiel.example'),
        (3, 1, 4, NULL, 'name-company', 0.85, 'same name and company (Max Mustermann, Muster AG)'),
        (4, 1, 5, NULL, 'phone', 0.95, 'same phone +491715550300'),
        (5, 3, 6, NULL, 'name', 0.5, 'same name (Jürgen Öztürk), the only one on both sides'),
        (6, 1, 7, NULL, 'profile-url', 0.99, 'same profile URL'),
        (7, 4, 3, NULL, 'phone', 0.95, 'same phone +491715550101');
      INSERT INTO my_detail (field, value, source) VALUES
        ('privateEmail', 'ich@gmx.de', 'Email Addresses.csv'),
        ('mobile', '+49 171 5550100', '/home/erika/Downloads/PhoneNumbers.csv');
      INSERT INTO finding_mute (finding_id, reason, until, created_at) VALUES
        ('address-book-uploaded:book-/home/erika/Contacts.csv:all', 'deleted on LinkedIn', NULL, 'x'),
        ('private-detail-unfamiliar:1:mobile', 'kenne ich', NULL, 'x');
    `);
    raw.close();
  }

  it('rewrites every stored path to the file name, merging books of the same name and kind', () => {
    const path = join(tempDir(), 'old.db');
    version4(path);
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // The two contacts.vcf are one book now (as an import would treat them); the Google CSV and the
    // uploaded book of the same name are not the same book: the younger one gets "(2)".
    expect(db.prepare(`SELECT id, source, kind FROM address_book ORDER BY id`).all()).toEqual([
      { id: 1, source: 'contacts.vcf', kind: 'vcard' },
      { id: 3, source: 'Contacts.csv', kind: 'google-csv' },
      { id: 4, source: 'Basic.zip › Contacts.csv', kind: 'linkedin-uploaded' },
      { id: 5, source: 'Contacts.csv (2)', kind: 'linkedin-uploaded' },
      { id: 6, source: 'Kontakte', kind: 'vcard' },
    ]);
    // Erika was in both copies: kept once, with her link moved over (and not doubled).
    expect(db.prepare(`SELECT id, book_id, entry_key FROM address_entry ORDER BY id`).all()).toEqual([
      { id: 1, book_id: 1, entry_key: 'e1' },
      { id: 2, book_id: 1, entry_key: 'e2' },
      { id: 4, book_id: 1, entry_key: 'e4' },
      { id: 5, book_id: 3, entry_key: 'e5' },
      { id: 6, book_id: 6, entry_key: 'e6' },
      { id: 7, book_id: 5, entry_key: 'e7' },
    ]);
    expect(
      db
        .prepare<[], { contact_id: number; entry_id: number; evidence: string }>(
          `SELECT contact_id, entry_id, evidence FROM identity_link ORDER BY id`,
        )
        .all()
        .map((l) => ({ ...l, evidence: JSON.parse(l.evidence) as unknown })),
    ).toEqual([
      { contact_id: 2, entry_id: 1, evidence: { method: 'email', value: 'erika@beispiel.example' } },
      {
        contact_id: 1,
        entry_id: 4,
        evidence: { method: 'name-company', name: 'Max Mustermann', company: 'Muster AG' },
      },
      { contact_id: 1, entry_id: 5, evidence: { method: 'phone', value: '+491715550300' } },
      { contact_id: 3, entry_id: 6, evidence: { method: 'name', name: 'Jürgen Öztürk' } },
      { contact_id: 1, entry_id: 7, evidence: { method: 'profile-url' } },
      // Linked to the dropped copy only: now to the one kept.
      { contact_id: 4, entry_id: 1, evidence: { method: 'phone', value: '+491715550101' } },
    ]);
    expect(db.prepare(`SELECT * FROM my_detail ORDER BY field`).all()).toEqual([
      {
        field: 'mobile',
        value: '+49 171 5550100',
        source: 'PhoneNumbers.csv',
        label: null,
        is_primary: null,
        confirmed: null,
      },
      {
        field: 'privateEmail',
        value: 'ich@gmx.de',
        source: 'Email Addresses.csv',
        label: null,
        is_primary: null,
        confirmed: null,
      },
    ]);
    const run = db
      .prepare<[], { files_json: string; ignored_json: string; warnings_json: string }>(
        `SELECT files_json, ignored_json, warnings_json FROM import_run`,
      )
      .get()!;
    expect(JSON.parse(run.files_json)).toEqual([
      { name: 'Connections.csv', kind: 'linkedin-connections', rows: 4, sha256: 'a' },
      { name: 'Basic.zip › Contacts.csv', kind: 'linkedin-contacts', rows: 1, sha256: 'b' },
      { name: 'Contacts.csv', kind: 'google-csv', rows: 1 },
    ]);
    expect(JSON.parse(run.ignored_json)).toEqual(['notes.txt']);
    expect(JSON.parse(run.warnings_json)).toEqual([
      'Connections.csv, line 9: connection without name or profile URL, skipped',
      'Basic.zip › Contacts.csv, line 2: entry without name, email or phone, skipped',
      'Contacts.csv: something',
    ]);
    // The mute of the uploaded book's finding follows the book's new name.
    expect(db.prepare(`SELECT finding_id FROM finding_mute ORDER BY finding_id`).all()).toEqual([
      { finding_id: 'address-book-uploaded:book-Contacts.csv (2):all' },
      { finding_id: 'private-detail-unfamiliar:1:mobile' },
    ]);
    // Nothing of a folder is left anywhere.
    const everything = JSON.stringify(snapshot(db));
    for (const folder of ['/home/', '/media/', 'Users', 'Downloads']) expect(everything).not.toContain(folder);
    // And what is stored reads back as the audit needs it.
    expect(loadAuditInput(db).addressBookLinks).toContainEqual({
      contactId: 3,
      source: 'Kontakte',
      method: 'name',
      confidence: 0.5,
      evidence: { method: 'name', name: 'Jürgen Öztürk' },
    });
    db.close();
  });

  it('leaves a database without paths as it was (but for the new columns)', () => {
    const path = join(tempDir(), 'clean.db');
    const raw = new Database(path);
    for (const m of MIGRATIONS.filter((m) => m.version <= 4)) raw.exec(m.up as string);
    raw.pragma('user_version = 4');
    raw.exec(`INSERT INTO address_book (source, kind, uploaded_to) VALUES ('Contacts.csv', 'linkedin-uploaded', 'linkedin');
              INSERT INTO my_detail (field, value, source) VALUES ('birthday', '--03-07', 'Profile.csv');`);
    raw.close();
    const db = openDatabase(path);
    expect(db.prepare(`SELECT source, kind FROM address_book`).all()).toEqual([
      { source: 'Contacts.csv', kind: 'linkedin-uploaded' },
    ]);
    expect(db.prepare(`SELECT source, label FROM my_detail`).all()).toEqual([{ source: 'Profile.csv', label: null }]);
    db.close();
  });
});
