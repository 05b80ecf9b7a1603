/**
 * Revocations in the database, and every change of their state with its date (revocation_event).
 * The only place that writes those tables.
 */
import type {
  DetailField,
  PlatformActionId,
  Revocation,
  RevocationEvent,
  RevocationStatus,
  RevocationView,
} from '../../shared/domain';
import type { DB } from './db';

interface RevocationRow {
  id: number;
  finding_id: string;
  contact_id: number | null;
  field: string | null;
  rule: string;
  action: string;
  target: string;
  status: string;
  created_at: string;
  applied_on: string | null;
  resolved_at: string | null;
  contact_name: string | null;
  contact_profile_url: string | null;
}

function toRevocation(r: RevocationRow): RevocationView {
  return {
    id: r.id,
    findingId: r.finding_id,
    contactId: r.contact_id,
    field: r.field as DetailField | null,
    rule: r.rule,
    action: r.action as PlatformActionId,
    target: r.target,
    status: r.status as RevocationStatus,
    createdAt: r.created_at,
    appliedOn: r.applied_on,
    resolvedAt: r.resolved_at,
    contactName: r.contact_name,
    contactProfileUrl: r.contact_profile_url,
  };
}

const SELECT = `SELECT r.id, r.finding_id, r.contact_id, r.field, r.rule, r.action, r.target, r.status, r.created_at,
  r.applied_on, r.resolved_at, c.name AS contact_name, c.profile_url AS contact_profile_url
  FROM revocation r LEFT JOIN contact c ON c.id = r.contact_id`;

/** Every revocation that was not undone, newest first. */
export function listRevocations(db: DB): RevocationView[] {
  return db
    .prepare<[], RevocationRow>(`${SELECT} WHERE r.status <> 'undone' ORDER BY r.id DESC`)
    .all()
    .map(toRevocation);
}

export function revocationHistory(db: DB, id: number): RevocationEvent[] {
  return db
    .prepare<[number], { status: string; at: string; note: string | null }>(
      `SELECT status, at, note FROM revocation_event WHERE revocation_id = ? ORDER BY rowid`,
    )
    .all(id)
    .map((e) => ({ status: e.status as RevocationStatus, at: e.at, note: e.note }));
}

/** The key of the action a revocation stands for: one live revocation per key (a unique index). */
export function revocationTarget(item: { contactId: number; field: DetailField; action: PlatformActionId }): string {
  return item.action === 'remove-connection' ? `${item.contactId}:*` : `${item.contactId}:${item.field}:${item.action}`;
}

export interface RevocationItem {
  findingId: string;
  contactId: number;
  field: DetailField;
  rule: string;
  action: PlatformActionId;
}

/** Plans revocations; an action that already has a live revocation is not planned twice. */
export function insertRevocations(db: DB, items: readonly RevocationItem[], now: Date): Revocation[] {
  const at = now.toISOString();
  const insert = db.prepare(
    `INSERT INTO revocation (finding_id, contact_id, field, rule, action, target, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'planned', ?) ON CONFLICT DO NOTHING`,
  );
  const event = db.prepare(`INSERT INTO revocation_event (revocation_id, status, at) VALUES (?, 'planned', ?)`);
  return db.transaction(() =>
    items.flatMap((item): Revocation[] => {
      const result = insert.run(
        item.findingId,
        item.contactId,
        item.field,
        item.rule,
        item.action,
        revocationTarget(item),
        at,
      );
      if (result.changes === 0) return [];
      const id = Number(result.lastInsertRowid);
      event.run(id, at);
      return [
        {
          id,
          ...item,
          target: revocationTarget(item),
          status: 'planned',
          createdAt: at,
          appliedOn: null,
          resolvedAt: null,
        },
      ];
    }),
  )();
}

/** Moves revocations from one of `from` to `to`, recording the change; returns how many moved. */
export function moveRevocations(
  db: DB,
  ids: readonly number[],
  from: readonly RevocationStatus[],
  to: RevocationStatus,
  at: string,
  options: { appliedOn?: string; note?: string } = {},
): number {
  const allowed = from.map((s) => `'${s}'`).join(', ');
  const resolves = to !== 'planned' && to !== 'applied';
  const update = db.prepare(
    `UPDATE revocation SET status = ?, applied_on = COALESCE(?, applied_on), resolved_at = ?
     WHERE id = ? AND status IN (${allowed})`,
  );
  const event = db.prepare(`INSERT INTO revocation_event (revocation_id, status, at, note) VALUES (?, ?, ?, ?)`);
  return db.transaction(() =>
    ids.reduce((n, id) => {
      const changed = update.run(to, options.appliedOn ?? null, resolves ? at : null, id).changes;
      if (changed > 0) event.run(id, to, at, options.note ?? null);
      return n + changed;
    }, 0),
  )();
}

/**
 * Takes live revocations back: undo is possible until a revocation is verified (or confirmed by you);
 * `plannedOnly`, only while it is still planned, not once marked done.
 */
export function undoRevocations(db: DB, ids: readonly number[], now: Date, plannedOnly = false): number {
  const from: RevocationStatus[] = plannedOnly ? ['planned'] : ['planned', 'applied', 'not-applied'];
  return moveRevocations(db, ids, from, 'undone', now.toISOString());
}

/** The user says these were done on the platform on `on` (a date, YYYY-MM-DD). */
export function markApplied(db: DB, ids: readonly number[], on: string, now: Date): number {
  return moveRevocations(db, ids, ['planned', 'not-applied'], 'applied', now.toISOString(), { appliedOn: on });
}

/** The live revocation (planned, applied or found not applied) of an action's target, if there is one. */
export function liveRevocationId(db: DB, target: string): number | null {
  const row = db
    .prepare<[string], { id: number }>(
      `SELECT id FROM revocation WHERE target = ? AND status IN ('planned', 'applied', 'not-applied')`,
    )
    .get(target);
  return row?.id ?? null;
}

/**
 * Plans the revocation of a setting (no person: everyone it reaches at once); the live one for the
 * same setting if there is one already. Returns its id.
 */
export function planSettingRevocation(
  db: DB,
  item: { findingId: string; field: DetailField | null; rule: string; action: PlatformActionId; stepKey: string },
  now: Date,
): { id: number; created: boolean } {
  const target = `setting:${item.stepKey}`;
  const at = now.toISOString();
  return db.transaction(() => {
    const live = liveRevocationId(db, target);
    if (live !== null) return { id: live, created: false };
    const id = Number(
      db
        .prepare(
          `INSERT INTO revocation (finding_id, contact_id, field, rule, action, target, status, created_at)
           VALUES (?, NULL, ?, ?, ?, ?, 'planned', ?)`,
        )
        .run(item.findingId, item.field, item.rule, item.action, target, at).lastInsertRowid,
    );
    db.prepare(`INSERT INTO revocation_event (revocation_id, status, at) VALUES (?, 'planned', ?)`).run(id, at);
    return { id, created: true };
  })();
}
