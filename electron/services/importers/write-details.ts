/**
 * What every written record shares: the counts of an import's writes, and a record's emails, phones and
 * tags replaced (a network contact's and an address-book entry's alike).
 */
import type { DB } from '../db';
import type { NormalisedPhone } from './normalise';

export interface Counts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

const phoneValue = (p: NormalisedPhone): string => p.e164 ?? p.raw.replace(/[^\d+]/g, '');

/** Replaces the emails, phones and tags of one record; returns whether anything changed. */
export function replaceDetails(
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
