import type { AuditInput } from '../../shared/audit';
import { type DetailField, type MyDetail, type PersonExposure } from '../../shared/domain';
import { computeExposures } from '../../shared/exposure';
import { liveRevocations } from '../../shared/revocation-cover';
import { judgeFamiliarity } from '../../shared/familiarity';
import type { Policy } from '../../shared/policy';
import type { DB } from './db';
import { DECLARED_SOURCE } from './audit-service';
import { AppError } from './errors';
import { ownDetailValue } from './importers/validate';
import { mergeDeclaredDetails, type DeclaredDetail } from '../../shared/my-details';
import { getSharing, loadAuditInput, saveSharing } from './store';

/** Made when the people are first listed, not as the module loads (≈ 5 ms at every start and command). */
let collator: Intl.Collator | undefined;

/**
 * People with what each can see now; an exposure a live revocation will take away says so (it is
 * not gone until the platform shows it). Reads the audit's cached input, not the database.
 */
export function listPeople(
  input: AuditInput,
  policy: Policy,
  request: { query: string; network: 'linkedin' | 'xing' | null; offset: number; limit: number },
  now: Date,
): { total: number; rows: PersonExposure[] } {
  const words = request.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const byName = (collator ??= new Intl.Collator('de', { numeric: true }));
  const contacts = input.contacts
    .filter((c) => request.network === null || c.network === request.network)
    .filter((c) => {
      if (words.length === 0) return true;
      const text = `${c.name} ${c.company ?? ''} ${c.position ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => byName.compare(a.name, b.name));
  const page = contacts.slice(request.offset, request.offset + request.limit);
  const familiarity = judgeFamiliarity({ ...input, contacts: page }, policy, now);
  const cover = liveRevocations(input.revocations);
  const exposures = computeExposures(page, input.myDetails, input.sharing);
  return {
    total: contacts.length,
    rows: page.map((contact) => ({
      contact,
      familiarity: familiarity.get(contact.id)!,
      exposures: exposures
        .filter((e) => e.contactId === contact.id)
        .map(({ contactId, ...rest }) => ({ ...rest, revocation: cover.exposure({ contactId, ...rest }) })),
    })),
  };
}

/** The XING contacts among the given ids; anything else is refused with the reason. */
function xingContacts(db: DB, contactIds: readonly number[]): Array<{ id: number; contact_key: string; name: string }> {
  const rows = db
    .prepare<[], { id: number; contact_key: string; name: string; network: string }>(
      `SELECT id, contact_key, name, network FROM contact`,
    )
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return contactIds.map((id) => {
    const row = byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'error.notFound', { what: 'contact', id });
    if (row.network !== 'xing') {
      throw new AppError('UNSUPPORTED', 'error.linkedinPerPerson', { name: row.name });
    }
    return row;
  });
}

/** Excludes XING contacts from the categories (category model), or includes them again. */
export function setExclusions(db: DB, contactIds: readonly number[], excluded: boolean): number {
  const targets = xingContacts(db, contactIds);
  const sharing = getSharing(db);
  const current = new Set(sharing.xing.excluded);
  let changed = 0;
  for (const t of targets) {
    if (current.has(t.contact_key) === excluded) continue;
    if (excluded) current.add(t.contact_key);
    else current.delete(t.contact_key);
    changed++;
  }
  saveSharing(db, { ...sharing, xing: { ...sharing.xing, excluded: [...current] } });
  return changed;
}

/** Records or removes explicit XING grants of one detail for the given contacts. */
export function setGrants(
  db: DB,
  contactIds: readonly number[],
  field: DetailField,
  granted: boolean,
  now: Date,
): number {
  const targets = xingContacts(db, contactIds);
  const sharing = getSharing(db);
  const keys = new Set(targets.map((t) => t.contact_key));
  const had = new Set(
    sharing.xing.grants.filter((g) => g.field === field && g.contactKey !== null).map((g) => g.contactKey!),
  );
  const kept = sharing.xing.grants.filter(
    (g) => !(g.field === field && g.contactKey !== null && keys.has(g.contactKey)),
  );
  const today = now.toISOString().slice(0, 10);
  // A grant that already existed keeps its date; a new one starts today.
  const added = granted
    ? targets.map((t) => ({
        contactKey: t.contact_key,
        memberName: t.name,
        field,
        since: had.has(t.contact_key)
          ? (sharing.xing.grants.find((g) => g.field === field && g.contactKey === t.contact_key)?.since ?? today)
          : today,
      }))
    : [];
  saveSharing(db, { ...sharing, xing: { ...sharing.xing, grants: [...kept, ...added] } });
  return targets.filter((t) => had.has(t.contact_key) !== granted).length;
}

/**
 * The user's own details as they declare them — every value, with its label; a later export import
 * replaces the email and phone ones. Each must be what its field says (validate.ts): nothing is saved
 * when one is not. A value kept unchanged keeps what the import knew of it (shared/my-details.ts).
 */
export function setMyDetails(db: DB, details: readonly DeclaredDetail[]): MyDetail[] {
  const valid = details.map((d) => {
    const value = ownDetailValue(d.field, d.value);
    if (value === null)
      throw new AppError('BAD_REQUEST', 'error.badDetail', { field: d.field, value: d.value.trim().slice(0, 80) });
    return { ...d, value };
  });
  const merged = mergeDeclaredDetails(loadAuditInput(db).myDetails, valid, DECLARED_SOURCE);
  db.transaction(() => {
    db.prepare(`DELETE FROM my_detail`).run();
    const insert = db.prepare(
      `INSERT OR IGNORE INTO my_detail (field, value, source, label, is_primary, confirmed) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const flag = (b: boolean | undefined): number | null => (b === undefined ? null : Number(b));
    for (const d of merged) insert.run(d.field, d.value, d.source, d.label ?? null, flag(d.primary), flag(d.confirmed));
  })();
  return [...loadAuditInput(db).myDetails];
}
