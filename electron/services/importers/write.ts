/**
 * Writes one import run: everything in one transaction, so a failure anywhere leaves the database
 * exactly as it was. Counts what was added, updated, left unchanged and removed.
 */
import type { ImportNote, ImportSummary } from '../../../shared/contract';
import type { DetailField } from '../../../shared/domain';
import type { DB } from '../db';
import { dateFromKey } from './dates';
import type { Collected } from './gather';
import { relinkIdentities } from './identity-links';
import type { Interactions } from './interactions';
import type { NormalisedPhone } from './normalise';
import { writeBooks } from './write-books';
import { writeLinkedInConnections, writeXingContacts, type LinkedInRow } from './write-contacts';
import type { Counts } from './write-details';

export { relinkIdentities } from './identity-links';
export { MASS_REMOVAL } from './write-contacts';

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
