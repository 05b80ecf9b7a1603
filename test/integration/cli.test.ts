import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { openDatabase } from '../../electron/services/db';
import { snapshot } from '../helpers/db';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const bin = join(import.meta.dirname, '..', '..', 'bin', 'shareaudit.mjs');

function cli(args: string[], env: Record<string, string> = {}) {
  // English unless a test asks otherwise: the CLI's language follows LANG when --lang is not given.
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('shareaudit CLI', () => {
  it('demo, then audit --json prints the documented shape', () => {
    const db = join(tempDir(), 'a.db');
    expect(cli(['demo', '--db', db]).code).toBe(0);
    const { code, stdout } = cli(['audit', '--db', db, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { summary: Record<string, unknown>; findings: Array<Record<string, unknown>> };
    expect(Object.keys(doc)).toEqual(['summary', 'score', 'findings']);
    const counts = {
      connections: expect.any(Number),
      canSeeEmail: expect.any(Number),
      canSeeMobile: expect.any(Number),
      unfamiliarWithAccess: expect.any(Number),
      openFindings: expect.any(Number),
    };
    expect(doc.summary).toMatchObject({ now: counts, afterPlan: counts, plannedRevocations: 0 });
    const score = (doc as unknown as { score: { now: number; afterPlan: number; reasons: Array<{ points: number }> } })
      .score;
    expect(score.afterPlan).toBe(score.now);
    expect(score.reasons.reduce((n, r) => n + r.points, 0)).toBe(score.now);
    const finding = doc.findings[0]!;
    expect(finding).toMatchObject({
      id: expect.stringMatching(/^private-detail-unfamiliar:\d+:(mobile|privateEmail)$/),
      rule: 'private-detail-unfamiliar',
      severity: expect.stringMatching(/^(high|medium|low)$/),
      field: expect.any(String),
      contact: { name: expect.any(String), profileUrl: expect.stringMatching(/^https:\/\/www\.linkedin\.com\/in\//) },
      message: expect.any(String),
      evidence: expect.any(Array),
    });
  });

  it('imports a file and writes a German HTML report', () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    const imported = cli(['import', write(dir, 'Connections.csv', CONNECTIONS_2024), '--db', db]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('4 added');
    const out = join(dir, 'bericht.html');
    expect(cli(['report', '--out', out, '--db', db, '--lang', 'de']).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('ShareAudit-Bericht');
    expect(html).toContain('Erika Musterfrau');
  });

  it('a failed import exits non-zero with one line naming the file, and changes nothing', () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    cli(['import', write(dir, 'Connections.csv', CONNECTIONS_2024), '--db', db]);
    // Any command but an import records the snapshot the import owes (the failed import would too).
    expect(cli(['history', '--db', db]).code).toBe(0);
    const handle = openDatabase(db);
    expect(handle.prepare('SELECT count(*) AS n FROM audit_snapshot_owed').get()).toEqual({ n: 0 });
    const before = snapshot(handle);
    handle.close();
    const bad = write(dir, 'bad.zip', Buffer.from('PK\u0003\u0004 this is not really a zip'));
    const result = cli(['import', bad, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`shareaudit import: ${basename(bad)}: not a readable ZIP archive`);
    // The file's name is enough: no folder of the user's disk.
    expect(result.stderr).not.toContain(dir);
    const after = openDatabase(db);
    expect(snapshot(after)).toEqual(before);
    after.close();
  });

  it('usage errors exit 2 with a clear line', () => {
    expect(cli(['frobnicate'])).toMatchObject({
      code: 2,
      stderr: 'shareaudit: unknown command "frobnicate" (see shareaudit --help)\n',
    });
    expect(cli(['report'])).toMatchObject({ code: 2, stderr: 'shareaudit report: --out FILE is required\n' });
    expect(cli(['import'])).toMatchObject({ code: 2 });
    expect(cli(['audit', '--lang', 'fr'])).toMatchObject({
      code: 2,
      stderr: 'shareaudit: --lang must be de or en, not "fr"\n',
    });
  });

  it('--db defaults to the desktop app database in the per-user app-data folder', () => {
    const config = tempDir();
    expect(cli(['demo'], { XDG_CONFIG_HOME: config }).code).toBe(0);
    expect(existsSync(join(config, 'ShareAudit', 'shareaudit.db'))).toBe(true);
  });
});

describe('shareaudit import on a terminal', () => {
  it('draws a progress bar on stderr', async () => {
    const { main } = await import('../../electron/cli');
    const dir = tempDir();
    const err: string[] = [];
    const out: string[] = [];
    const code = await main(['import', write(dir, 'Connections.csv', CONNECTIONS_2024), '--db', join(dir, 'a.db')], {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      isTty: true,
    });
    expect(code).toBe(0);
    expect(err.join('')).toMatch(/\r\[#{30}\] 100% 4 rows/);
    expect(out.join('')).toContain('4 added');
  });

  it('says "1 row", not "1 rows"', async () => {
    const { main } = await import('../../electron/cli');
    const dir = tempDir();
    const out: string[] = [];
    const phones = write(dir, 'PhoneNumbers.csv', 'Extension,Number,Type\n,+49 171 5550100,Mobile\n');
    const code = await main(['import', phones, '--db', join(dir, 'a.db'), '--lang', 'en'], {
      stdout: (s) => out.push(s),
      stderr: () => undefined,
      isTty: false,
    });
    expect(code).toBe(0);
    expect(out.join('')).toContain('  PhoneNumbers.csv: your LinkedIn phone numbers, 1 row\n');
  });
});

describe("shareaudit speaks the user's language", () => {
  async function mutedDemo(): Promise<string> {
    const db = join(tempDir(), 'a.db');
    expect(cli(['demo', '--db', db]).code).toBe(0);
    const svc = new AppService({ dbPath: db }, { transport: 'browser' });
    const first = svc.audit('en').findings[0]!;
    expect(
      await svc.dispatch('finding:mute', { findingId: first.id, reason: 'meine Assistenz', until: null }),
    ).toMatchObject({
      ok: true,
    });
    svc.close();
    return db;
  }

  it('audit --lang de prints German, with grouped numbers and plurals', async () => {
    const db = await mutedDemo();
    const { code, stdout } = cli(['audit', '--db', db, '--lang', 'de']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^\d+ Kontakte · \d+ sehen Ihre E-Mail · \d+ sehen Ihre Mobilnummer · davon \d+ unbekannt$/m,
    );
    expect(stdout).toMatch(/^\d+ offene Befunde$/m);
    expect(stdout).toMatch(/^ {2}\[(hoch|mittel|niedrig)\] .+ sieht /m);
    expect(stdout).not.toMatch(/can see|open finding/);
  });

  it('follows LANG when --lang is not given', async () => {
    const db = await mutedDemo();
    expect(cli(['audit', '--db', db], { LANG: 'de_DE.UTF-8' }).stdout).toMatch(/offene Befunde/);
    expect(cli(['audit', '--db', db], { LANG: 'en_GB.UTF-8' }).stdout).toMatch(/open findings/);
  });

  it('never counts or lists a muted finding as open', async () => {
    const db = await mutedDemo();
    const json = JSON.parse(cli(['audit', '--db', db, '--json']).stdout) as {
      summary: { now: { openFindings: number } };
      findings: Array<{ muted: unknown }>;
    };
    const { stdout } = cli(['audit', '--db', db]);
    const open = Number(/^(\d+) open findings$/m.exec(stdout)?.[1]);
    expect(open).toBe(json.summary.now.openFindings);
    expect(open).toBe(json.findings.length - 1);
    expect(stdout).toContain('1 muted finding (not counted)');
    const [openPart, mutedPart] = stdout.split('1 muted finding (not counted)');
    expect(openPart).not.toContain('meine Assistenz');
    expect(mutedPart).toMatch(/— muted: meine Assistenz\n$/);
  });

  it('says what is wrong in German too', () => {
    const { code, stderr } = cli(['audit', '--lang', 'de', '--region', 'ZZ']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'shareaudit: --region muss eine Region aus zwei Buchstaben sein, etwa DE, AT oder CH, nicht „ZZ“\n',
    );
  });
});

describe('the fix loop from the command line', () => {
  it('revoke --contact, applied --on, revocations --json with its history, undo; audit shows now and after the plan', () => {
    const db = join(tempDir(), 'a.db');
    expect(cli(['demo', '--db', db]).code).toBe(0);
    const before = JSON.parse(cli(['audit', '--db', db, '--json']).stdout) as {
      summary: { now: { canSeeMobile: number }; afterPlan: { canSeeMobile: number } };
      findings: Array<{ id: string; field: string | null; contact: { profileUrl: string } | null }>;
    };
    const url = before.findings.find((f) => f.field === 'mobile')!.contact!.profileUrl;

    const revoked = cli(['revoke', '--contact', `${url.replace('https://www.', 'https://')}/`, '--db', db]);
    expect(revoked).toMatchObject({ code: 0, stderr: '' });
    expect(revoked.stdout).toMatch(
      /^#1 planned: Remove the connection on LinkedIn \(they are not notified\) — .+ \(https:\/\/www\.linkedin\.com\/in\/.+\)\n$/,
    );
    // Revoking the same person again plans nothing twice.
    expect(cli(['revoke', '--contact', url, '--db', db])).toMatchObject({ code: 1 });

    const after = JSON.parse(cli(['audit', '--db', db, '--json']).stdout) as typeof before;
    expect(after.summary.now.canSeeMobile).toBe(before.summary.now.canSeeMobile);
    expect(after.summary.afterPlan.canSeeMobile).toBe(before.summary.now.canSeeMobile - 1);

    expect(cli(['applied', '1', '--on', '2026-11-28', '--db', db]).stdout).toBe(
      '1 marked as done: a newer export will prove it\n',
    );
    const list = JSON.parse(cli(['revocations', '--json', '--db', db]).stdout) as Array<Record<string, unknown>>;
    expect(list).toEqual([
      expect.objectContaining({
        id: 1,
        action: 'remove-connection',
        target: url,
        state: 'applied',
        history: [
          expect.objectContaining({ state: 'planned', note: null }),
          expect.objectContaining({ state: 'applied', note: null }),
        ],
      }),
    ]);
    expect(cli(['undo', '1', '--db', db]).stdout).toBe('1 undone\n');
    expect(cli(['revocations', '--db', db]).stdout).toBe('No revocations yet.\n');
  });

  it('a bad revocation number or date is one clear line, in German too', () => {
    const db = join(tempDir(), 'a.db');
    expect(cli(['applied', 'x', '--db', db])).toMatchObject({
      code: 1,
      stderr: 'shareaudit applied: "x" is not a revocation number\n',
    });
    expect(cli(['applied', '1', '--on', '28.11.2026', '--db', db, '--lang', 'de'])).toMatchObject({
      code: 1,
      stderr: 'shareaudit applied: --on muss ein Datum als JJJJ-MM-TT sein, nicht „28.11.2026“\n',
    });
  });
});
