/**
 * The overview's charts come from main aggregated: what the page receives depends on months and
 * details, not on the number of people — and agrees with the audit it was counted from.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { useTempDir, write } from '../helpers/fixtures';
import { call } from '../helpers/service';

const tempDir = useTempDir();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function connections(n: number): string {
  const rows = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++)
    rows.push(
      `Vorname${i},Nachname${i},https://www.linkedin.com/in/p-${i},,Firma ${i % 50},${i % 7 === 0 ? 'Recruiter' : 'Beruf'},${1 + (i % 28)} ${MONTHS[i % 12]} ${2012 + (Math.floor(i / 12) % 12)}`,
    );
  return rows.join('\n');
}

async function chartsFor(n: number) {
  const dir = tempDir();
  const svc = new AppService(
    { dbPath: join(dir, 'a.db'), now: () => new Date('2026-11-01T12:00:00Z') },
    { transport: 'browser' },
  );
  await call(svc, 'import:run', { sources: [{ path: write(dir, 'Connections.csv', connections(n)) }] });
  const charts = await call(svc, 'audit:charts', {});
  const audit = svc.audit('en');
  svc.close();
  return { charts, audit, bytes: JSON.stringify(charts).length };
}

describe('the overview’s charts', () => {
  it('stay the same size from 300 to 3,000 people, and count what the audit counts', async () => {
    const small = await chartsFor(300);
    const big = await chartsFor(3000);
    expect(big.bytes).toBeLessThan(10_000);
    expect(Math.abs(big.bytes - small.bytes)).toBeLessThan(500);

    const { charts, audit } = big;
    // The last month of the axis has everyone who sees each detail now.
    const last = charts.exposureOverTime.points.at(-1)!.counts;
    for (const row of audit.byField) expect(last[row.field]).toBe(row.visibleTo + row.revoked);
    expect(charts.exposureOverTime.points).toHaveLength(12 * 12);
    // Every seventh is a recruiter: the role is found once per person.
    expect(charts.collectorSignals.roles).toEqual([{ text: 'recruiter', people: Math.ceil(3000 / 7) }]);
    expect(charts.topPeople).toHaveLength(10);
    const open = audit.findings.filter((f) => f.muted === null && f.contact?.id === charts.topPeople[0]!.contactId);
    expect(charts.topPeople[0]!.findings).toBe(open.length);
  });
});
