/**
 * Audit snapshots: after an import or a change, the cached audit's numbers as one small row
 * (migration 0008). Computed from the audit main keeps anyway (audit-cache.ts), so a snapshot costs
 * the counting, not a second audit.
 */
import { judgeFamiliarity } from '../../shared/familiarity';
import {
  snapshotCounts,
  NOTHING_MOVED,
  type AuditSnapshot,
  type ExposureBasis,
  type MovedRevocations,
  type SnapshotCause,
  type SnapshotCounts,
} from '../../shared/history';
import type { FamiliarityJudgement } from '../../shared/domain';
import type { AuditCache } from './audit-cache';
import type { DB } from './db';

/** The exposures and familiarity levels the cached audit itself computed: nothing is judged again. */
export function exposureBasis(cache: AuditCache): ExposureBasis {
  const { first } = cache.base();
  return { exposures: first.exposures, familiarity: first.familiarity };
}

/**
 * Every contact's whole familiarity judgement (with collector signals and score), for the charts. The
 * audit keeps only levels; this depends on the people, their evidence, the policy and the day — not on
 * mutes or revocations — so it is kept across the cache's state-only updates (same list of contacts).
 */
const judged = new WeakMap<object, { key: unknown[]; value: ReadonlyMap<number, FamiliarityJudgement> }>();

export function familiarityJudgements(cache: AuditCache): ReadonlyMap<number, FamiliarityJudgement> {
  const { input, policy, audit } = cache.base();
  const key = [
    input.interactions,
    input.addressBookLinks,
    input.tags,
    input.invitations,
    policy,
    audit.generatedAt.slice(0, 10),
  ];
  const hit = judged.get(input.contacts);
  if (hit && hit.key.every((k, i) => k === key[i])) return hit.value;
  // The audit judged with the same input, policy and day.
  const value = judgeFamiliarity(input, policy, new Date(audit.generatedAt));
  judged.set(input.contacts, { key, value });
  return value;
}

/**
 * Records the audit as it is now; `runId` for an import, `moved` for the revocations the change moved,
 * `at` for an import's owed snapshot (the import's time, not the audit's).
 */
export function recordSnapshot(
  db: DB,
  cache: AuditCache,
  cause: SnapshotCause,
  options: { runId?: number; moved?: MovedRevocations; at?: string } = {},
): AuditSnapshot {
  const audit = cache.audit('en');
  const counts = snapshotCounts(audit, exposureBasis(cache), options.moved ?? NOTHING_MOVED);
  const row = {
    at: options.at ?? audit.generatedAt,
    cause,
    run_id: options.runId ?? null,
    connections: audit.summary.connections,
    score_now: audit.score.value,
    score_after_plan: audit.scoreAfterPlan.value,
    open_findings: audit.summary.openFindings,
    counts_json: JSON.stringify(counts),
  };
  // The audit reads no snapshot: writing one keeps the cached audit current.
  const { lastInsertRowid } = cache.unrelatedWrite(() =>
    db
      .prepare(
        `INSERT INTO audit_snapshot (at, cause, run_id, connections, score_now, score_after_plan, open_findings, counts_json)
         VALUES (@at, @cause, @run_id, @connections, @score_now, @score_after_plan, @open_findings, @counts_json)`,
      )
      .run(row),
  );
  return fromRow({ id: Number(lastInsertRowid), ...row });
}

/**
 * An import owes its snapshot (migration 0010): computing the audit there would cost the import as much
 * again, and the audit is computed soon anyway — for the page's numbers or the next command.
 */
export function oweImportSnapshot(
  db: DB,
  runId: number,
  at: string,
  moved: Pick<MovedRevocations, 'verified' | 'notApplied'>,
): void {
  db.prepare(`INSERT OR REPLACE INTO audit_snapshot_owed (run_id, at, verified, not_applied) VALUES (?, ?, ?, ?)`).run(
    runId,
    at,
    moved.verified,
    moved.notApplied,
  );
}

const owedStatements = new WeakMap<DB, { owed: () => OwedRow | undefined }>();

interface OwedRow {
  run_id: number;
  at: string;
  verified: number;
  not_applied: number;
}

/**
 * Records the snapshot an import owes, if any. `force`: now, computing the audit if need be (before a
 * write, a reading of snapshots or another import); otherwise only if the cached audit is current —
 * it costs the counting then, and never holds up a request that does not need the audit.
 */
export function settleOwedSnapshot(db: DB, cache: AuditCache, force: boolean): AuditSnapshot | null {
  // A file opened read-only keeps its debt until it can be written (its history shows the run without numbers).
  if (db.readonly) return null;
  let statements = owedStatements.get(db);
  if (!statements) {
    const owed = db.prepare<[], OwedRow>(`SELECT * FROM audit_snapshot_owed ORDER BY run_id LIMIT 1`);
    statements = { owed: () => owed.get() };
    owedStatements.set(db, statements);
  }
  const owed = statements.owed();
  if (!owed || (!force && !cache.isCurrent)) return null;
  return cache.unrelatedWrite(() =>
    db.transaction(() => {
      // The audit is read before this transaction writes anything (a write first would make it stale).
      const snapshot = recordSnapshot(db, cache, 'import', {
        runId: owed.run_id,
        at: owed.at,
        moved: { ...NOTHING_MOVED, verified: owed.verified, notApplied: owed.not_applied },
      });
      // Only the newest import can owe one: every import settles the one before it first.
      db.prepare(`DELETE FROM audit_snapshot_owed`).run();
      return snapshot;
    })(),
  );
}

interface Row {
  id: number;
  at: string;
  cause: SnapshotCause;
  run_id: number | null;
  connections: number;
  score_now: number;
  score_after_plan: number;
  open_findings: number;
  counts_json: string;
}

function fromRow(r: Row): AuditSnapshot {
  return {
    id: r.id,
    at: r.at,
    cause: r.cause,
    runId: r.run_id,
    connections: r.connections,
    score: { now: r.score_now, afterPlan: r.score_after_plan },
    openFindings: r.open_findings,
    counts: JSON.parse(r.counts_json) as SnapshotCounts,
  };
}

/** The newest `n` snapshots, newest first: the report's "trend since the previous audit" takes two. */
export function latestSnapshots(db: DB, n: number): AuditSnapshot[] {
  return db.prepare<[number], Row>(`SELECT * FROM audit_snapshot ORDER BY id DESC LIMIT ?`).all(n).map(fromRow);
}

/** The last `n` snapshots, oldest first: what the trend draws. */
export function snapshotTrend(db: DB, n: number): AuditSnapshot[] {
  return latestSnapshots(db, n).reverse();
}

/** The snapshot each import run recorded (runs from before snapshots existed have none). */
export function snapshotsOfRuns(db: DB): Map<number, AuditSnapshot> {
  const rows = db.prepare<[], Row>(`SELECT * FROM audit_snapshot WHERE run_id IS NOT NULL ORDER BY id`).all();
  return new Map(rows.map((r) => [r.run_id!, fromRow(r)]));
}

/** The days the user declared sharing settings or releases (the exposure chart marks them). */
export function declarationDays(db: DB): string[] {
  return db
    .prepare<[], { day: string }>(
      `SELECT DISTINCT substr(at, 1, 10) AS day FROM audit_snapshot WHERE cause IN ('sharing', 'release') ORDER BY day`,
    )
    .all()
    .map((r) => r.day);
}
