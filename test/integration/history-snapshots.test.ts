/**
 * Audit snapshots over three imports and the changes between them, on a real database: each is the
 * audit of its moment (counts only), says what moved it, and the trend lists them in order; the
 * re-audit reminder counts days from the newest export's own date.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../shared/policy';
import { PLATFORM_DEFAULTS } from '../../shared/sharing';
import type { AuditResult } from '../../shared/domain';
import type { AuditSnapshot } from '../../shared/history';
import { AppService } from '../../electron/services/app-service';
import { openDatabase } from '../../electron/services/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/services/migrations';
import { latestSnapshots, recordSnapshot, snapshotsOfRuns } from '../../electron/services/snapshots';
import { useTempDir, write } from '../helpers/fixtures';
import { makeZip } from '../helpers/zip';
import { call } from '../helpers/service';

const tempDir = useTempDir();

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const PEOPLE = {
  erika: 'Erika,Musterfrau,https://www.linkedin.com/in/erika,,Beispiel GmbH,Leiterin,20 Mar 2024',
  max: 'Max,Mustermann,https://www.linkedin.com/in/max,,Muster AG,Recruiter,05 Jan 2019',
  jan: 'Jan,Beispiel,https://www.linkedin.com/in/jan,,Firma,Coach,01 Feb 2020',
  neu: 'Nina,Neu,https://www.linkedin.com/in/nina,,Neu AG,Headhunter,02 Aug 2026',
};

/** LinkedIn's export as users get it: a ZIP named with the day it was made. */
function exportZip(dir: string, madeOn: string, people: Array<keyof typeof PEOPLE>): string {
  const [y, m, d] = madeOn.split('-');
  const csv = [HEADER, ...people.map((p) => PEOPLE[p])].join('\n');
  return write(dir, `Basic_LinkedInDataExport_${m}-${d}-${y}.zip`, makeZip([{ name: 'Connections.csv', data: csv }]));
}

function service(dir: string, clock: { now: Date }): AppService {
  return new AppService({ dbPath: join(dir, 'a.db'), now: () => clock.now }, { transport: 'browser' });
}

/** What a snapshot must say about the audit of its moment. */
function expectSnapshotOf(snapshot: AuditSnapshot, audit: AuditResult): void {
  const open = audit.findings.filter((f) => f.muted === null);
  expect(snapshot).toMatchObject({
    at: audit.generatedAt,
    connections: audit.summary.connections,
    score: { now: audit.score.value, afterPlan: audit.scoreAfterPlan.value },
    openFindings: audit.summary.openFindings,
  });
  const { bySeverity, byRule } = snapshot.counts.findings;
  expect(bySeverity).toEqual({
    high: open.filter((f) => f.severity === 'high').length,
    medium: open.filter((f) => f.severity === 'medium').length,
    low: open.filter((f) => f.severity === 'low').length,
  });
  expect(Object.values(byRule).reduce((a, b) => a + b, 0)).toBe(open.length);
  // Exposure by detail: now is everyone who sees it (the chart's bar), after the plan those left.
  expect(snapshot.counts.exposure.map((e) => [e.field, e.now, e.afterPlan])).toEqual(
    audit.byField.map((r) => [r.field, r.visibleTo + r.revoked, r.visibleTo]),
  );
  for (const e of snapshot.counts.exposure) expect(e.known + e.acquainted + e.unfamiliar).toBe(e.now);
  const states = Object.entries(snapshot.counts.revocations).filter(([, n]) => n > 0);
  expect(Object.fromEntries(states)).toEqual(
    audit.revocations.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    ),
  );
}

