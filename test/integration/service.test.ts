import { findingMessage } from '../../shared/finding-text';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeAudit } from '../../shared/audit';
import { AppService } from '../../electron/services/app-service';
import { loadAuditInput } from '../../electron/services/store';
import { generateHeavyExport } from '../../bench/generate';
import { PARALLEL_DEFAULTS } from '../../electron/services/importers/parallel';
import { workersWaiting } from '../../electron/services/importers/workers';
import { CONNECTIONS_2024, EMAILS, MESSAGES_2024, PHONES, useTempDir, write } from '../helpers/fixtures';
import { nextTransaction } from '../helpers/transactions';

const tempDir = useTempDir();
const NOW = new Date('2026-11-01T12:00:00Z');

function service(dbPath: string): AppService {
  return new AppService({ dbPath, now: () => NOW }, { transport: 'browser' });
}

async function withExport() {
  const dir = tempDir();
  const svc = service(join(dir, 'a.db'));
  const files = [
    write(dir, 'Connections.csv', CONNECTIONS_2024),
    write(dir, 'messages.csv', MESSAGES_2024),
    write(dir, 'Email Addresses.csv', EMAILS),
    write(dir, 'PhoneNumbers.csv', PHONES),
  ];
  const imported = await svc.dispatch('import:run', { sources: files.map((path) => ({ path })) });
  expect(imported.ok).toBe(true);
  return { svc, dir };
}

