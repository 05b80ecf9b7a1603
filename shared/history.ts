/**
 * Audit snapshots (issue 11): the audit's numbers after every import and every change the user made —
 * counts only, never a copy of the data. The trend, `shareaudit history --json` and the report's
 * "since the previous audit" are read from them.
 */
import {
  DETAIL_FIELDS,
  REVOCATION_STATUSES,
  type AuditResult,
  type DetailField,
  type Exposure,
  type Familiarity,
  type RevocationStatus,
  type Severity,
} from './domain';

/** What moved the numbers: an import, or a change the user made in ShareAudit. */
export const SNAPSHOT_CAUSES = ['import', 'sharing', 'release', 'policy', 'details', 'revocation'] as const;
export type SnapshotCause = (typeof SNAPSHOT_CAUSES)[number];

/** How many people can see one detail: now, after the plan, and — of those now — how well the user knows them. */
export interface DetailExposureCounts {
  field: DetailField;
  now: number;
  afterPlan: number;
  known: number;
  acquainted: number;
  unfamiliar: number;
}

/** Revocations this change moved to another state. */
export interface MovedRevocations {
  verified: number;
  notApplied: number;
  confirmed: number;
  applied: number;
}

export const NOTHING_MOVED: MovedRevocations = { verified: 0, notApplied: 0, confirmed: 0, applied: 0 };

export interface SnapshotCounts {
  /** Open findings (muted ones count nowhere). */
  findings: { bySeverity: Record<Severity, number>; byRule: Record<string, number> };
  /** One row per detail the user has, in the order of DETAIL_FIELDS. */
  exposure: DetailExposureCounts[];
  revocations: Record<RevocationStatus, number>;
  moved: MovedRevocations;
}

export interface AuditSnapshot {
  id: number;
  at: string;
  cause: SnapshotCause;
  /** The import run, for an import. */
  runId: number | null;
  connections: number;
  score: { now: number; afterPlan: number };
  openFindings: number;
  counts: SnapshotCounts;
}

/** A snapshot as the trend draws it: scores, open findings and how many people see each detail now. */
export interface TrendPoint {
  id: number;
  at: string;
  cause: SnapshotCause;
  runId: number | null;
  score: { now: number; afterPlan: number };
  openFindings: number;
  exposure: Partial<Record<DetailField, number>>;
  moved: MovedRevocations;
}

/** What the audit's exposures are judged by: the exposures and familiarity levels the audit itself used. */
export interface ExposureBasis {
  exposures: readonly Exposure[];
  familiarity: ReadonlyMap<number, { level: string }>;
}

/** A contact's familiarity level in the basis; anyone not judged counts as unfamiliar. */
export function levelOf(basis: ExposureBasis, contactId: number): Familiarity {
  const level = basis.familiarity.get(contactId)?.level;
  return level === 'known' || level === 'acquainted' ? level : 'unfamiliar';
}

/** The counts of a snapshot, from the audit and its exposures. */
export function snapshotCounts(
  audit: Pick<AuditResult, 'findings' | 'byField' | 'revocations'>,
  basis: ExposureBasis,
  moved: MovedRevocations = NOTHING_MOVED,
): SnapshotCounts {
  const bySeverity: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  const byRule: Record<string, number> = {};
  for (const f of audit.findings) {
    if (f.muted !== null) continue;
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  const rows = new Map<DetailField, DetailExposureCounts>();
  for (const e of basis.exposures) {
    let row = rows.get(e.field);
    if (!row) {
      row = { field: e.field, now: 0, afterPlan: 0, known: 0, acquainted: 0, unfamiliar: 0 };
      rows.set(e.field, row);
    }
    row.now++;
    row[levelOf(basis, e.contactId)]++;
  }
  // After the plan: the audit's own count (those a live revocation will take away are left out).
  for (const r of audit.byField) {
    const row = rows.get(r.field);
    if (row) row.afterPlan = r.visibleTo;
  }
  const revocations = Object.fromEntries(REVOCATION_STATUSES.map((s) => [s, 0])) as Record<RevocationStatus, number>;
  for (const r of audit.revocations) revocations[r.status]++;
  return {
    findings: { bySeverity, byRule },
    exposure: DETAIL_FIELDS.flatMap((f) => rows.get(f) ?? []),
    revocations,
    moved: { ...moved },
  };
}

export function trendPoint(s: AuditSnapshot): TrendPoint {
  return {
    id: s.id,
    at: s.at,
    cause: s.cause,
    runId: s.runId,
    score: s.score,
    openFindings: s.openFindings,
    exposure: Object.fromEntries(s.counts.exposure.map((e) => [e.field, e.now])),
    moved: s.counts.moved,
  };
}

/** The documented JSON of one snapshot in `shareaudit history --json` (docs/cli-history-json.md). */
export function snapshotJson(s: AuditSnapshot): unknown {
  return {
    at: s.at,
    cause: s.cause,
    connections: s.connections,
    score: s.score,
    openFindings: s.openFindings,
    findings: { bySeverity: s.counts.findings.bySeverity, byRule: s.counts.findings.byRule },
    exposure: {
      byDetail: Object.fromEntries(
        s.counts.exposure.map(({ field, ...counts }) => [field, counts] as [DetailField, typeof counts]),
      ),
    },
    revocations: s.counts.revocations,
    moved: s.counts.moved,
  };
}
