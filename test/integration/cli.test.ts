import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/services/db';
import { snapshot } from '../helpers/db';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const bin = join(import.meta.dirname, '..', '..', 'bin', 'shareaudit.mjs');

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
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
    expect(doc.summary).toMatchObject({
      connections: expect.any(Number),
      canSeeEmail: expect.any(Number),
      canSeeMobile: expect.any(Number),
      unfamiliarWithAccess: expect.any(Number),
    });
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
    const handle = openDatabase(db);
    const before = snapshot(handle);
    handle.close();
    const bad = write(dir, 'bad.zip', Buffer.from('PK\u0003\u0004 this is not really a zip'));
    const result = cli(['import', bad, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`shareaudit import: ${bad}: not a readable ZIP archive`);
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
    const code = await main(['import', phones, '--db', join(dir, 'a.db')], {
      stdout: (s) => out.push(s),
      stderr: () => undefined,
      isTty: false,
    });
    expect(code).toBe(0);
    expect(out.join('')).toContain(`${phones}: linkedin-phones, 1 row\n`);
  });
});