describe('audit snapshots and the trend', () => {
  it('three imports with a revocation done and a setting declared between them: one snapshot each, in order', async () => {
    const dir = tempDir();
    const clock = { now: new Date('2026-07-01T09:00:00Z') };
    const svc = service(dir, clock);
    const audits: AuditResult[] = [];

    const first = await call(svc, 'import:run', {
      sources: [{ path: exportZip(dir, '2026-06-30', ['erika', 'max', 'jan']) }],
    });
    audits.push(svc.audit('en'));

    clock.now = new Date('2026-07-02T09:00:00Z');
    const max = svc.audit('en').findings.find((f) => f.contact?.name === 'Max Mustermann')!;
    const { ids } = await call(svc, 'revocation:create', { findingIds: [max.id] });
    // Planning changes nothing on the platform: no snapshot.
    expect(latestSnapshots(svc.db, 10)).toHaveLength(1);
    await call(svc, 'revocation:applied', { ids: [ids[0]![0]], on: '2026-07-02' });
    audits.push(svc.audit('en'));

    clock.now = new Date('2026-08-01T09:00:00Z');
    const second = await call(svc, 'import:run', {
      sources: [{ path: exportZip(dir, '2026-07-31', ['erika', 'jan']) }],
    });
    audits.push(svc.audit('en'));

    clock.now = new Date('2026-08-02T09:00:00Z');
    const sharing = structuredClone(PLATFORM_DEFAULTS);
    sharing.linkedin.emailVisibility = { value: 'only-me', declared: true };
    await call(svc, 'sharing:set', { sharing });
    audits.push(svc.audit('en'));

    clock.now = new Date('2026-09-01T09:00:00Z');
    const third = await call(svc, 'import:run', {
      sources: [{ path: exportZip(dir, '2026-08-31', ['erika', 'jan', 'neu']) }],
    });
    audits.push(svc.audit('en'));

    const { points } = await call(svc, 'history:trend', {});
    expect(points.map((p) => [p.cause, p.runId, p.at])).toEqual([
      ['import', first.runId, '2026-07-01T09:00:00.000Z'],
      ['revocation', null, '2026-07-02T09:00:00.000Z'],
      ['import', second.runId, '2026-08-01T09:00:00.000Z'],
      ['sharing', null, '2026-08-02T09:00:00.000Z'],
      ['import', third.runId, '2026-09-01T09:00:00.000Z'],
    ]);
    // What moved them: the revocation marked done, then proven by the next export.
    expect(points.map((p) => p.moved)).toEqual([
      { verified: 0, notApplied: 0, confirmed: 0, applied: 0 },
      { verified: 0, notApplied: 0, confirmed: 0, applied: 1 },
      { verified: 1, notApplied: 0, confirmed: 0, applied: 0 },
      { verified: 0, notApplied: 0, confirmed: 0, applied: 0 },
      { verified: 0, notApplied: 0, confirmed: 0, applied: 0 },
    ]);
    // Score and exposure over time: the email seen by 3, then 2 (Max removed), then nobody (only me).
    expect(points.map((p) => p.exposure.privateEmail ?? 0)).toEqual([3, 3, 2, 0, 0]);
    expect(points.map((p) => p.score.now)).toEqual(audits.map((a) => a.score.value));
    expect(points[1]!.score.afterPlan).toBeLessThan(points[1]!.score.now);

    const snapshots = latestSnapshots(svc.db, 10).reverse();
    snapshots.forEach((s, i) => expectSnapshotOf(s, audits[i]!));
    expect(snapshots[1]!.counts.revocations.applied).toBe(1);
    expect(snapshots[2]!.counts.revocations.verified).toBe(1);
    // The report's "since the previous audit": the newest two, newest first.
    expect(latestSnapshots(svc.db, 2).map((s) => s.cause)).toEqual(['import', 'sharing']);
    expect([...snapshotsOfRuns(svc.db).keys()]).toEqual([first.runId, second.runId, third.runId]);
    svc.close();
  });

  it('a snapshot is counts only, and writing it keeps the cached audit (nothing computed again)', async () => {
    const dir = tempDir();
    const clock = { now: new Date('2026-07-01T09:00:00Z') };
    const svc = service(dir, clock);
    await call(svc, 'demo:load', {});
    const before = svc.audit('en');
    const cache = (svc as unknown as { audits: { cache: Parameters<typeof recordSnapshot>[1] } }).audits.cache;
    const revision = cache.currentRevision;
    recordSnapshot(svc.db, cache, 'policy');
    expect(svc.audit('en')).toBe(before);
    expect(cache.currentRevision).toBe(revision);
    // Small rows: no names, no finding ids, no values of the user's details.
    const rows = svc.db.prepare<[], { counts_json: string }>(`SELECT counts_json FROM audit_snapshot`).all();
    for (const { counts_json } of rows) {
      expect(counts_json.length).toBeLessThan(2000);
      for (const f of before.findings.slice(0, 50)) expect(counts_json).not.toContain(f.contact?.name ?? '\u0000');
    }
    svc.close();
  });

  it('every change of a setting, the policy or an own detail records one', async () => {
    const dir = tempDir();
    const clock = { now: new Date('2026-07-01T09:00:00Z') };
    const svc = service(dir, clock);
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-06-30', ['erika', 'max']) }] });
    await call(svc, 'policy:set', { policy: { ...DEFAULT_POLICY, staleYears: 1 } });
    await call(svc, 'details:set', { details: [{ field: 'mobile', value: '+49 171 5550100' }] });
    const sharing = structuredClone(PLATFORM_DEFAULTS);
    sharing.linkedin.phoneVisibility = { value: 'only-me', declared: true };
    await call(svc, 'sharing:set', { sharing });
    const { points } = await call(svc, 'history:trend', {});
    expect(points.map((p) => p.cause)).toEqual(['import', 'policy', 'details', 'sharing']);
    // The mobile number: declared (seen by both), then hidden by the setting.
    expect(points.map((p) => p.exposure.mobile ?? 0)).toEqual([0, 0, 2, 0]);
    svc.close();
  });

  it('a database of schema 7 gains the table; its old runs have no snapshot', () => {
    const path = join(tempDir(), 'old.db');
    const raw = new Database(path);
    for (const m of MIGRATIONS.filter((m) => m.version <= 7)) {
      if (typeof m.up === 'string') raw.exec(m.up);
      else m.up(raw);
    }
    raw.pragma('user_version = 7');
    raw.exec(`INSERT INTO import_run (id, started_at, finished_at, origin, files_json, ignored_json, added, updated, unchanged, removed, warnings_json, duration_ms)
              VALUES (1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'file', '[]', '[]', 0, 0, 0, 0, '[]', 0)`);
    raw.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(latestSnapshots(db, 5)).toEqual([]);
    expect(snapshotsOfRuns(db).size).toBe(0);
    db.close();
  });
});

