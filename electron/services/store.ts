import { normaliseName, type AuditInput } from '../../shared/audit';
import type { Settings } from '../../shared/contract';
import { DEFAULT_POLICY, policyOrDefault, type Policy } from '../../shared/policy';
import { PLATFORM_DEFAULTS, type SharingSettings } from '../../shared/sharing';
import { withDefaults } from '../../shared/sharing-schema';
import type { LinkEvidence, LinkMethod } from '../../shared/identity';
import type { Contact, DetailField, Interaction, MyDetail } from '../../shared/domain';
import type { DB } from './db';
import { listRevocations } from './revocation-store';
import { runAtOnce } from '../../shared/slices';

/** Rows per query when the audit's biggest tables are read at start. */
const READ_PAGE = 6000;

/** Everything the pure audit needs, read in one go. */
export function loadAuditInput(db: DB): AuditInput {
  return db.transaction(() => runAtOnce(loadAuditInputSteps(db)))();
}

/**
 * loadAuditInput one query at a time, pausing after each: main reads its audit at start this way,
 * the event loop free between the queries (audit-cache.ts), and outside a transaction — it checks
 * that nothing was written meanwhile (SQLite's counters) before it uses what it read.
 */
export function* loadAuditInputSteps(db: DB): Generator<void, AuditInput> {
  const contacts = yield* readContacts(db);
  yield;
  const interactions = yield* readInteractions(db);
  yield;
  const addressBookLinks = readAddressBookLinks(db);
  yield;
  const tags = readTags(db);
  yield;
  const invitations = readInvitations(db, contacts);
  yield;
  const lastImport = db
    .prepare<[], { finished_at: string }>(`SELECT finished_at FROM import_run ORDER BY id DESC LIMIT 1`)
    .get();
  return {
    contacts,
    interactions,
    addressBookLinks,
    tags,
    invitations,
    myDetails: readMyDetails(db),
    sharing: getSharing(db),
    mutes: loadMutes(db),
    uploadedBooks: readUploadedBooks(db),
    revocations: listRevocations(db),
    lastImportAt: lastImport?.finished_at ?? null,
  };
}

/**
 * A heavy user's 30,000 contacts, read a page at a time (each ≈ 20 ms), as rows of values rather than
 * objects keyed by column: at start the page's own files are served between them.
 */
function* readContacts(db: DB): Generator<void, Contact[]> {
  const contacts: Contact[] = [];
  const contactPage = db
    .prepare<
      [number, number],
      [number, string, Contact['network'], string, string | null, string | null, string | null, string | null]
    >(
      `SELECT id, contact_key, network, name, profile_url, company, position, connected_on FROM contact
         WHERE removed_on IS NULL AND id > ? ORDER BY id LIMIT ?`,
    )
    .raw();
  for (let after = 0; ;) {
    const rows = contactPage.all(after, READ_PAGE);
    for (const [id, key, network, name, profileUrl, company, position, connectedOn] of rows)
      contacts.push({ id, key, network, name, profileUrl, company, position, connectedOn });
    if (rows.length < READ_PAGE) return contacts;
    after = rows.at(-1)![0];
    yield;
  }
}

/** The message counts per person, a page at a time like the contacts. */
function* readInteractions(db: DB): Generator<void, Interaction[]> {
  const interactions: Interaction[] = [];
  const interactionPage = db
    .prepare<[number, number], [number, number, number, number, string | null, string | null]>(
      `SELECT rowid, contact_id, sent, received, first_at, last_at FROM interaction WHERE rowid > ? ORDER BY rowid LIMIT ?`,
    )
    .raw();
  for (let after = 0; ;) {
    const rows = interactionPage.all(after, READ_PAGE);
    for (const [, contactId, sent, received, firstAt, lastAt] of rows)
      interactions.push({ contactId, sent, received, firstAt, lastAt });
    if (rows.length < READ_PAGE) return interactions;
    after = rows.at(-1)![0];
    yield;
  }
}

/** Which address-book entries are which contacts, best link first, with the evidence of each. */
function readAddressBookLinks(db: DB): AuditInput['addressBookLinks'] {
  return db
    .prepare<[], { contact_id: number; source: string; method: LinkMethod; confidence: number; evidence: string }>(
      `SELECT l.contact_id, b.source, l.method, l.confidence, l.evidence
         FROM identity_link l JOIN address_entry e ON e.id = l.entry_id JOIN address_book b ON b.id = e.book_id
         ORDER BY l.contact_id, l.confidence DESC`,
    )
    .all()
    .map((r) => ({
      contactId: r.contact_id,
      source: r.source,
      method: r.method,
      confidence: r.confidence,
      // Stored as JSON by relinkIdentities() (older sentences were converted by migration 0005).
      evidence: JSON.parse(r.evidence) as LinkEvidence,
    }));
}

/** Tags: the contact's own (XING categories) and those of address-book entries linked to it. */
function readTags(db: DB): AuditInput['tags'] {
  return db
    .prepare<[], { contact_id: number; tag: string; source: string }>(
      `SELECT contact_id, tag, 'XING' AS source FROM contact_tag
         UNION
         SELECT l.contact_id, t.tag, b.source FROM identity_link l
           JOIN address_tag t ON t.entry_id = l.entry_id
           JOIN address_entry e ON e.id = l.entry_id JOIN address_book b ON b.id = e.book_id`,
    )
    .all()
    .map((r) => ({ contactId: r.contact_id, tag: r.tag, source: r.source }));
}

