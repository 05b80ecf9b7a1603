import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/services/db';
import { SCHEMA_VERSION } from '../../electron/services/migrations';
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
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    raw.close();
    expect(() => openDatabase(path)).toThrow(
      `${path}: written by a newer ShareAudit (schema ${SCHEMA_VERSION + 5}, this version knows ${SCHEMA_VERSION})`,
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
