/** Migration 9: revocations of a setting (no contact); existing revocations and their history kept as they were. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/services/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/services/migrations';
import { useTempDir } from '../helpers/fixtures';

const tempDir = useTempDir();

/** A database as ShareAudit left it at schema 8, with a revocation and its history. */
function version8(path: string): void {
  const raw = new Database(path);
  raw.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((m) => m.version <= 8)) {
    if (typeof m.up === 'string') raw.exec(m.up);
    else m.up(raw);
  }
  raw.pragma('user_version = 8');
  raw.exec(`
    INSERT INTO import_run (id, started_at, finished_at, origin, files_json, ignored_json, added, updated, unchanged, removed, warnings_json, duration_ms)
      VALUES (1, 'x', 'x', 'file', '[]', '[]', 0, 0, 0, 0, '[]', 0);
    INSERT INTO contact (id, network, contact_key, name, first_seen_run) VALUES
      (1, 'linkedin', 'k1', 'Max Mustermann', 1), (2, 'linkedin', 'k2', 'Erika Musterfrau', 1);
    INSERT INTO revocation (id, finding_id, contact_id, field, rule, action, target, status, created_at, applied_on, resolved_at) VALUES
      (1, 'likely-collector:1:mobile', 1, 'mobile', 'likely-collector', 'remove-connection', '1:*', 'applied', '2026-11-01T00:00:00Z', '2026-11-02', NULL),
      (2, 'private-detail-unfamiliar:2:mobile', 2, 'mobile', 'private-detail-unfamiliar', 'narrow-phone-audience', '2:mobile:narrow-phone-audience', 'undone', '2026-11-01T00:00:00Z', NULL, '2026-11-03T00:00:00Z');
    INSERT INTO revocation_event (revocation_id, status, at, note) VALUES
      (1, 'planned', '2026-11-01T00:00:00Z', NULL), (1, 'applied', '2026-11-02T00:00:00Z', NULL),
      (2, 'planned', '2026-11-01T00:00:00Z', NULL), (2, 'undone', '2026-11-03T00:00:00Z', NULL);
  `);
  raw.close();
}

describe('migration 9: setting revocations and the guided session', () => {
  it('keeps every revocation and its history, allows a setting without a contact, and still cascades', () => {
    const path = join(tempDir(), 'v8.db');
    version8(path);
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, contact_id, status, target FROM revocation ORDER BY id').all()).toEqual([
      { id: 1, contact_id: 1, status: 'applied', target: '1:*' },
      { id: 2, contact_id: 2, status: 'undone', target: '2:mobile:narrow-phone-audience' },
    ]);
    expect(db.prepare('SELECT revocation_id, status FROM revocation_event ORDER BY rowid').all()).toEqual([
      { revocation_id: 1, status: 'planned' },
      { revocation_id: 1, status: 'applied' },
      { revocation_id: 2, status: 'planned' },
      { revocation_id: 2, status: 'undone' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // A setting's revocation: no contact, its target names the step.
    db.prepare(
      `INSERT INTO revocation (finding_id, contact_id, field, rule, action, target, status, created_at)
       VALUES ('x', NULL, NULL, 'email-download-allowed', 'switch-off-email-download', 'setting:switch-off-email-download', 'planned', 'now')`,
    ).run();
    // Without a contact, only a setting.
    expect(() =>
      db
        .prepare(
          `INSERT INTO revocation (finding_id, contact_id, field, rule, action, target, status, created_at)
           VALUES ('y', NULL, 'mobile', 'r', 'remove-connection', '9:*', 'planned', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    // Still one live revocation per target.
    expect(() =>
      db
        .prepare(
          `INSERT INTO revocation (finding_id, contact_id, field, rule, action, target, status, created_at)
           VALUES ('z', 1, 'mobile', 'r', 'remove-connection', '1:*', 'planned', 'now')`,
        )
        .run(),
    ).toThrow(/UNIQUE constraint failed/);
    // Removing a contact still takes its revocations and their history with it.
    db.prepare('DELETE FROM contact WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM revocation_event WHERE revocation_id = 1').get()).toEqual({ n: 0 });
    db.close();
  });
});
