/**
 * Writes one import run: everything in one transaction, so a failure anywhere leaves the database
 * exactly as it was. Counts what was added, updated, left unchanged and removed.
 */
import type { ImportNote, ImportSummary } from '../../../shared/contract';
import type { DetailField } from '../../../shared/domain';
import { linkIdentities, type IdentityRecord } from '../../../shared/identity';
import type { DB } from '../db';
import { dateFromKey } from './dates';
import type { Collected, Interactions } from './index';
import type { NormalisedPhone } from './normalise';
import { because, noteOf } from './reason';

export interface EntryInput {
  key: string;
  name: string;
  company: string | null;
  title: string | null;
  birthday: string | null;
  profileUrl: string | null;
  emails: string[];
  phones: NormalisedPhone[];
  tags: string[];
}

export interface BookInput {
  source: string;
  kind: 'vcard' | 'google-csv' | 'outlook-csv' | 'linkedin-uploaded';
  uploadedTo: 'linkedin' | null;
  entries: Map<string, EntryInput>;
}

export type NetworkContactInput = Omit<EntryInput, 'birthday'>;

/** One of the user's own details as the export states it. */
export interface OwnDetailInput {
  field: DetailField;
  value: string;
  /** The file's name: "Email Addresses.csv", "Phone Numbers.csv"… */
  source: string;
  /** A phone's type as the file states it ("Mobile", "Work"…), "WhatsApp" for a WhatsApp number. */
  label: string | null;
  /** Email Addresses.csv's Primary and Confirmed columns; null where the file does not say. */
  primary: boolean | null;
  confirmed: boolean | null;
}

interface Counts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

const phoneValue = (p: NormalisedPhone): string => p.e164 ?? p.raw.replace(/[^\d+]/g, '');

/** Replaces the emails, phones and tags of one record; returns whether anything changed. */
function replaceDetails(
  db: DB,
  table: 'contact' | 'address',
  id: number,
  emails: readonly string[],
  phones: readonly NormalisedPhone[],
  tags: readonly string[],
): boolean {
  const idColumn = table === 'contact' ? 'contact_id' : 'entry_id';
  const wanted = [
    ...emails.map((e) => `email ${e}`),
    ...phones.map((p) => `phone ${phoneValue(p)}`),
    ...tags.map((t) => `tag ${t}`),
  ]
    .filter((v, i, all) => all.indexOf(v) === i)
    .sort();
  const current = [
    ...db
      .prepare<[number], { kind: string; value: string }>(
        `SELECT kind, value FROM ${table}_detail WHERE ${idColumn} = ?`,
      )
      .all(id)
      .map((r) => `${r.kind} ${r.value}`),
    ...db
      .prepare<[number], { tag: string }>(`SELECT tag FROM ${table}_tag WHERE ${idColumn} = ?`)
      .all(id)
      .map((r) => `tag ${r.tag}`),
  ].sort();
  if (JSON.stringify(wanted) === JSON.stringify(current)) return false;
  db.prepare(`DELETE FROM ${table}_detail WHERE ${idColumn} = ?`).run(id);
  db.prepare(`DELETE FROM ${table}_tag WHERE ${idColumn} = ?`).run(id);
  const detail = db.prepare(
    `INSERT OR IGNORE INTO ${table}_detail (${idColumn}, kind, value, raw) VALUES (?, ?, ?, ?)`,
  );
  for (const e of emails) detail.run(id, 'email', e, e);
  for (const p of phones) detail.run(id, 'phone', phoneValue(p), p.raw);
  const tag = db.prepare(`INSERT OR IGNORE INTO ${table}_tag (${idColumn}, tag) VALUES (?, ?)`);
  for (const t of tags) tag.run(id, t);
  return true;
}

