/**
 * An import owes its audit snapshot (migration 0010, snapshots.ts): the import does not compute the
 * audit; the snapshot is recorded from the next audit main computes, and always before any write, any
 * reading of snapshots or another import — with the numbers of the data the import left and its time.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { computeAudit } from '../../shared/audit';
import { latestSnapshots } from '../../electron/services/snapshots';
import { getPolicy, loadAuditInput } from '../../electron/services/store';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';
import { call } from '../helpers/service';

const tempDir = useTempDir();
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const ERIKA = 'Erika,Musterfrau,https://www.linkedin.com/in/erika,,Beispiel GmbH,Leiterin,20 Mar 2024';
const MAX = 'Max,Mustermann,https://www.linkedin.com/in/max,,Muster AG,Recruiter,05 Jan 2019';

function setUp(clock: { now: Date }) {
  const dir = tempDir();
  const dbPath = join(dir, 'a.db');
  const svc = new AppService({ dbPath, now: () => clock.now }, { transport: 'browser' });
  return { dir, dbPath, svc };
}

const owed = (svc: AppService) => svc.db.prepare('SELECT run_id, at FROM audit_snapshot_owed').all();
const snapshots = (svc: AppService) => latestSnapshots(svc.db, 10).reverse();

describe("an import's owed snapshot", () => {
  it('is not computed by the import, and is recorded with the first numbers the page asks for', async () => {
    const clock = { now: new Date('2026-07-01T09:00:00Z') };
    const { dir, svc } = setUp(clock);
    const { runId } = await call(svc, 'import:run', {
      sources: [{ path: write(dir, 'Connections.csv', CONNECTIONS_2024) }],
    });
    expect(owed(svc)).toEqual([{ run_id: runId, at: '2026-07-01T09:00:00.000Z' }]);
    expect(snapshots(svc)).toEqual([]);
    // A request that needs no audit does not compute one for it.
    await call(svc, 'settings:get', {});
    expect(owed(svc)).toHaveLength(1);

    clock.now = new Date('2026-07-01T09:05:00Z');
    const summary = await call(svc, 'audit:summary', {});
    expect(owed(svc)).toEqual([]);
    const [snapshot] = snapshots(svc);
    const audit = svc.audit('en');
    expect(snapshot).toMatchObject({
      cause: 'import',
      runId,
      at: '2026-07-01T09:00:00.000Z',
      connections: audit.summary.connections,
      openFindings: audit.summary.openFindings,
      score: { now: audit.score.value, afterPlan: audit.scoreAfterPlan.value },
    });
    expect(summary.summary.connections).toBe(audit.summary.connections);
    svc.close();
  });

  it('is recorded before a write, with the numbers from before it', async () => {
    const clock = { now: new Date('2026-07-01T09:00:00Z') };
    const { dir, svc } = setUp(clock);
    const path = write(dir, 'Connections.csv', [HEADER, ERIKA, MAX].join('\n'));
    await call(svc, 'import:run', { sources: [{ path }] });
    const before = computeAudit(loadAuditInput(svc.db), 'en', clock.now, getPolicy(svc.db));
    const finding = before.findings.find((f) => f.contact !== null)!;
    // No audit computed yet: the write computes it for the snapshot first.
    await call(svc, 'revocation:create', { findingIds: [finding.id] });
    await call(svc, 'revocation:applied', {
      ids: [(await call(svc, 'revocations:list', { offset: 0, limit: 10 })).rows[0]!.id],
    });
    const [imported, applied] = snapshots(svc);
    expect(imported).toMatchObject({ cause: 'import', openFindings: before.summary.openFindings });
    expect(imported!.counts.revocations.planned).toBe(0);
    expect(applied).toMatchObject({ cause: 'revocation' });
    expect(applied!.counts.revocations.applied).toBe(1);
    svc.close();
  });

  it('of an import followed by another import is the first import’s, not the second’s', async () => {
    const clock = { now: new Date('2026-07-01T09:00:00Z') };
    const { dir, svc } = setUp(clock);
    await call(svc, 'import:run', { sources: [{ path: write(dir, 'Connections.csv', [HEADER, ERIKA].join('\n')) }] });
    clock.now = new Date('2026-08-01T09:00:00Z');
    await call(svc, 'import:run', {
      sources: [{ path: write(dir, 'Connections.csv', [HEADER, ERIKA, MAX].join('\n')) }],
    });
    expect(snapshots(svc).map((s) => [s.connections, s.at])).toEqual([[1, '2026-07-01T09:00:00.000Z']]);
    await call(svc, 'history:trend', {});
    expect(snapshots(svc).map((s) => [s.connections, s.at])).toEqual([
      [1, '2026-07-01T09:00:00.000Z'],
      [2, '2026-08-01T09:00:00.000Z'],
    ]);
    svc.close();
  });
});