/**
 * Invitations name their person by key, or by name (`name:<normalised>|`): the contacts read before say
 * whom — LinkedIn's before XING's, each by id, so a name both networks know goes to the LinkedIn contact.
 */
function readInvitations(db: DB, contacts: readonly Contact[]): AuditInput['invitations'] {
  const invitationRows = db
    .prepare<
      [],
      { contact_key: string; direction: 'incoming' | 'outgoing'; sent_at: string | null; message: string | null }
    >(`SELECT contact_key, direction, sent_at, message FROM invitation`)
    .all();
  const keys = new Map<string, number>();
  if (invitationRows.length > 0)
    for (const network of ['linkedin', 'xing'] as const)
      for (const c of contacts) {
        if (c.network !== network) continue;
        keys.set(c.key, c.id);
        const byName = `name:${normaliseName(c.name)}|`;
        if (!keys.has(byName)) keys.set(byName, c.id);
      }
  return invitationRows.flatMap((r) => {
    const contactId = keys.get(r.contact_key);
    return contactId === undefined
      ? []
      : [{ contactId, direction: r.direction, sentAt: r.sent_at, message: r.message }];
  });
}

/** The user's own details as ShareAudit knows them (imported or declared). */
function readMyDetails(db: DB): MyDetail[] {
  return db
    .prepare<
      [],
      {
        field: string;
        value: string;
        source: string;
        label: string | null;
        is_primary: number | null;
        confirmed: number | null;
      }
    >(`SELECT field, value, source, label, is_primary, confirmed FROM my_detail ORDER BY field, value`)
    .all()
    .map((r): MyDetail => {
      const detail: MyDetail = { field: r.field as DetailField, value: r.value, source: r.source };
      if (r.label !== null) detail.label = r.label;
      if (r.is_primary !== null) detail.primary = r.is_primary === 1;
      if (r.confirmed !== null) detail.confirmed = r.confirmed === 1;
      return detail;
    });
}

/** Address books the user uploaded to a network (the network then knows every entry). */
function readUploadedBooks(db: DB): AuditInput['uploadedBooks'] {
  return db
    .prepare<[], { source: string; uploaded_to: 'linkedin' | 'xing'; entries: number }>(
      `SELECT b.source, b.uploaded_to, COUNT(e.id) AS entries FROM address_book b LEFT JOIN address_entry e ON e.book_id = b.id
         WHERE b.uploaded_to IS NOT NULL GROUP BY b.id ORDER BY b.id`,
    )
    .all()
    .map((r) => ({ source: r.source, network: r.uploaded_to, entries: r.entries }));
}

/** The findings the user muted, with why and until when. */
export function loadMutes(db: DB): AuditInput['mutes'] {
  return db
    .prepare<[], { finding_id: string; reason: string; until: string | null }>(
      `SELECT finding_id, reason, until FROM finding_mute`,
    )
    .all()
    .map((r) => ({ findingId: r.finding_id, reason: r.reason, until: r.until }));
}

const DEFAULT_SETTINGS: Settings = { phoneRegion: 'DE' };

export function getSettings(db: DB): Settings {
  const rows = db.prepare<[], { key: string; value: string }>(`SELECT key, value FROM setting`).all();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return { phoneRegion: stored.phoneRegion ?? DEFAULT_SETTINGS.phoneRegion };
}

export function saveSettings(db: DB, settings: Settings): Settings {
  const upsert = db.prepare(
    `INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(settings)) upsert.run(key, value);
  })();
  return getSettings(db);
}

/** A JSON document kept in the setting table, read through its validator. */
function readJsonSetting<T>(db: DB, key: string, read: (stored: unknown) => T, fallback: T): T {
  const row = db.prepare<[string], { value: string }>(`SELECT value FROM setting WHERE key = ?`).get(key);
  return row ? read(JSON.parse(row.value)) : fallback;
}

function writeJsonSetting(db: DB, key: string, value: unknown): void {
  db.prepare(
    `INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(key, JSON.stringify(value));
}

/** Declared sharing settings; everything not declared is the platform default. */
export function getSharing(db: DB): SharingSettings {
  // A copy: whoever changes the answer must not change the platform defaults for everyone after.
  return structuredClone(readJsonSetting(db, 'sharing', withDefaults, PLATFORM_DEFAULTS));
}

export function saveSharing(db: DB, sharing: SharingSettings): SharingSettings {
  writeJsonSetting(db, 'sharing', sharing);
  return getSharing(db);
}

export function muteFinding(db: DB, findingId: string, reason: string, until: string | null, now: Date): void {
  db.prepare(
    `INSERT INTO finding_mute (finding_id, reason, until, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (finding_id) DO UPDATE SET reason = excluded.reason, until = excluded.until`,
  ).run(findingId, reason, until, now.toISOString());
}

export function unmuteFinding(db: DB, findingId: string): boolean {
  return db.prepare(`DELETE FROM finding_mute WHERE finding_id = ?`).run(findingId).changes > 0;
}

export function getPolicy(db: DB): Policy {
  return readJsonSetting(db, 'policy', policyOrDefault, DEFAULT_POLICY);
}

export function savePolicy(db: DB, policy: Policy): Policy {
  writeJsonSetting(db, 'policy', policy);
  return getPolicy(db);
}
