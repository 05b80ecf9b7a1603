/**
 * No path of the user's disk is kept beyond a file's name; identity-link evidence becomes data
 * instead of an English sentence; the user's own details keep what the export says of them.
 *
 * - my_detail gains `label` (a phone's type as the file states it: "Mobile", "Work", "WhatsApp"…),
 *   `is_primary` and `confirmed` (from Email Addresses.csv). Rows written before stay NULL: unknown.
 * - Every stored file reference becomes the file's name: address_book.source, my_detail.source,
 *   the files, ignored files and warnings of past import runs, and the mutes of "address book
 *   uploaded" findings (their id names the book). A ZIP entry stays "export.zip › entry": the
 *   entry's folders are the archive's, not the user's disk.
 * - Two address books whose paths end in the same name would collide on address_book.source
 *   (UNIQUE). Imports from now on know a book by its name and kind (write.ts), so books of the same
 *   name and kind are merged into the oldest (an entry both hold once is kept once, its identity
 *   links moved over); a book of another kind keeps its own row as "name (2)", "name (3)"….
 * - identity_link.evidence (still TEXT) holds JSON: { method, value?, name?, company? }. The
 *   sentences written before are converted: the email or phone is read back from the sentence, the
 *   name (and company) from the linked contact, exactly the values relinkIdentities() uses.
 *
 * A function rather than SQL: SQLite has no way to take the last part of a path. It must not change
 * once released: it uses nothing but the schema as it is at version 4.
 */
import type { DB } from '../db';

/** The file's name in a stored reference: "/home/me/export.zip › dir/Contacts.csv" → "export.zip › dir/Contacts.csv". */
export function withoutFolders(stored: string): string {
  const [head = '', ...entry] = stored.split(' › ');
  const name =
    head
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() || head;
  return [name, ...entry].join(' › ');
}

function addDetailColumns(db: DB): void {
  db.exec(`
    ALTER TABLE my_detail ADD COLUMN label TEXT;
    ALTER TABLE my_detail ADD COLUMN is_primary INTEGER CHECK (is_primary IN (0, 1));
    ALTER TABLE my_detail ADD COLUMN confirmed INTEGER CHECK (confirmed IN (0, 1));
  `);
  const rename = db.prepare(`UPDATE my_detail SET source = ? WHERE source = ?`);
  for (const { source } of db.prepare<[], { source: string }>(`SELECT DISTINCT source FROM my_detail`).all()) {
    const name = withoutFolders(source);
    if (name !== source) rename.run(name, source);
  }
}

interface Book {
  id: number;
  source: string;
  kind: string;
  uploaded_to: string | null;
}

/** Moves the entries of `from` into `into` (an entry both hold stays once, in `into`), then drops `from`. */
function mergeBook(db: DB, from: number, into: number): void {
  const duplicates = db
    .prepare<[number, number], { dropped: number; kept: number }>(
      `SELECT f.id AS dropped, i.id AS kept FROM address_entry f JOIN address_entry i ON i.entry_key = f.entry_key
       WHERE f.book_id = ? AND i.book_id = ?`,
    )
    .all(from, into);
  const moveLinks = db.prepare(`UPDATE identity_link SET entry_id = ? WHERE entry_id = ?`);
  const dropEntry = db.prepare(`DELETE FROM address_entry WHERE id = ?`);
  for (const { dropped, kept } of duplicates) {
    moveLinks.run(kept, dropped);
    dropEntry.run(dropped);
  }
  // A contact linked to both copies now has the same link twice: one is enough.
  db.prepare(
    `DELETE FROM identity_link WHERE entry_id IN (SELECT id FROM address_entry WHERE book_id = ?)
       AND id NOT IN (SELECT MIN(id) FROM identity_link WHERE entry_id IS NOT NULL GROUP BY contact_id, entry_id)`,
  ).run(into);
  db.prepare(`UPDATE address_entry SET book_id = ? WHERE book_id = ?`).run(into, from);
  db.prepare(`DELETE FROM address_book WHERE id = ?`).run(from);
}

