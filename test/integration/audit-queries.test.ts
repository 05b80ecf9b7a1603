import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeAudit } from '../../shared/audit';
import { fromIdRanges } from '../../shared/id-ranges';
import type { Response } from '../../shared/contract';
import { PLATFORM_DEFAULTS } from '../../shared/sharing';
import { AppService } from '../../electron/services/app-service';
import { loadAuditInput, getPolicy } from '../../electron/services/store';
import { useTempDir, write } from '../helpers/fixtures';
import { call } from '../helpers/service';

const tempDir = useTempDir();
const NOW = new Date('2026-11-01T12:00:00Z');

async function demo(): Promise<{ svc: AppService; dbPath: string }> {
  const dbPath = join(tempDir(), 'a.db');
  const svc = new AppService({ dbPath, now: () => NOW }, { transport: 'browser' });
  expect((await svc.dispatch('demo:load', {})).ok).toBe(true);
  return { svc, dbPath };
}

const ALL = { query: '', severity: 'all', status: 'all' } as const;

describe('main keeps the audit and answers windows of it', () => {
  it('computes the audit once per change of the database, whoever changed it', async () => {
    const { svc, dbPath } = await demo();
    const first = svc.audit('en');
    expect(svc.audit('en')).toBe(first);
    expect(svc.audit('de').findings).toBe(first.findings);

    // A write through the contract.
    const finding = first.findings[0]!;
    await call(svc, 'finding:mute', { findingId: finding.id, reason: 'Assistenz', until: null });
    const second = svc.audit('en');
    expect(second).not.toBe(first);
    expect(second.summary.openFindings).toBe(first.summary.openFindings - 1);

    // A write by another connection (the CLI while the app is open).
    const other = new Database(dbPath);
    other.prepare(`DELETE FROM finding_mute`).run();
    other.close();
    const third = svc.audit('en');
    expect(third).not.toBe(second);
    expect(third.summary.openFindings).toBe(first.summary.openFindings);
    svc.close();
  });

  it('findings:list returns a window and the counts of the whole match', async () => {
    const { svc } = await demo();
    const audit = svc.audit('en');
    const muted = audit.findings[3]!;
    await call(svc, 'finding:mute', { findingId: muted.id, reason: 'Assistenz', until: null });
    const after = svc.audit('en');

    const page = await call(svc, 'findings:list', { ...ALL, status: 'open', offset: 10, limit: 25 });
    expect(page.total).toBe(after.summary.openFindings);
    expect(page.open).toBe(after.summary.openFindings);
    expect(page.muted).toBe(1);
    expect(page.rows.map((f) => f.id)).toEqual(
      after.findings
        .filter((f) => f.muted === null)
        .slice(10, 35)
        .map((f) => f.id),
    );

    const mutedPage = await call(svc, 'findings:list', { ...ALL, status: 'muted', offset: 0, limit: 10 });
    expect(mutedPage.rows.map((f) => f.id)).toEqual([muted.id]);

    const high = await call(svc, 'findings:list', { ...ALL, severity: 'high', offset: 0, limit: 500 });
    expect(high.total).toBe(after.findings.filter((f) => f.severity === 'high').length);
    expect(high.rows.every((f) => f.severity === 'high')).toBe(true);

    // Search: every word, in any order, in name, company or position.
    const someone = after.findings.find((f) => f.contact?.company)!.contact!;
    const [first] = someone.name.split(' ');
    const byWords = await call(svc, 'findings:list', {
      ...ALL,
      query: `${someone.company!.toUpperCase()} ${first}`,
      offset: 0,
      limit: 500,
    });
    expect(byWords.total).toBeGreaterThan(0);
    expect(byWords.rows.every((f) => f.contact?.company === someone.company && f.contact.name.includes(first!))).toBe(
      true,
    );
    svc.close();
  });

  it('audit:preview gives the numbers the full audit would give after the change', async () => {
    const { svc, dbPath } = await demo();
    const sharing = structuredClone(PLATFORM_DEFAULTS);
    sharing.linkedin.phoneVisibility = { value: 'only-me', declared: true };
    const preview = await call(svc, 'audit:preview', { sharing });
    const before = svc.audit('en');
    expect(preview.before).toEqual({ openFindings: before.summary.openFindings, score: before.score.value });
    const db = new Database(dbPath, { readonly: true });
    const input = loadAuditInput(db);
    const full = computeAudit({ ...input, sharing }, 'en', NOW, getPolicy(db));
    db.close();
    expect(preview.after).toEqual({ openFindings: full.summary.openFindings, score: full.score.value });
    expect(preview.after.openFindings).toBeLessThan(preview.before.openFindings);
    // Nothing changed (the dialog just opened): the current numbers; a declared-only difference is a change.
    const saved = await call(svc, 'sharing:get', {});
    const unchanged = await call(svc, 'audit:preview', { sharing: saved });
    expect(unchanged.after).toEqual(unchanged.before);
    const declared = structuredClone(saved);
    declared.linkedin.phoneVisibility = { ...declared.linkedin.phoneVisibility, declared: true };
    const confirm = await call(svc, 'audit:preview', { sharing: declared });
    expect(confirm.before).toEqual(unchanged.before);
    svc.close();
  });

  it('revocations:list returns a window, newest first, of those matching a name and a group', async () => {
    const { svc } = await demo();
    // One finding each of five people: removing a connection clears all of that person's findings.
    const seen = new Set<number>();
    const ids = svc
      .audit('en')
      .findings.filter((f) => f.contact && f.field && !seen.has(f.contact.id) && seen.add(f.contact.id))
      .slice(0, 5)
      .map((f) => f.id);
    for (const id of ids) await call(svc, 'revocation:create', { findingIds: [id] });
    const all = { query: '', group: 'all' } as const;
    const page: Response<'revocations:list'> = await call(svc, 'revocations:list', { ...all, offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 5, live: 5, closed: 0 });
    expect(page.rows.map((r) => r.findingId)).toEqual([ids[3], ids[2]]);
    // A name, in other case and word order: that person's revocation alone.
    const name = page.rows[0]!.contactName!;
    const query = name.split(' ').reverse().join(' ').toUpperCase();
    const found = await call(svc, 'revocations:list', { query, group: 'all', offset: 0, limit: 10 });
    expect(found.rows.map((r) => r.contactName)).toEqual([name]);
    expect(found).toMatchObject({ total: 1, live: 1, closed: 0 });
    // Planned ones are live: none is done yet.
    const closed = await call(svc, 'revocations:list', { ...all, group: 'closed', offset: 0, limit: 10 });
    expect(closed).toMatchObject({ total: 0, live: 5, closed: 0, rows: [] });
    svc.close();
  });
});

