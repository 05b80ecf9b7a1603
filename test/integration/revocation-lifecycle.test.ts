/**
 * Import → revoke → applied → a newer export: the revocation is verified when the connection is
 * gone, found not applied when it is still there, and an older export proves nothing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { exportDate } from '../../electron/services/revocation-proof';
import { useTempDir, write } from '../helpers/fixtures';
import { makeZip } from '../helpers/zip';
import { call } from '../helpers/service';

const tempDir = useTempDir();

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const PEOPLE = {
  erika: 'Erika,Musterfrau,https://www.linkedin.com/in/erika,,Beispiel GmbH,Leiterin,20 Mar 2024',
  max: 'Max,Mustermann,https://www.linkedin.com/in/max,,Muster AG,Recruiter,05 Jan 2019',
  jan: 'Jan,Beispiel,https://www.linkedin.com/in/jan,,Firma,Coach,01 Feb 2020',
};

/** LinkedIn's export as users get it: a ZIP named with the day it was made. */
function exportZip(dir: string, madeOn: string, people: Array<keyof typeof PEOPLE>): string {
  const [y, m, d] = madeOn.split('-');
  const csv = [HEADER, ...people.map((p) => PEOPLE[p])].join('\n');
  return write(dir, `Basic_LinkedInDataExport_${m}-${d}-${y}.zip`, makeZip([{ name: 'Connections.csv', data: csv }]));
}

class Clock {
  constructor(public now: Date) {}
}

async function setUp() {
  const dir = tempDir();
  const clock = new Clock(new Date('2026-11-01T12:00:00Z'));
  const svc = new AppService({ dbPath: join(dir, 'a.db'), now: () => clock.now }, { transport: 'browser' });
  await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-10-30', ['erika', 'max', 'jan']) }] });
  const max = svc.audit('en').findings.find((f) => f.contact?.name === 'Max Mustermann')!;
  const { ids } = await call(svc, 'revocation:create', { findingIds: [max.id] });
  return { dir, clock, svc, id: ids[0]![0] };
}

const statusOf = (svc: AppService, id: number) => svc.audit('en').revocations.find((r) => r.id === id)?.status;

describe('the revocation lifecycle', () => {
  it('planned → applied → verified by a newer export without the connection', async () => {
    const { dir, clock, svc, id } = await setUp();
    clock.now = new Date('2026-11-03T09:00:00Z');
    expect(await call(svc, 'revocation:applied', { ids: [id], on: '2026-11-03' })).toEqual({ applied: 1 });
    expect(statusOf(svc, id)).toBe('applied');
    // Still "now" until proven: Max can still see everything.
    expect(svc.audit('en').summary.connections).toBe(3);

    clock.now = new Date('2026-11-10T09:00:00Z');
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-11-09', ['erika', 'jan']) }] });
    expect(statusOf(svc, id)).toBe('verified');
    const audit = svc.audit('en');
    expect(audit.summary.connections).toBe(2);
    expect(audit.findings.some((f) => f.contact?.name === 'Max Mustermann')).toBe(false);
    const { events } = await call(svc, 'revocation:history', { id });
    expect(events).toEqual([
      { status: 'planned', at: '2026-11-01T12:00:00.000Z', note: null },
      { status: 'applied', at: '2026-11-03T09:00:00.000Z', note: null },
      {
        status: 'verified',
        at: '2026-11-10T09:00:00.000Z',
        note: 'Basic_LinkedInDataExport_11-09-2026.zip › Connections.csv (2026-11-09)',
      },
    ]);
    // Undo is possible only until verified.
    expect(await call(svc, 'revocation:undo', { ids: [id] })).toEqual({ undone: 0 });
    svc.close();
  });

  it('an export made after "applied" that still has the connection: not applied', async () => {
    const { dir, clock, svc, id } = await setUp();
    await call(svc, 'revocation:applied', { ids: [id], on: '2026-11-03' });
    clock.now = new Date('2026-11-10T09:00:00Z');
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-11-09', ['erika', 'max', 'jan']) }] });
    expect(statusOf(svc, id)).toBe('not-applied');
    // Still part of the plan, and still undoable; applied again, it waits for the next export.
    const finding = svc.audit('en').findings.find((f) => f.contact?.name === 'Max Mustermann')!;
    expect(finding.revocation).toEqual({ id, status: 'not-applied' });
    expect(await call(svc, 'revocation:applied', { ids: [id], on: '2026-11-10' })).toEqual({ applied: 1 });
    expect(statusOf(svc, id)).toBe('applied');
    svc.close();
  });

  it('an export made before the revocation was planned proves nothing, even imported late', async () => {
    const { dir, clock, svc, id } = await setUp();
    clock.now = new Date('2026-11-20T09:00:00Z');
    // An old export (made on 2026-10-31, before the revocation of 2026-11-01) without Max.
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-10-31', ['erika', 'jan']) }] });
    expect(statusOf(svc, id)).toBe('planned');
    svc.close();
  });

  it('an export without Max but before "applied" is still proof: the connection is gone', async () => {
    const { dir, clock, svc, id } = await setUp();
    clock.now = new Date('2026-11-05T09:00:00Z');
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-11-04', ['erika', 'jan']) }] });
    expect(statusOf(svc, id)).toBe('verified');
    svc.close();
  });

  it('the people view shows what Max still sees now, each with its removal planned', async () => {
    const { svc, id } = await setUp();
    const { rows } = await call(svc, 'people:list', { query: 'Max', network: null, offset: 0, limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.exposures.length).toBeGreaterThan(0);
    expect(rows[0]!.exposures.every((e) => e.revocation?.id === id && e.revocation.status === 'planned')).toBe(true);
    const others = await call(svc, 'people:list', { query: 'Erika', network: null, offset: 0, limit: 10 });
    expect(others.rows[0]!.exposures.every((e) => e.revocation === null)).toBe(true);
    svc.close();
  });

  it('an action is planned once: the database refuses a second live revocation for it', async () => {
    const { svc, id } = await setUp();
    const again = svc.audit('en').findings.filter((f) => f.contact?.name === 'Max Mustermann');
    expect(again.every((f) => f.revocation?.id === id)).toBe(true);
    expect(() =>
      svc.db
        .prepare(
          `INSERT INTO revocation (finding_id, contact_id, field, rule, action, target, status, created_at)
           SELECT finding_id, contact_id, field, rule, action, target, 'planned', created_at FROM revocation WHERE id = ?`,
        )
        .run(id),
    ).toThrow(/UNIQUE/);
    svc.close();
  });
});

describe('the export date', () => {
  it('comes from LinkedIn’s ZIP name, else the day of the import', () => {
    // LinkedIn writes the month first: 29 November 2025, 7 January 2026.
    expect(exportDate(['Basic_LinkedInDataExport_11-29-2025.zip › Connections.csv'], new Date('2026-12-24'))).toBe(
      '2025-11-29',
    );
    expect(exportDate(['Complete_LinkedInDataExport_01-07-2026.zip'], new Date('2026-12-24'))).toBe('2026-01-07');
    // Not a date month first, but day first (a renamed file): read so.
    expect(exportDate(['Basic_LinkedInDataExport_29-11-2025.zip'], new Date('2026-12-24'))).toBe('2025-11-29');
    // Neither: no date from the name.
    expect(exportDate(['Basic_LinkedInDataExport_31-31-2025.zip'], new Date('2026-12-24T10:00:00Z'))).toBe(
      '2026-12-24',
    );
    expect(exportDate(['Connections.csv'], new Date('2026-12-24T10:00:00Z'))).toBe('2026-12-24');
  });
});