/** address_book.source to file names; returns each old source's new one (for the mutes). */
function renameBooks(db: DB): Map<string, string> {
  const renamed = new Map<string, string>();
  const books = db
    .prepare<[], Book>(`SELECT id, source, kind, uploaded_to FROM address_book ORDER BY id`)
    .all()
    .filter((b) => withoutFolders(b.source) !== b.source);
  if (books.length === 0) return renamed;
  // Out of the way first: a new name may be an old one of another row.
  const park = db.prepare(`UPDATE address_book SET source = ? WHERE id = ?`);
  for (const b of books) park.run(`\u0000${b.id}`, b.id);
  const taken = new Set(
    db
      .prepare<[], { source: string }>(`SELECT source FROM address_book`)
      .all()
      .map((r) => r.source),
  );
  /** The row each name + kind went to. */
  const kept = new Map<string, Book>();
  for (const b of books) {
    const name = withoutFolders(b.source);
    const same = `${b.kind}|${b.uploaded_to ?? ''}|${name}`;
    const into = kept.get(same);
    if (into) {
      mergeBook(db, b.id, into.id);
      renamed.set(b.source, into.source);
      continue;
    }
    // Already there under that name and kind (a book whose name was all that was stored): merged into it.
    const existing = db
      .prepare<[string, string, string | null], Book>(
        `SELECT id, source, kind, uploaded_to FROM address_book WHERE source = ? AND kind = ? AND uploaded_to IS ?`,
      )
      .get(name, b.kind, b.uploaded_to);
    if (existing) {
      mergeBook(db, b.id, existing.id);
      kept.set(same, existing);
      renamed.set(b.source, existing.source);
      continue;
    }
    let source = name;
    for (let n = 2; taken.has(source); n++) source = `${name} (${n})`;
    taken.add(source);
    park.run(source, b.id);
    kept.set(same, { ...b, source });
    renamed.set(b.source, source);
  }
  return renamed;
}

/** The mute of an "address book uploaded" finding names its book: it follows the book's new name. */
function renameMutes(db: DB, renamed: ReadonlyMap<string, string>): void {
  const PREFIX = 'address-book-uploaded:book-';
  const SUFFIX = ':all';
  const rows = db
    .prepare<[], { finding_id: string }>(
      `SELECT finding_id FROM finding_mute WHERE finding_id LIKE 'address-book-uploaded:book-%'`,
    )
    .all();
  const exists = db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM finding_mute WHERE finding_id = ?`);
  for (const { finding_id } of rows) {
    if (!finding_id.endsWith(SUFFIX)) continue;
    const source = finding_id.slice(PREFIX.length, -SUFFIX.length);
    const name = renamed.get(source);
    if (name === undefined) continue;
    const id = `${PREFIX}${name}${SUFFIX}`;
    if (exists.get(id)!.n > 0) db.prepare(`DELETE FROM finding_mute WHERE finding_id = ?`).run(finding_id);
    else db.prepare(`UPDATE finding_mute SET finding_id = ? WHERE finding_id = ?`).run(id, finding_id);
  }
}

/** Files, ignored files and warnings of past runs name their files by name. */
function renameRunFiles(db: DB): void {
  const update = db.prepare(`UPDATE import_run SET files_json = ?, ignored_json = ?, warnings_json = ? WHERE id = ?`);
  for (const run of db
    .prepare<[], { id: number; files_json: string; ignored_json: string; warnings_json: string }>(
      `SELECT id, files_json, ignored_json, warnings_json FROM import_run`,
    )
    .all()) {
    const files = JSON.parse(run.files_json) as Array<{ name: string }>;
    const ignored = JSON.parse(run.ignored_json) as string[];
    const warnings = JSON.parse(run.warnings_json) as string[];
    // Warnings start with the file's reference as it was shown: "<file>, line 3: …" or "<file>: …".
    const references = [...new Set([...files.map((f) => f.name), ...ignored])]
      .filter((r) => withoutFolders(r) !== r)
      .sort((a, b) => b.length - a.length);
    if (references.length === 0) continue;
    const rename = (text: string): string => {
      const reference = references.find((r) => text.startsWith(r));
      return reference === undefined ? text : withoutFolders(reference) + text.slice(reference.length);
    };
    update.run(
      JSON.stringify(files.map((f) => ({ ...f, name: withoutFolders(f.name) }))),
      JSON.stringify(ignored.map(withoutFolders)),
      JSON.stringify(warnings.map(rename)),
      run.id,
    );
  }
}

/** The sentences relinkIdentities() wrote, as the data it writes now. */
function evidenceAsData(db: DB): void {
  const update = db.prepare(`UPDATE identity_link SET evidence = ? WHERE id = ?`);
  for (const link of db
    .prepare<[], { id: number; method: string; evidence: string; name: string; company: string | null }>(
      `SELECT l.id, l.method, l.evidence, c.name, c.company FROM identity_link l JOIN contact c ON c.id = l.contact_id`,
    )
    .all()) {
    if (link.evidence.startsWith('{')) continue;
    const shared = link.evidence.match(/^same (?:email|phone) (.+)$/)?.[1];
    const data =
      link.method === 'email' || link.method === 'phone'
        ? { method: link.method, ...(shared !== undefined ? { value: shared } : {}) }
        : link.method === 'name-company'
          ? { method: link.method, name: link.name, ...(link.company ? { company: link.company } : {}) }
          : link.method === 'name'
            ? { method: link.method, name: link.name }
            : { method: link.method };
    update.run(JSON.stringify(data), link.id);
  }
}

export function up(db: DB): void {
  addDetailColumns(db);
  renameMutes(db, renameBooks(db));
  renameRunFiles(db);
  evidenceAsData(db);
}
