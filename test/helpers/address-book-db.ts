/** Imports files through the real importer into a real database, and reads back what a person sees. */
import { join } from 'node:path';
import { openDatabase, type DB } from '../../electron/services/db';
import { runImport } from '../../electron/services/importers';
import { resolvePaths } from '../../electron/services/importers/source';

export const IMPORT_NOW = new Date('2026-11-01T12:00:00Z');

export async function importInto(db: DB, paths: string[]) {
  const sources = await resolvePaths(paths);
  try {
    return await runImport(db, sources.files, { origin: 'file', now: IMPORT_NOW });
  } finally {
    await sources.close();
  }
}

/** One address-book entry as a person reads it: every email and phone, in the order of the file. */
export interface Entry {
  name: string;
  company: string | null;
  birthday: string | null;
  emails: string[];
  phones: string[];
  tags: string[];
}

export function entries(db: DB): Entry[] {
  const rows = db
    .prepare<[], { id: number; name: string; company: string | null; birthday: string | null }>(
      `SELECT id, name, company, birthday FROM address_entry ORDER BY id`,
    )
    .all();
  return rows.map((r) => ({
    name: r.name,
    company: r.company,
    birthday: r.birthday,
    emails: db
      .prepare<[number], { value: string }>(
        `SELECT value FROM address_detail WHERE entry_id = ? AND kind = 'email' ORDER BY rowid`,
      )
      .all(r.id)
      .map((x) => x.value),
    phones: db
      .prepare<[number], { value: string }>(
        `SELECT value FROM address_detail WHERE entry_id = ? AND kind = 'phone' ORDER BY rowid`,
      )
      .all(r.id)
      .map((x) => x.value),
    tags: db
      .prepare<[number], { tag: string }>(`SELECT tag FROM address_tag WHERE entry_id = ? ORDER BY tag`)
      .all(r.id)
      .map((x) => x.tag),
  }));
}

/** Opens a fresh database in `dir`, imports `paths` into it, and returns the summary and the entries. */
export async function importFresh(dir: string, paths: string[]) {
  const db = openDatabase(join(dir, 'a.db'));
  try {
    const summary = await importInto(db, paths);
    return { summary, entries: entries(db) };
  } finally {
    db.close();
  }
}