/** A LinkedIn contact in the database after the connections were written. */
interface LinkedInRow {
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

/**
 * Returns every LinkedIn contact now in the database (null when the import had no Connections.csv).
 * Yields after every slice of rows.
 */
function* writeLinkedInConnections(
  db: DB,
  data: Collected,
  runId: number,
  today: string,
  counts: Counts,
  notes: ImportNote[],
): Generator<void, LinkedInRow[] | null> {
  if (!data.connections) return null;
  const rows: LinkedInRow[] = [];
  // One query for all existing connections instead of one per row.
  const existing = new Map(
    db
      .prepare<
        [],
        {
          id: number;
          contact_key: string;
          name: string;
          profile_url: string | null;
          company: string | null;
          position: string | null;
          connected_on: string | null;
          removed_on: string | null;
        }
      >(
        `SELECT id, contact_key, name, profile_url, company, position, connected_on, removed_on FROM contact WHERE network = 'linkedin'`,
      )
      .all()
      .map((r) => [r.contact_key, r]),
  );
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
  // A connection missing from a full Connections.csv is marked removed, never deleted.
  const markRemoved = db.prepare(`UPDATE contact SET removed_on = ? WHERE id = ?`);
  let current = 0;
  let removed = 0;
  for (const row of existing.values()) {
    if (row.removed_on === null) current++;
    if (row.removed_on === null && !data.connections.has(row.contact_key)) {
      markRemoved.run(today, row.id);
      counts.removed++;
      removed++;
    }
    const now = data.connections.get(row.contact_key);
    rows.push({ id: row.id, contact_key: row.contact_key, name: now?.name ?? row.name });
  }
  if (removed >= MASS_REMOVAL.atLeast && removed > current * MASS_REMOVAL.share) {
    // A truncated or header-only export would otherwise take the network away without a word.
    const files = data.files.filter((f) => f.kind === 'linkedin-connections').map((f) => f.name);
    const share = Math.round((100 * removed) / current) / 100;
    notes.push(noteOf(files.join(', ') || 'Connections.csv', because('massRemoval', { removed, current, share })));
  }
  return rows;
}

function writeXingContacts(db: DB, data: Collected, runId: number, counts: Counts): void {
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

/**
 * An address book is known by its file's name and its kind: a newer copy of the same name replaces
 * the older one, wherever on disk it was. Books of another kind keep a row of their own (the source
 * is UNIQUE): a Google CSV called "Contacts.csv" beside LinkedIn's becomes "Contacts.csv (2)".
 */
function bookId(db: DB, book: BookInput): number {
  const books = db
    .prepare<[], { id: number; source: string; kind: string; uploaded_to: string | null }>(
      `SELECT id, source, kind, uploaded_to FROM address_book ORDER BY id`,
    )
    .all();
  const named = (source: string): boolean =>
    source === book.source ||
    (source.startsWith(`${book.source} (`) && /^ \(\d+\)$/.test(source.slice(book.source.length)));
  const same = books.find((b) => named(b.source) && b.kind === book.kind && b.uploaded_to === book.uploadedTo);
  if (same) return same.id;
  const taken = new Set(books.map((b) => b.source));
  let source = book.source;
  for (let n = 2; taken.has(source); n++) source = `${book.source} (${n})`;
  return Number(
    db
      .prepare(`INSERT INTO address_book (source, kind, uploaded_to) VALUES (?, ?, ?)`)
      .run(source, book.kind, book.uploadedTo).lastInsertRowid,
  );
}

function writeBooks(db: DB, data: Collected, counts: Counts): void {
  const findEntry = db.prepare<
    [number, string],
    {
      id: number;
      name: string;
      company: string | null;
      title: string | null;
      birthday: string | null;
      profile_url: string | null;
    }
  >(`SELECT id, name, company, title, birthday, profile_url FROM address_entry WHERE book_id = ? AND entry_key = ?`);
  const insertEntry = db.prepare(
    `INSERT INTO address_entry (book_id, entry_key, name, company, title, birthday, profile_url) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateEntry = db.prepare(
    `UPDATE address_entry SET name = ?, company = ?, title = ?, birthday = ?, profile_url = ? WHERE id = ?`,
  );
  for (const book of data.books.values()) {
    const inBook = bookId(db, book);
    const seen = new Set<number>();
    for (const e of book.entries.values()) {
      const old = findEntry.get(inBook, e.key);
      if (!old) {
        const id = Number(
          insertEntry.run(inBook, e.key, e.name, e.company, e.title, e.birthday, e.profileUrl).lastInsertRowid,
        );
        replaceDetails(db, 'address', id, e.emails, e.phones, e.tags);
        seen.add(id);
        counts.added++;
        continue;
      }
      seen.add(old.id);
      let changed =
        old.name !== e.name ||
        old.company !== e.company ||
        old.title !== e.title ||
        old.birthday !== e.birthday ||
        old.profile_url !== e.profileUrl;
      if (changed) updateEntry.run(e.name, e.company, e.title, e.birthday, e.profileUrl, old.id);
      if (replaceDetails(db, 'address', old.id, e.emails, e.phones, e.tags)) changed = true;
      if (changed) counts.updated++;
      else counts.unchanged++;
    }
    // A newer copy of the same address book replaces the old one.
    const remove = db.prepare(`DELETE FROM address_entry WHERE id = ?`);
    for (const { id } of db
      .prepare<[number], { id: number }>(`SELECT id FROM address_entry WHERE book_id = ?`)
      .all(inBook)) {
      if (!seen.has(id)) {
        remove.run(id);
        counts.removed++;
      }
    }
  }
}

function writeInteractions(db: DB, interactions: Interactions, linkedIn: LinkedInRow[] | null): void {
  const contacts =
    linkedIn ??
    db.prepare<[], LinkedInRow>(`SELECT id, contact_key, name FROM contact WHERE network = 'linkedin'`).all();
  db.prepare(`DELETE FROM interaction WHERE contact_id IN (SELECT id FROM contact WHERE network = 'linkedin')`).run();
  // Many rows per statement: a heavy user's 30,000 in about half the time of one statement each (the
  // import's last step, when nothing else runs beside it).
  const statement = (rows: number) =>
    db.prepare(
      `INSERT INTO interaction (contact_id, sent, received, first_at, last_at) VALUES ${Array<string>(rows).fill('(?, ?, ?, ?, ?)').join(', ')}`,
    );
  const full = statement(INTERACTIONS_PER_STATEMENT);
  let values: Array<number | string | null> = [];
  for (const contact of contacts) {
    const s = interactions.find(contact.contact_key, contact.name);
    if (!s) continue;
    values.push(contact.id, s.sent, s.received, dateFromKey(s.first), dateFromKey(s.last));
    if (values.length === INTERACTIONS_PER_STATEMENT * 5) {
      full.run(values);
      values = [];
    }
  }
  if (values.length > 0) statement(values.length / 5).run(values);
}

/** Rows of interaction per INSERT (5 values each: well under SQLite's 32,766 parameters). */
export const INTERACTIONS_PER_STATEMENT = 400;

/** Recomputes every identity link from all current records (cheap, and never stale). */
export function relinkIdentities(db: DB): number {
  // Links need a second source: an address book or XING contacts. LinkedIn alone links nothing.
  const others = db
    .prepare<[], { n: number }>(
      `SELECT (SELECT COUNT(*) FROM address_entry) + (SELECT COUNT(*) FROM contact WHERE network = 'xing') AS n`,
    )
    .get()!.n;
  if (others === 0) {
    db.prepare(`DELETE FROM identity_link`).run();
    return 0;
  }
  const group = <T extends { id: number }>(
    rows: Array<{ id: number; kind: string; value: string }>,
    into: Map<number, T & { emails: string[]; phones: string[] }>,
  ): void => {
    for (const r of rows) into.get(r.id)?.[r.kind === 'email' ? 'emails' : 'phones'].push(r.value);
  };
  const contacts = new Map<number, IdentityRecord & { emails: string[]; phones: string[] }>();
  for (const c of db
    .prepare<
      [],
      { id: number; name: string; company: string | null; profile_url: string | null; network: 'linkedin' | 'xing' }
    >(`SELECT id, name, company, profile_url, network FROM contact WHERE removed_on IS NULL`)
    .all()) {
    contacts.set(c.id, {
      id: c.id,
      name: c.name,
      company: c.company,
      profileUrl: c.profile_url,
      network: c.network,
      emails: [],
      phones: [],
    });
  }
  group(
    db
      .prepare<[], { id: number; kind: string; value: string }>(
        `SELECT contact_id AS id, kind, value FROM contact_detail`,
      )
      .all(),
    contacts,
  );
  const entries = new Map<number, IdentityRecord & { emails: string[]; phones: string[] }>();
  for (const e of db
    .prepare<[], { id: number; name: string; company: string | null; profile_url: string | null }>(
      `SELECT id, name, company, profile_url FROM address_entry`,
    )
    .all()) {
    entries.set(e.id, {
      id: e.id,
      name: e.name,
      company: e.company,
      profileUrl: e.profile_url,
      emails: [],
      phones: [],
    });
  }
  group(
    db
      .prepare<[], { id: number; kind: string; value: string }>(
        `SELECT entry_id AS id, kind, value FROM address_detail`,
      )
      .all(),
    entries,
  );
  const links = linkIdentities([...contacts.values()], [...entries.values()]);
  db.prepare(`DELETE FROM identity_link`).run();
  const insert = db.prepare(
    `INSERT INTO identity_link (contact_id, entry_id, other_contact_id, method, confidence, evidence) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const l of links)
    insert.run(l.contactId, l.entryId, l.otherContactId, l.method, l.confidence, JSON.stringify(l.evidence));
  return links.length;
}

type Run = { origin: 'file' | 'demo'; started: number; now: Date };

/** What is written before the messages are read: the run, and every record but the interactions. */
interface Written {
  runId: number;
  counts: Counts;
  linkedIn: LinkedInRow[] | null;
  /** Warnings about what was written (said first in the run's warnings). */
  notes: ImportNote[];
}

/** Writes everything but the interactions; yields now and then (see writeImportWhileReading). */
function* writeRecords(db: DB, data: Collected, run: Run): Generator<void, Written> {
  const nowIso = run.now.toISOString();
  const runId = Number(
    db
      .prepare(
        `INSERT INTO import_run (started_at, finished_at, origin, files_json, ignored_json, added, updated, unchanged, removed, warnings_json, duration_ms)
         VALUES (?, ?, ?, '[]', '[]', 0, 0, 0, 0, '[]', 0)`,
      )
      .run(new Date(run.started).toISOString(), nowIso, run.origin).lastInsertRowid,
  );
  const counts: Counts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const notes: ImportNote[] = [];
  const linkedIn = yield* writeLinkedInConnections(db, data, runId, nowIso.slice(0, 10), counts, notes);
  writeXingContacts(db, data, runId, counts);
  writeBooks(db, data, counts);

  const invite = db.prepare(
    `INSERT OR IGNORE INTO invitation (network, contact_key, direction, sent_at, message) VALUES ('linkedin', ?, ?, ?, ?)`,
  );
  for (const inv of data.invitations) invite.run(inv.key, inv.direction, inv.sentAt, inv.message);

  const replaceMine = (fields: DetailField[], details: readonly OwnDetailInput[]): void => {
    db.prepare(`DELETE FROM my_detail WHERE field IN (${fields.map(() => '?').join(',')})`).run(...fields);
    const ins = db.prepare(
      `INSERT OR IGNORE INTO my_detail (field, value, source, label, is_primary, confirmed) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const flag = (b: boolean | null): number | null => (b === null ? null : Number(b));
    for (const d of details) ins.run(d.field, d.value, d.source, d.label, flag(d.primary), flag(d.confirmed));
  };
  if (data.emails) replaceMine(['privateEmail', 'businessEmail'], data.emails);
  if (data.phones) replaceMine(['mobile', 'phone'], data.phones);
  if (data.birthday) replaceMine(['birthday'], [data.birthday]);
  return { runId, counts, linkedIn, notes };
}

/** The interactions, the identity links and the run's record. */
function finishRun(db: DB, data: Collected, interactions: Interactions, written: Written, run: Run): ImportSummary {
  const { runId, counts } = written;
  // First, so that they are seen (and never cut off by the cap on the files' warnings).
  const warnings = [...written.notes, ...data.warnings];
  if (data.messages.length > 0) writeInteractions(db, interactions, written.linkedIn);
  relinkIdentities(db);
  const durationMs = Date.now() - run.started;
  db.prepare(
    `UPDATE import_run SET finished_at = ?, files_json = ?, ignored_json = ?, added = ?, updated = ?, unchanged = ?, removed = ?, warnings_json = ?, duration_ms = ? WHERE id = ?`,
  ).run(
    new Date().toISOString(),
    JSON.stringify(data.files),
    JSON.stringify(data.ignored),
    counts.added,
    counts.updated,
    counts.unchanged,
    counts.removed,
    JSON.stringify(warnings),
    durationMs,
    runId,
  );
  return { runId, files: data.files, ignored: data.ignored, ...counts, warnings, durationMs };
}

export function writeImport(db: DB, data: Collected, interactions: Interactions, run: Run): ImportSummary {
  return db.transaction((): ImportSummary => {
    const steps = writeRecords(db, data, run);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return finishRun(db, data, interactions, step.value, run);
  })();
}

/**
 * writeImport() while big message files are still being read in the background: what is ready is
 * written at once, in slices between which the reading goes on; the transaction stays open until
 * `rest` has the messages, and is rolled back if anything fails. `hold` learns when the
 * transaction ends: nothing else may use the connection until then.
 */
export async function writeImportWhileReading(
  db: DB,
  data: Collected,
  rest: () => Promise<Interactions>,
  run: Run,
  hold?: (during: Promise<unknown>) => void,
): Promise<ImportSummary> {
  db.exec('BEGIN IMMEDIATE');
  const during = (async (): Promise<ImportSummary> => {
    try {
      const steps = writeRecords(db, data, run);
      let step = steps.next();
      while (!step.done) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        step = steps.next();
      }
      const summary = finishRun(db, data, await rest(), step.value, run);
      db.exec('COMMIT');
      return summary;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  })();
  hold?.(during);
  return during;
}
