/** Identity links: which contacts and address-book entries are the same person, recomputed from all records. */
import { linkIdentities, type IdentityRecord } from '../../../shared/identity';
import type { DB } from '../db';

type WithDetails<T> = T & { emails: string[]; phones: string[] };

/** Puts each detail row's value into the emails or phones of its record. */
function addDetails<T extends { id: number }>(
  rows: Array<{ id: number; kind: string; value: string }>,
  into: Map<number, WithDetails<T>>,
): void {
  for (const r of rows) into.get(r.id)?.[r.kind === 'email' ? 'emails' : 'phones'].push(r.value);
}

/** The current (not removed) contacts, with their emails and phones. */
function contactRecords(db: DB): Map<number, WithDetails<IdentityRecord>> {
  const contacts = new Map<number, WithDetails<IdentityRecord>>();
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
  addDetails(
    db
      .prepare<[], { id: number; kind: string; value: string }>(
        `SELECT contact_id AS id, kind, value FROM contact_detail`,
      )
      .all(),
    contacts,
  );
  return contacts;
}

/** Every address-book entry, with its emails and phones. */
function entryRecords(db: DB): Map<number, WithDetails<IdentityRecord>> {
  const entries = new Map<number, WithDetails<IdentityRecord>>();
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
  addDetails(
    db
      .prepare<[], { id: number; kind: string; value: string }>(
        `SELECT entry_id AS id, kind, value FROM address_detail`,
      )
      .all(),
    entries,
  );
  return entries;
}

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
  const contacts = contactRecords(db);
  const entries = entryRecords(db);
  const links = linkIdentities([...contacts.values()], [...entries.values()]);
  db.prepare(`DELETE FROM identity_link`).run();
  const insert = db.prepare(
    `INSERT INTO identity_link (contact_id, entry_id, other_contact_id, method, confidence, evidence) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const l of links)
    insert.run(l.contactId, l.entryId, l.otherContactId, l.method, l.confidence, JSON.stringify(l.evidence));
  return links.length;
}
