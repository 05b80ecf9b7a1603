/**
 * Audit snapshots: after an import or a change, the cached audit's numbers as one small row
 * (migration 0008). Computed from the audit main keeps anyway (audit-cache.ts), so a snapshot costs
 * the counting, not a second audit.
 */
import { cachedFamiliarity } from '../../shared/audit-context';
import {
  snapshotCounts,
  NOTHING_MOVED,
  type AuditSnapshot,
  type ExposureBasis,
  type MovedRevocations,
  type SnapshotCause,
  type SnapshotCounts,
} from '../../shared/history';
import type { AuditResult, FamiliarityJudgement } from '../../shared/domain';
import { applyAuditState, computeAuditBase } from '../../shared/audit';
import type { AuditCache } from './audit-cache';
import type { DB } from './db';

/** The exposures and familiarity levels the cached audit itself computed: nothing is judged again. */
export function exposureBasis(cache: AuditCache): ExposureBasis {
  const { first } = cache.base();
  return { exposures: first.exposures, familiarity: first.familiarity };
}

/**
 * Every contact's whole familiarity judgement (with collector signals and score), for the charts: the
 * very judgements the cached audit's rules were given (shared/audit-context.ts keeps them), not judged
 * again.
 */
export function familiarityJudgements(cache: AuditCache): ReadonlyMap<number, FamiliarityJudgement> {
  const { input, policy, audit } = cache.base();
  return cachedFamiliarity(input, policy, new Date(audit.generatedAt));
}

/**
 * Records the audit as it is now; `runId` for an import, `moved` for the revocations the change moved,
 * `at` for an import's owed snapshot (the import's time, not the audit's), `of` for an audit other than
 * the cached one (an owed snapshot of an earlier day).
 */
export function recordSnapshot(
  db: DB,
  cache: AuditCache,
  cause: SnapshotCause,
  options: {
    runId?: number;
    moved?: MovedRevocations;
    at?: string;
    of?: { audit: AuditResult; basis: ExposureBasis };
  } = {},
): AuditSnapshot {
  const audit = options.of?.audit ?? cache.audit('en');
  const counts = snapshotCounts(audit, options.of?.basis ?? exposureBasis(cache), options.moved ?? NOTHING_MOVED);
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

interface OwedRow {
  run_id: number;
  at: string;
  verified: number;
  not_applied: number;
}

/**
 * The audit of the data the import left as it stood on the import's day: the cached one if that day is
 * today; else computed for that day (mutes that ran out since, years without a message counted to then).
 */
function auditOfImportDay(cache: AuditCache, at: string): { audit: AuditResult; basis: ExposureBasis } | undefined {
  const { input, policy, audit } = cache.base();
  if (audit.generatedAt.slice(0, 10) === at.slice(0, 10)) return undefined;
  const then = new Date(at);
  const base = computeAuditBase(input, 'en', then, policy);
  return {
    audit: applyAuditState(base, input, then),
    basis: { exposures: base.exposures, familiarity: base.familiarity },
  };
}

/**
 * Records the snapshot an import owes, if any. `force`: now, computing the audit if need be (before a
 * write, a reading of snapshots or another import); otherwise only if the cached audit is current —
 * it costs the counting then, and never holds up a request that does not need the audit.
 */
export function settleOwedSnapshot(db: DB, cache: AuditCache, force: boolean): AuditSnapshot | null {
  // A file opened read-only keeps its debt until it can be written (its history shows the run without numbers).
  if (db.readonly) return null;
  if (!snapshotOwed(db) || (!force && !cache.isCurrent)) return null;
  // Computed before anything is written, so the cache stays current through the writes below.
  cache.audit('en');
  return cache.unrelatedWrite(() =>
    // Immediate: two programs settling at once record it once (the second finds nothing owed).
    db
      .transaction(() => {
        // The newest import's data is what there is: an older debt (another program imported meanwhile)
        // can no longer be computed and is dropped with it.
        const owed = db.prepare<[], OwedRow>(`SELECT * FROM audit_snapshot_owed ORDER BY run_id DESC LIMIT 1`).get();
        if (owed === undefined) return null;
        const snapshot = recordSnapshot(db, cache, 'import', {
          runId: owed.run_id,
          at: owed.at,
          moved: { ...NOTHING_MOVED, verified: owed.verified, notApplied: owed.not_applied },
          of: auditOfImportDay(cache, owed.at),
        });
        db.prepare(`DELETE FROM audit_snapshot_owed`).run();
        return snapshot;
      })
      .immediate(),
  );
}

/** Whether an import's snapshot is still owed (the newest snapshot is then not of the data as it is). */
export function snapshotOwed(db: DB): boolean {
  return db.prepare(`SELECT 1 FROM audit_snapshot_owed LIMIT 1`).get() !== undefined;
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
