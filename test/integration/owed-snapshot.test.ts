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
import { PLATFORM_DEFAULTS } from '../../shared/sharing';
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
    // Recorded from the audit computed for the page, which stays current (not computed again).
    const cache = Reflect.get(svc, 'audits') as { cache: { isCurrent: boolean } };
    expect(cache.cache.isCurrent).toBe(true);
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
      ids: [(await call(svc, 'revocations:list', { query: '', group: 'all', offset: 0, limit: 10 })).rows[0]!.id],
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
    // The forced settle computed the audit and left it current for what comes next.
    expect((Reflect.get(svc, 'audits') as { cache: { isCurrent: boolean } }).cache.isCurrent).toBe(true);
    expect(snapshots(svc).map((s) => [s.connections, s.at])).toEqual([
      [1, '2026-07-01T09:00:00.000Z'],
      [2, '2026-08-01T09:00:00.000Z'],
    ]);
    svc.close();
  });

  it('of another day is counted as of the import’s day, with the import’s time', async () => {
    const clock = { now: new Date('2026-07-01T23:50:00Z') };
    const { dir, svc } = setUp(clock);
    await call(svc, 'import:run', {
      sources: [{ path: write(dir, 'Connections.csv', [HEADER, ERIKA, MAX].join('\n')) }],
    });
    // A finding muted until the day after the import (written as another program would, owing nothing).
    const onImportDay = computeAudit(loadAuditInput(svc.db), 'en', clock.now, getPolicy(svc.db));
    const muted = onImportDay.findings.find((f) => f.contact !== null)!;
    svc.db
      .prepare(`INSERT INTO finding_mute (finding_id, reason, until, created_at) VALUES (?, 'known', '2026-07-02', ?)`)
      .run(muted.id, clock.now.toISOString());
    const expected = computeAudit(loadAuditInput(svc.db), 'en', clock.now, getPolicy(svc.db));
    expect(expected.summary.openFindings).toBe(onImportDay.summary.openFindings - 1);
    // Settled a week later, when the mute has run out: the snapshot still counts as of the import.
    clock.now = new Date('2026-07-08T10:00:00Z');
    await call(svc, 'history:trend', {});
    const [snapshot] = snapshots(svc);
    expect(snapshot).toMatchObject({ at: '2026-07-01T23:50:00.000Z', openFindings: expected.summary.openFindings });
    expect(svc.audit('en').summary.openFindings).toBe(onImportDay.summary.openFindings);
    svc.close();
  });

  it('is owed before anyone may write: a change sent while the import holds the database comes after it', async () => {
    const clock = { now: new Date('2026-07-01T09:00:00Z') };
    const dir = tempDir();
    let onProgress = (): void => undefined;
    const svc = new AppService(
      { dbPath: join(dir, 'a.db'), now: () => clock.now },
      { transport: 'browser', emit: () => onProgress() },
    );
    // A messages file big enough to be read by workers while the import's transaction is open.
    const messages = [
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
    ];
    for (let i = 0; i < 120_000; i++)
      messages.push(
        `c${i},,Erika,https://www.linkedin.com/in/erika,Me,https://www.linkedin.com/in/me,2024-03-20 15:09:26 UTC,,text ${i},INBOX`,
      );
    const sources = [
      { path: write(dir, 'Connections.csv', [HEADER, ERIKA, MAX].join('\n')) },
      { path: write(dir, 'messages.csv', messages.join('\n')) },
    ];
    const sharing = structuredClone(PLATFORM_DEFAULTS);
    sharing.linkedin.emailVisibility = { value: 'only-me', declared: true };
    // Sent at the first progress while the import holds the database (its transaction open).
    let changing: ReturnType<AppService['dispatch']> | undefined;
    onProgress = () => {
      if (changing === undefined && Reflect.get(svc, 'held') !== null)
        changing = svc.dispatch('sharing:set', { sharing });
    };
    const importing = svc.dispatch('import:run', { sources });
    expect((await importing).ok).toBe(true);
    expect(changing).toBeDefined();
    expect((await changing!).ok).toBe(true);
    expect(snapshots(svc).map((s) => s.cause)).toEqual(['import', 'sharing']);
    svc.close();
  });
});
