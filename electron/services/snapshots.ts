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

/** Records the audit as it is now; `runId` for an import, `moved` for the revocations the change moved. */
export function recordSnapshot(
  db: DB,
  cache: AuditCache,
  cause: SnapshotCause,
  options: { runId?: number; moved?: MovedRevocations } = {},
): AuditSnapshot {
  const audit = cache.audit('en');
  const counts = snapshotCounts(audit, exposureBasis(cache), options.moved ?? NOTHING_MOVED);
  const row = {
    at: audit.generatedAt,
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
