/** Address books: a newer copy of a book replaces the older one, entry by entry. */
import type { DB } from '../db';
import type { Collected } from './gather';
import type { BookInput } from './write';
import { replaceDetails, type Counts } from './write-details';

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

export function writeBooks(db: DB, data: Collected, counts: Counts): void {
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