describe('the audit over a real import', () => {
  it('counts who can see email and mobile and flags only the unfamiliar', async () => {
    const { svc } = await withExport();
    const audit = svc.audit('en');
    expect(audit.summary).toMatchObject({
      connections: 4,
      canSeeEmail: 4,
      canSeeMobile: 4,
      unfamiliarWithAccess: 3,
      settingsAssumed: true,
    });
    // Erika wrote and got an answer: known. Max only pitched: unfamiliar.
    const names = new Set(audit.findings.map((f) => f.contact?.name));
    expect(names.has('Erika Musterfrau')).toBe(false);
    expect(names.has('Max Mustermann')).toBe(true);
    // Max, a recruiter whose message went unanswered: private details unfamiliar, and a likely collector.
    expect(
      audit.findings.filter((f) => f.contact?.name === 'Max Mustermann').map((f) => [f.rule, f.field, f.severity]),
    ).toEqual([
      ['likely-collector', 'mobile', 'high'],
      ['private-detail-unfamiliar', 'mobile', 'high'],
      ['private-detail-unfamiliar', 'privateEmail', 'medium'],
    ]);
    expect(audit.findings.every((f) => f.assumed)).toBe(true);
    svc.close();
  });

  it('a planned revocation changes "after your plan", never "now"; undo restores it; both survive a restart', async () => {
    const { svc, dir } = await withExport();
    const before = svc.audit('en');
    const finding = before.findings.find((f) => f.contact?.name === 'Max Mustermann' && f.field === 'mobile')!;
    const created = await svc.dispatch('revocation:create', { findingIds: [finding.id] });
    expect(created).toMatchObject({
      ok: true,
      value: { created: 1, findings: 1, connections: 1, otherActions: 0, skipped: 0 },
    });
    svc.close();

    const reopened = service(join(dir, 'a.db'));
    const after = reopened.audit('en');
    // Nothing has changed on LinkedIn: now is as before.
    expect(after.findings.find((f) => f.id === finding.id)).toMatchObject({
      revocation: { status: 'planned', id: after.revocations[0]!.id },
    });
    expect(after.summary.canSeeMobile).toBe(4);
    expect(after.summary.openFindings).toBe(before.summary.openFindings);
    expect(after.score.value).toBe(before.score.value);
    // After the plan, Max (and every finding about him: removing the connection) is gone.
    const aboutMax = after.findings.filter((f) => f.contact?.name === 'Max Mustermann' && !f.muted);
    expect(aboutMax.length).toBeGreaterThan(1);
    expect(aboutMax.every((f) => f.revocation !== null)).toBe(true);
    expect(after.summary.afterPlan).toMatchObject({
      canSeeMobile: 3,
      openFindings: before.summary.openFindings - aboutMax.length,
    });
    expect(after.scoreAfterPlan.value).toBeLessThan(after.score.value);
    expect(after.summary.plannedRevocations).toBe(1);
    expect(after.byField.find((r) => r.field === 'mobile')).toMatchObject({ visibleTo: 3, revoked: 1 });
    expect(after.revocations[0]).toMatchObject({
      contactName: 'Max Mustermann',
      contactProfileUrl: 'https://www.linkedin.com/in/max-mustermann',
    });

    // Revoking twice is impossible, by id and by another finding about the same person.
    for (const id of aboutMax.map((f) => f.id)) {
      expect(await reopened.dispatch('revocation:create', { findingIds: [id] })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: `finding ${id} is already revoked` },
      });
    }

    const id = after.revocations[0]!.id;
    expect(await reopened.dispatch('revocation:undo', { ids: [id] })).toEqual({ ok: true, value: { undone: 1 } });
    const undone = reopened.audit('en');
    expect(undone.findings.find((f) => f.id === finding.id)!.revocation).toBeNull();
    expect(undone.summary).toMatchObject({ canSeeMobile: 4, plannedRevocations: 0 });
    expect(undone.summary.afterPlan.canSeeMobile).toBe(4);
    reopened.close();
  });

  it("hands the page's language and theme to the desktop app's own parts; the browser host has none", async () => {
    const dir = tempDir();
    const told: string[] = [];
    const desktop = new AppService(
      { dbPath: join(dir, 'a.db'), now: () => NOW },
      {
        transport: 'electron',
        setLanguage: (lang) => told.push(`lang ${lang}`),
        setTheme: (theme) => told.push(`theme ${theme}`),
      },
    );
    expect(await desktop.dispatch('app:theme', { theme: 'dark' })).toEqual({ ok: true, value: { applied: true } });
    expect(await desktop.dispatch('app:theme', { theme: 'system' })).toEqual({ ok: true, value: { applied: true } });
    expect(await desktop.dispatch('app:language', { lang: 'de' })).toEqual({ ok: true, value: { applied: true } });
    expect(await desktop.dispatch('app:theme', { theme: 'blue' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(told).toEqual(['theme dark', 'theme system', 'lang de']);
    desktop.close();
    const host = service(join(dir, 'b.db'));
    expect(await host.dispatch('app:theme', { theme: 'light' })).toEqual({ ok: true, value: { applied: false } });
    host.close();
  });

  it('validates every request at the boundary and answers with a stable error code', async () => {
    const svc = service(join(tempDir(), 'a.db'));
    expect(await svc.dispatch('nope:nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await svc.dispatch('audit:get', { lang: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await svc.dispatch('audit:get', { lang: 'en', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await svc.dispatch('import:run', { sources: [] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await svc.dispatch('report:save', { lang: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
    expect(await svc.dispatch('shell:openExternal', { url: 'https://evil.example/' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await svc.dispatch('import:run', { sources: [{ path: '/does/not/exist.zip' }] })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_FAILED', message: 'exist.zip: file not found or not readable' },
    });
    svc.close();
  });

  it('the demo loads a few hundred generated connections with messages, invitations and an address book', async () => {
    const svc = service(join(tempDir(), 'a.db'));
    const result = await svc.dispatch('demo:load', {});
    expect(result.ok).toBe(true);
    const audit = svc.audit('de');
    expect(audit.summary.connections).toBeGreaterThanOrEqual(200);
    expect(audit.summary.unfamiliarWithAccess).toBeGreaterThan(0);
    expect(audit.summary.unfamiliarWithAccess).toBeLessThan(audit.summary.connections);
    expect(findingMessage('de', audit.findings[0]!)).toMatch(/sieht Ihre (Mobilnummer|private E-Mail)/);
    const counts = svc.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM invitation) AS invitations, (SELECT COUNT(*) FROM address_entry) AS book, (SELECT COUNT(*) FROM interaction) AS talks`,
      )
      .get() as Record<string, number>;
    expect(counts.invitations).toBeGreaterThan(50);
    expect(counts.book).toBeGreaterThan(20);
    expect(counts.talks).toBeGreaterThan(50);
    svc.close();
  });

  it('the HTML report is self-contained and in the requested language', async () => {
    const { svc } = await withExport();
    const de = await svc.report('de');
    expect(de.fileName).toBe('ShareAudit-Bericht-2026-11-01.html');
    expect(de.html).toContain('<html lang="de">');
    expect(de.html).toContain('Max Mustermann');
    expect(de.html).toContain('Offene Befunde');
    expect(de.html).not.toMatch(/<script|<link|src="http/);
    expect((await svc.report('en')).html).toContain('Open findings');
    svc.close();
  });
});

describe('requests while an import holds the database', () => {
  it('wait until it has finished (here: rolled back), except those that do not touch the database', async () => {
    const { svc, dir } = await withExport();
    // Messages big enough to be read in the background while the connections are written, and
    // broken at the very end: the import fails after writing its connections in its transaction.
    const exportDir = await generateHeavyExport(dir, 2_000, 70_000);
    appendFileSync(
      join(exportDir, 'messages.csv'),
      '2-x,,A,https://www.linkedin.com/in/a,B,,2024-01-01 10:00:00 UTC,,"open\n',
    );
    const done: string[] = [];
    const began = nextTransaction(svc.db);
    const importing = svc
      .dispatch('import:run', { sources: [{ path: exportDir }] })
      .then((r) => (done.push('import'), r));
    await began;
    // Inside the transaction there are 4 + 2,000 connections now.
    const people = svc.dispatch('people:list', { query: '', network: null, offset: 0, limit: 1 });
    const settings = svc.dispatch('settings:set', { phoneRegion: 'AT' });
    const info = await svc.dispatch('app:info', {});
    done.push('info');
    expect(info.ok).toBe(true);
    // Another import is refused at once, not after this one.
    const second = await svc.dispatch('import:run', { sources: [{ path: exportDir }] });
    expect(second).toMatchObject({ ok: false, error: { code: 'IMPORT_BUSY' } });
    expect(svc.db.inTransaction).toBe(true);
    const [imported, listed, saved] = await Promise.all([importing, people, settings]);
    expect(done).toEqual(['info', 'import']);
    expect(imported).toMatchObject({ ok: false, error: { message: expect.stringMatching(/messages\.csv, line \d+/) } });
    // Both waited for the rollback: the list never saw the half import, the setting was not rolled back.
    expect(listed).toMatchObject({ ok: true, value: { total: 4 } });
    expect(saved).toMatchObject({ ok: true, value: { phoneRegion: 'AT' } });
    expect(await svc.dispatch('settings:get', {})).toMatchObject({ ok: true, value: { phoneRegion: 'AT' } });
    expect(svc.db.prepare('SELECT COUNT(*) AS n FROM contact').get()).toEqual({ n: 4 });
    expect(svc.db.inTransaction).toBe(false);
    svc.close();
  }, 60_000);
});

describe('the import dialog', () => {
  it('starts the parse workers as soon as it sees a big messages file, and the import takes them', async () => {
    const dir = tempDir();
    const exportDir = await generateHeavyExport(dir, 1_000, 70_000);
    const svc = service(join(dir, 'a.db'));
    expect(workersWaiting('parse-worker')).toBe(0);
    const inspected = await svc.dispatch('import:inspect', { sources: [{ path: exportDir }] });
    expect(inspected.ok).toBe(true);
    expect(workersWaiting('parse-worker')).toBe(PARALLEL_DEFAULTS.workers);
    const imported = await svc.dispatch('import:run', { sources: [{ path: exportDir }] });
    expect(imported).toMatchObject({ ok: true, value: { added: 1_000 } });
    expect(workersWaiting('parse-worker')).toBe(0);
    svc.close();
  }, 60_000);
});

describe('the what-if preview', () => {
  it('gives the full audit’s score, summary and numbers per detail, with mutes and revocations', async () => {
    const svc = service(join(tempDir(), 'a.db'));
    expect((await svc.dispatch('demo:load', {})).ok).toBe(true);
    const findings = svc.audit('en').findings;
    // Some findings muted, others revoked.
    for (const f of findings.slice(0, 5)) {
      const muted = await svc.dispatch('finding:mute', { findingId: f.id, reason: 'known', until: null });
      expect(muted).toEqual({ ok: true, value: { muted: true } });
    }
    // (of other people: revoking a person's connection takes all their findings, muted or not)
    const mutedPeople = new Set(findings.slice(0, 5).map((f) => f.contact?.id));
    const revocable = findings.filter((f) => f.contact && f.field && !mutedPeople.has(f.contact.id)).slice(0, 7);
    expect((await svc.dispatch('revocation:create', { findingIds: revocable.map((f) => f.id) })).ok).toBe(true);
    const input = loadAuditInput(svc.db);
    const sharings = [
      input.sharing,
      {
        ...input.sharing,
        linkedin: { ...input.sharing.linkedin, phoneVisibility: { value: 'only-me' as const, declared: true } },
      },
    ];
    for (const sharing of sharings) {
      const changed = { ...input, sharing };
      const full = computeAudit(changed, 'en', NOW);
      const preview = computeAudit(changed, 'en', NOW, undefined, undefined, 'preview');
      expect(full.findings.length).toBeGreaterThan(0);
      // (with the mobile number hidden, the muted findings about it are gone)
      if (sharing === input.sharing) expect(full.summary.openFindings).toBe(full.findings.length - 5);
      expect(preview.score).toEqual(full.score);
      expect(preview.summary).toEqual(full.summary);
      expect(preview.byField).toEqual(full.byField);
      expect(preview.findings).toEqual([]);
    }
    svc.close();
  });
});
