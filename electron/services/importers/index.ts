import type { ImportProgress, ImportSummary, ImportedFile } from '../../../shared/contract';
import type { MyDetail } from '../../../shared/domain';
import type { DB } from '../db';
import { AppError, ImportError } from '../errors';
import { readCsv } from './csv';
import {
  LinkedInSink,
  ME,
  PAIR_BASE,
  nameKey,
  UnrecognisedFile,
  type FileResult,
  type PairStats,
  type ParsedAddressEntry,
  type ParsedConnection,
  type ParsedInvitation,
} from './linkedin';
import type { SourceFile } from './source';

export interface ImportOptions {
  origin: 'file' | 'demo';
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  now?: Date;
}

const MAX_WARNINGS = 1000;

interface Collected {
  files: ImportedFile[];
  ignored: string[];
  warnings: string[];
  connections: Map<string, ParsedConnection> | null;
  messages: Array<Extract<FileResult, { kind: 'linkedin-messages' }>>;
  invitations: ParsedInvitation[];
  emails: MyDetail[] | null;
  phones: MyDetail[] | null;
  addressBook: ParsedAddressEntry[];
}

async function collect(files: readonly SourceFile[], options: ImportOptions): Promise<Collected> {
  const out: Collected = {
    files: [],
    ignored: [],
    warnings: [],
    connections: null,
    messages: [],
    invitations: [],
    emails: null,
    phones: null,
    addressBook: [],
  };
  const bytesTotal = files.reduce((n, f) => n + f.size, 0);
  let bytesBefore = 0;
  let rows = 0;
  for (const file of files) {
    if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', 'import cancelled');
    if (!file.explicit && !/\.csv$/i.test(file.name)) {
      out.ignored.push(file.display);
      bytesBefore += file.size;
      continue;
    }
    let sink: LinkedInSink;
    try {
      ({ sink } = await readCsv(file, () => new LinkedInSink(file.display), {
        signal: options.signal,
        onBytes: (bytes) =>
          options.onProgress?.({ file: file.display, bytesDone: bytesBefore + bytes, bytesTotal, rows }),
      }));
    } catch (error) {
      if (!(error instanceof UnrecognisedFile)) throw error;
      if (file.explicit) {
        throw new ImportError(file.display, 'not a file ShareAudit can read (no known LinkedIn export header found)');
      }
      out.ignored.push(file.display);
      bytesBefore += file.size;
      continue;
    }
    bytesBefore += file.size;
    const result = sink.result;
    if (result === null) {
      if (file.explicit) {
        throw new ImportError(
          file.display,
          sink.seen === 0 ? 'empty file' : 'not a file ShareAudit can read (no known LinkedIn export header found)',
        );
      }
      out.ignored.push(file.display);
      continue;
    }
    rows += result.rows;
    out.files.push({ name: file.display, kind: result.kind, rows: result.rows });
    for (const w of sink.warnings) if (out.warnings.length < MAX_WARNINGS) out.warnings.push(w);
    switch (result.kind) {
      case 'linkedin-connections':
        out.connections ??= new Map();
        for (const c of result.connections) out.connections.set(c.key, c);
        break;
      case 'linkedin-messages':
        out.messages.push(result);
        break;
      case 'linkedin-invitations':
        out.invitations.push(...result.invitations);
        break;
      case 'linkedin-emails':
        out.emails = [...(out.emails ?? []), ...result.details];
        break;
      case 'linkedin-phones':
        out.phones = [...(out.phones ?? []), ...result.details];
        break;
      case 'linkedin-contacts':
        out.addressBook.push(...result.entries);
        break;
      case 'linkedin-profile':
        break;
    }
    options.onProgress?.({ file: file.display, bytesDone: bytesBefore, bytesTotal, rows });
  }
  if (out.files.length === 0) {
    throw new ImportError(files.map((f) => f.display).join(', ') || 'import', 'no LinkedIn export files found');
  }
  return out;
}

interface InteractionStats {
  sent: number;
  received: number;
  first: string | null;
  last: string | null;
}

/** Turns "who wrote to whom" pairs into per-person counts relative to the user. */
function interactionsByParticipant(messages: Collected['messages']): Map<string, InteractionStats> {
  const stats = new Map<string, InteractionStats>();
  for (const file of messages) {
    let me = file.participants.indexOf(ME);
    if (!file.legacy) {
      // The user is in every conversation of their own export: the most frequent participant.
      let best = 0;
      file.appearances.forEach((n, id) => {
        if (n > best) [me, best] = [id, n];
      });
    }
    const add = (other: number, field: 'sent' | 'received', pair: PairStats): void => {
      const key = file.participants[other]!;
      const s = stats.get(key) ?? { sent: 0, received: 0, first: null, last: null };
      s[field] += pair.count;
      s.first = s.first === null || (pair.first !== null && pair.first < s.first) ? pair.first : s.first;
      s.last = s.last === null || (pair.last !== null && pair.last > s.last) ? pair.last : s.last;
      stats.set(key, s);
    };
    for (const [pairKey, pair] of file.pairs) {
      const from = Math.floor(pairKey / PAIR_BASE);
      const to = pairKey % PAIR_BASE;
      if (from === me && to !== me) add(to, 'sent', pair);
      else if (to === me && from !== me) add(from, 'received', pair);
    }
    // Messages may carry URLs of another form than Connections.csv: also index by name.
    for (const [key, name] of file.names) {
      const s = stats.get(key);
      const byName = nameKey(name);
      if (s && !stats.has(byName)) stats.set(byName, s);
    }
  }
  return stats;
}

