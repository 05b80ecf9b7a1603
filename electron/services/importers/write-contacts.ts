/** The network contacts of an import: LinkedIn connections (with those gone marked removed) and XING contacts. */
import type { ImportNote } from '../../../shared/contract';
import type { DB } from '../db';
import type { Collected } from './gather';
import { because, noteOf } from './reason';
import { replaceDetails, type Counts } from './write-details';

/** A LinkedIn contact in the database after the connections were written. */
export interface LinkedInRow {
  id: number;
  contact_key: string;
  name: string;
}

/**
 * An import that would mark more than `share` of the current connections removed, and at least
 * `atLeast` of them, says so in a warning (a header-only or truncated Connections.csv).
 */
export const MASS_REMOVAL = { share: 0.2, atLeast: 10 };

/** Rows written between two yields of a writer (a few milliseconds). */
const SLICE = 2000;

/** A LinkedIn contact as stored before the import. */
interface StoredConnection {
  id: number;
  contact_key: string;
  name: string;
  profile_url: string | null;
  company: string | null;
  position: string | null;
  connected_on: string | null;
  removed_on: string | null;
}

/** Every LinkedIn contact stored, by key: one query for all instead of one per row. */
function storedConnections(db: DB): Map<string, StoredConnection> {
  return new Map(
    db
      .prepare<[], StoredConnection>(
        `SELECT id, contact_key, name, profile_url, company, position, connected_on, removed_on FROM contact WHERE network = 'linkedin'`,
      )
      .all()
      .map((r) => [r.contact_key, r]),
  );
}

/**
 * Returns every LinkedIn contact now in the database (null when the import had no Connections.csv).
 * Yields after every slice of rows.
 */
export function* writeLinkedInConnections(
  db: DB,
  data: Collected,
  runId: number,
  today: string,
  counts: Counts,
  notes: ImportNote[],
): Generator<void, LinkedInRow[] | null> {
  if (!data.connections) return null;
  const rows: LinkedInRow[] = [];
  const existing = storedConnections(db);
  const insert = db.prepare(
    `INSERT INTO contact (network, contact_key, name, profile_url, company, position, connected_on, first_seen_run)
     VALUES ('linkedin', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE contact SET name = ?, profile_url = ?, company = ?, position = ?, connected_on = ?, removed_on = NULL WHERE id = ?`,
  );
  let n = 0;
  for (const c of data.connections.values()) {
    if (++n % SLICE === 0) yield;
    const old = existing.get(c.key);
    let id: number;
    let changed: boolean;
    if (!old) {
      id = Number(insert.run(c.key, c.name, c.profileUrl, c.company, c.position, c.connectedOn, runId).lastInsertRowid);
      rows.push({ id, contact_key: c.key, name: c.name });
      counts.added++;
      if (c.email) replaceDetails(db, 'contact', id, [c.email], [], []);
      continue;
    }
    id = old.id;
    changed =
      old.name !== c.name ||
      old.profile_url !== c.profileUrl ||
      old.company !== c.company ||
      old.position !== c.position ||
      old.connected_on !== c.connectedOn ||
      old.removed_on !== null;
    if (changed) update.run(c.name, c.profileUrl, c.company, c.position, c.connectedOn, id);
    if (c.email && replaceDetails(db, 'contact', id, [c.email], [], [])) changed = true;
    if (changed) counts.updated++;
    else counts.unchanged++;
  }
  const { removed, current } = markGone(db, data.connections, existing, today, counts, rows);
  if (removed >= MASS_REMOVAL.atLeast && removed > current * MASS_REMOVAL.share) {
    // A truncated or header-only export would otherwise take the network away without a word.
    const files = data.files.filter((f) => f.kind === 'linkedin-connections').map((f) => f.name);
    const share = Math.round((100 * removed) / current) / 100;
    notes.push(noteOf(files.join(', ') || 'Connections.csv', because('massRemoval', { removed, current, share })));
  }
  return rows;
}

/**
 * A connection missing from a full Connections.csv is marked removed, never deleted. Every stored
 * connection joins `rows`. How many were current before, and how many of them are removed now.
 */
function markGone(
  db: DB,
  connections: NonNullable<Collected['connections']>,
  existing: ReadonlyMap<string, StoredConnection>,
  today: string,
  counts: Counts,
  rows: LinkedInRow[],
): { removed: number; current: number } {
  const markRemoved = db.prepare(`UPDATE contact SET removed_on = ? WHERE id = ?`);
  let current = 0;
  let removed = 0;
  for (const row of existing.values()) {
    if (row.removed_on === null) current++;
    if (row.removed_on === null && !connections.has(row.contact_key)) {
      markRemoved.run(today, row.id);
      counts.removed++;
      removed++;
    }
    const now = connections.get(row.contact_key);
    rows.push({ id: row.id, contact_key: row.contact_key, name: now?.name ?? row.name });
  }
  return { removed, current };
}

export function writeXingContacts(db: DB, data: Collected, runId: number, counts: Counts): void {
  const find = db.prepare<
    [string],
    { id: number; name: string; profile_url: string | null; company: string | null; position: string | null }
  >(`SELECT id, name, profile_url, company, position FROM contact WHERE network = 'xing' AND contact_key = ?`);
  const insert = db.prepare(
    `INSERT INTO contact (network, contact_key, name, profile_url, company, position, first_seen_run) VALUES ('xing', ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE contact SET name = ?, profile_url = ?, company = ?, position = ?, removed_on = NULL WHERE id = ?`,
  );
  for (const c of data.xingContacts.values()) {
    const old = find.get(c.key);
    if (!old) {
      const id = Number(insert.run(c.key, c.name, c.profileUrl, c.company, c.title, runId).lastInsertRowid);
      replaceDetails(db, 'contact', id, c.emails, c.phones, c.tags);
      counts.added++;
      continue;
    }
    let changed =
      old.name !== c.name || old.profile_url !== c.profileUrl || old.company !== c.company || old.position !== c.title;
    if (changed) update.run(c.name, c.profileUrl, c.company, c.title, old.id);
    if (replaceDetails(db, 'contact', old.id, c.emails, c.phones, c.tags)) changed = true;
    if (changed) counts.updated++;
    else counts.unchanged++;
  }
}
