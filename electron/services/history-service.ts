/**
 * The history's side of the contract: the trend (snapshots), the overview's charts (aggregated here,
 * from the cached audit) and the re-audit reminder.
 */
import type { AuditResult, Contact } from '../../shared/domain';
import {
  collectorSignals,
  exposureOverTime,
  privateFamiliarity,
  topPeople,
  type DashboardCharts,
} from '../../shared/history-charts';
import { trendPoint, type TrendPoint } from '../../shared/history';
import { reauditReminder, type ReauditReminder } from '../../shared/history-reminder';
import type { AuditCache } from './audit-cache';
import type { DB } from './db';
import { exportDate } from './revocation-proof';
import { declarationDays, exposureBasis, familiarityJudgements, snapshotTrend } from './snapshots';

/** The trend draws at most this many snapshots (the newest). */
export const TREND_LIMIT = 400;

const charts = new WeakMap<AuditResult, Omit<DashboardCharts, 'revision'>>();

export function historyTrend(db: DB): { points: TrendPoint[] } {
  return { points: snapshotTrend(db, TREND_LIMIT).map(trendPoint) };
}

export function dashboardCharts(db: DB, cache: AuditCache): DashboardCharts {
  const { input, audit } = cache.base();
  let value = charts.get(audit);
  if (!value) {
    const basis = exposureBasis(cache);
    const judgements = familiarityJudgements(cache);
    const contacts = new Map<number, Contact>(input.contacts.map((c) => [c.id, c]));
    value = {
      exposureOverTime: exposureOverTime(contacts, basis, input.sharing, declarationDays(db)),
      privateFamiliarity: privateFamiliarity(basis),
      collectorSignals: collectorSignals(basis, judgements),
      topPeople: topPeople(audit, contacts, judgements),
    };
    charts.set(audit, value);
  }
  return { revision: cache.currentRevision, ...value };
}

/**
 * The day the newest export was made, of every import: from LinkedIn's ZIP name, else the day of the
 * import — as the service's clock said then (the import's snapshot; runs from before snapshots: when
 * the run finished).
 */
export function newestExport(db: DB): string | null {
  let newest: string | null = null;
  for (const run of db
    .prepare<[], { at: string; files_json: string }>(
      `SELECT COALESCE(s.at, r.finished_at) AS at, r.files_json FROM import_run r
       LEFT JOIN audit_snapshot s ON s.run_id = r.id`,
    )
    .all()) {
    const names = (JSON.parse(run.files_json) as Array<{ name: string }>).map((f) => f.name);
    const made = exportDate(names, new Date(run.at));
    if (newest === null || made > newest) newest = made;
  }
  return newest;
}

export function reminder(db: DB, cache: AuditCache, now: Date): ReauditReminder {
  const { input, policy } = cache.base();
  // Only removing a connection shows in an export; a setting is confirmed by declaring it.
  const waiting = input.revocations.filter((r) => r.status === 'applied' && r.action === 'remove-connection').length;
  return reauditReminder(newestExport(db), now.toISOString().slice(0, 10), policy.reauditAfterDays, waiting);
}