/** Reads every file, then writes everything in one transaction: all or nothing. */
export async function runImport(db: DB, files: readonly SourceFile[], options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const data = await collect(files, options);
  if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', 'import cancelled');
  const interactions = interactionsByParticipant(data.messages);
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);

  const write = db.transaction((): ImportSummary => {
    const run = db
      .prepare(
        `INSERT INTO import_run (started_at, finished_at, origin, files_json, ignored_json, added, updated, unchanged, removed, warnings_json, duration_ms)
         VALUES (?, ?, ?, '[]', '[]', 0, 0, 0, 0, '[]', 0)`,
      )
      .run(new Date(started).toISOString(), nowIso, options.origin);
    const runId = Number(run.lastInsertRowid);
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    let removed = 0;

    if (data.connections) {
      const find = db.prepare<
        [string],
        {
          id: number;
          name: string;
          profile_url: string | null;
          company: string | null;
          position: string | null;
          connected_on: string | null;
          removed_on: string | null;
        }
      >(
        `SELECT id, name, profile_url, company, position, connected_on, removed_on FROM contact WHERE network = 'linkedin' AND contact_key = ?`,
      );
      const insert = db.prepare(
        `INSERT INTO contact (network, contact_key, name, profile_url, company, position, connected_on, first_seen_run)
         VALUES ('linkedin', ?, ?, ?, ?, ?, ?, ?)`,
      );
      const update = db.prepare(
        `UPDATE contact SET name = ?, profile_url = ?, company = ?, position = ?, connected_on = ?, removed_on = NULL WHERE id = ?`,
      );
      for (const c of data.connections.values()) {
        const old = find.get(c.key);
        if (!old) {
          insert.run(c.key, c.name, c.profileUrl, c.company, c.position, c.connectedOn, runId);
          added++;
        } else if (
          old.name !== c.name ||
          old.profile_url !== c.profileUrl ||
          old.company !== c.company ||
          old.position !== c.position ||
          old.connected_on !== c.connectedOn ||
          old.removed_on !== null
        ) {
          update.run(c.name, c.profileUrl, c.company, c.position, c.connectedOn, old.id);
          updated++;
        } else {
          unchanged++;
        }
      }
      // A connection missing from a full Connections.csv is marked removed, never deleted.
      const active = db.prepare<[], { id: number; contact_key: string }>(
        `SELECT id, contact_key FROM contact WHERE network = 'linkedin' AND removed_on IS NULL`,
      );
      const markRemoved = db.prepare(`UPDATE contact SET removed_on = ? WHERE id = ?`);
      for (const row of active.all()) {
        if (!data.connections.has(row.contact_key)) {
          markRemoved.run(today, row.id);
          removed++;
        }
      }
    }

    if (data.messages.length > 0) {
      const contacts = db
        .prepare<[], { id: number; contact_key: string; name: string; company: string | null }>(
          `SELECT id, contact_key, name, company FROM contact WHERE network = 'linkedin'`,
        )
        .all();
      db.prepare(
        `DELETE FROM interaction WHERE contact_id IN (SELECT id FROM contact WHERE network = 'linkedin')`,
      ).run();
      const upsert = db.prepare(
        `INSERT INTO interaction (contact_id, sent, received, first_at, last_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (contact_id) DO UPDATE SET sent = excluded.sent, received = excluded.received, first_at = excluded.first_at, last_at = excluded.last_at`,
      );
      for (const contact of contacts) {
        const s = interactions.get(contact.contact_key) ?? interactions.get(nameKey(contact.name));
        if (s) upsert.run(contact.id, s.sent, s.received, s.first, s.last);
      }
    }

    const invite = db.prepare(
      `INSERT OR IGNORE INTO invitation (network, contact_key, direction, sent_at, message) VALUES ('linkedin', ?, ?, ?, ?)`,
    );
    for (const inv of data.invitations) invite.run(inv.key, inv.direction, inv.sentAt, inv.message);

    const entry = db.prepare(`INSERT OR IGNORE INTO address_entry (source, name, email, phone) VALUES (?, ?, ?, ?)`);
    for (const e of data.addressBook) entry.run('LinkedIn Contacts.csv', e.name, e.email, e.phone);

    const replaceDetails = (fields: string[], details: MyDetail[]): void => {
      db.prepare(`DELETE FROM my_detail WHERE field IN (${fields.map(() => '?').join(',')})`).run(...fields);
      const ins = db.prepare(`INSERT OR IGNORE INTO my_detail (field, value, source) VALUES (?, ?, ?)`);
      for (const d of details) ins.run(d.field, d.value, d.source);
    };
    if (data.emails) replaceDetails(['privateEmail', 'businessEmail'], data.emails);
    if (data.phones) replaceDetails(['mobile', 'phone'], data.phones);

    const durationMs = Date.now() - started;
    db.prepare(
      `UPDATE import_run SET finished_at = ?, files_json = ?, ignored_json = ?, added = ?, updated = ?, unchanged = ?, removed = ?, warnings_json = ?, duration_ms = ? WHERE id = ?`,
    ).run(
      new Date().toISOString(),
      JSON.stringify(data.files),
      JSON.stringify(data.ignored),
      added,
      updated,
      unchanged,
      removed,
      JSON.stringify(data.warnings),
      durationMs,
      runId,
    );
    return {
      runId,
      files: data.files,
      ignored: data.ignored,
      added,
      updated,
      unchanged,
      removed,
      warnings: data.warnings,
      durationMs,
    };
  });
  return write();
}