describe('the re-audit reminder', () => {
  it('due on the policy’s day after the newest export was made, with the revocations it will prove', async () => {
    const dir = tempDir();
    const clock = { now: new Date('2026-07-01T09:00:00Z') };
    const svc = service(dir, clock);
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-06-30', ['erika', 'max', 'jan']) }] });
    const max = svc.audit('en').findings.find((f) => f.contact?.name === 'Max Mustermann')!;
    const { ids } = await call(svc, 'revocation:create', { findingIds: [max.id] });
    expect(await call(svc, 'history:reminder', {})).toMatchObject({ waitingForProof: 0 });
    await call(svc, 'revocation:applied', { ids: [ids[0]![0]], on: '2026-07-02' });

    // 89 days after the export's own date (the ZIP's name), not after the import.
    clock.now = new Date('2026-09-27T23:00:00Z');
    expect(await call(svc, 'history:reminder', {})).toEqual({
      newestExport: '2026-06-30',
      days: 89,
      afterDays: 90,
      due: false,
      waitingForProof: 1,
      url: 'https://www.linkedin.com/mypreferences/d/download-my-data',
    });
    clock.now = new Date('2026-09-28T00:30:00Z');
    expect(await call(svc, 'history:reminder', {})).toMatchObject({ days: 90, due: true });

    // The policy decides the number of days.
    await call(svc, 'policy:set', { policy: { ...DEFAULT_POLICY, reauditAfterDays: 120 } });
    expect(await call(svc, 'history:reminder', {})).toMatchObject({ afterDays: 120, due: false });

    // A newer export resets it and proves the revocation: nothing waits any more.
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-09-27', ['erika', 'jan']) }] });
    expect(await call(svc, 'history:reminder', {})).toMatchObject({
      newestExport: '2026-09-27',
      days: 1,
      due: false,
      waitingForProof: 0,
    });
    svc.close();
  });

  it('an export without a date in its name counts from the day of its import, as the service’s clock says', async () => {
    const dir = tempDir();
    const clock = { now: new Date('2026-03-01T09:00:00Z') };
    const svc = service(dir, clock);
    const csv = write(dir, 'Connections.csv', [HEADER, PEOPLE.erika].join('\n'));
    await call(svc, 'import:run', { sources: [{ path: csv }] });
    clock.now = new Date('2026-06-01T09:00:00Z');
    expect(await call(svc, 'history:reminder', {})).toMatchObject({ newestExport: '2026-03-01', days: 92, due: true });
    svc.close();
  });

  it('before any import: nothing is due', async () => {
    const svc = service(tempDir(), { now: new Date('2026-07-01T09:00:00Z') });
    expect(await call(svc, 'history:reminder', {})).toMatchObject({ newestExport: null, days: null, due: false });
    svc.close();
  });
});