describe('natural order of names', () => {
  it('puts "Vorname1008" before "Vorname10079"', async () => {
    const dir = tempDir();
    const svc = new AppService({ dbPath: join(dir, 'a.db'), now: () => NOW }, { transport: 'browser' });
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Vorname10079,Nachname,https://www.linkedin.com/in/v10079,,,,01 Jan 2024',
      'Vorname1008,Nachname,https://www.linkedin.com/in/v1008,,,,01 Jan 2024',
      'Vorname9,Nachname,https://www.linkedin.com/in/v9,,,,01 Jan 2024',
    ].join('\n');
    expect((await svc.dispatch('import:run', { sources: [{ path: write(dir, 'Connections.csv', csv) }] })).ok).toBe(
      true,
    );
    const page = await call(svc, 'findings:list', { ...ALL, offset: 0, limit: 10 });
    expect(page.rows.filter((f) => f.rule === 'private-detail-unfamiliar').map((f) => f.contact!.name)).toEqual([
      'Vorname9 Nachname',
      'Vorname1008 Nachname',
      'Vorname10079 Nachname',
    ]);
    svc.close();
  });
});

describe('bulk revoke of everything matching a filter', () => {
  it('makes one revocation per person, never takes a muted finding along, and honours exceptions', async () => {
    const { svc } = await demo();
    const before = svc.audit('en');
    const open = before.findings.filter((f) => f.muted === null && f.contact && f.field);
    const mutedOne = open[0]!;
    await call(svc, 'finding:mute', { findingId: mutedOne.id, reason: 'Assistenz', until: null });
    const spared = open.find((f) => f.contact!.id !== mutedOne.contact!.id)!;

    const target = { filter: { query: '', severity: 'all' as const }, except: [spared.id] };
    const preview = await call(svc, 'revocation:preview', target);
    const chosen = svc
      .audit('en')
      .findings.filter((f) => f.muted === null && f.contact && f.field && f.id !== spared.id);
    const people = new Set(chosen.map((f) => f.contact!.id));
    expect(preview).toEqual({
      findings: chosen.length,
      connections: people.size,
      otherActions: 0,
      skipped: svc.audit('en').findings.filter((f) => f.muted === null && !(f.contact && f.field)).length,
    });
    expect(preview.findings).toBeGreaterThan(preview.connections);

    const created = await call(svc, 'revocation:create', target);
    expect(created).toMatchObject({ ...preview, created: people.size });
    // One write: its ids are consecutive, one range however many.
    expect(created.ids).toEqual([[created.ids[0]![0], created.ids[0]![0] + people.size - 1]]);
    const after = svc.audit('en');
    const ids = new Set(fromIdRanges(created.ids));
    const revocations = after.revocations.filter((r) => ids.has(r.id));
    expect(revocations).toHaveLength(people.size);
    expect(new Set(revocations.map((r) => r.contactId)).size).toBe(people.size);
    // The muted finding's person was not revoked (unless they had other open findings).
    expect(revocations.some((r) => r.findingId === mutedOne.id)).toBe(false);
    // The spared finding stays open: its person is not in the batch unless chosen through another finding.
    if (!chosen.some((f) => f.contact!.id === spared.contact!.id))
      expect(after.findings.some((f) => f.id === spared.id)).toBe(true);
    svc.close();
  });
});
