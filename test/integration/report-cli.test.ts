/**
 * `shareaudit report`: each format to a file (csv: four tables into a folder), the format from the
 * file's extension, and one clear line in the user's language — with nothing written — for an
 * unknown format or a name that does not match it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const BIN = join(__dirname, '../../bin/shareaudit.mjs');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let db = '';
beforeAll(() => {
  const dir = tempDir();
  db = join(dir, 'a.db');
  expect(cli(['import', write(dir, 'Connections.csv', CONNECTIONS_2024), '--db', db]).code).toBe(0);
}, 120_000);

describe('shareaudit report', () => {
  it('writes each format: from the extension, or as --format says; csv as four tables in a folder', () => {
    const dir = tempDir();
    const html = join(dir, 'bericht.html');
    expect(cli(['report', '--out', html, '--db', db, '--lang', 'de'])).toMatchObject({
      code: 0,
      stdout: `HTML-Bericht geschrieben: ${html}\n`,
      stderr: '',
    });
    expect(readFileSync(html, 'utf8')).toContain('<h1>ShareAudit-Bericht</h1>');
    const pdf = join(dir, 'report.pdf');
    expect(cli(['report', '--out', pdf, '--db', db]).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const json = join(dir, 'report.json');
    expect(cli(['report', '--format', 'json', '--out', json, '--db', db]).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ schemaVersion: 2, lang: 'en', complete: true });
    const tables = join(dir, 'tables');
    expect(cli(['report', '--format', 'csv', '--out', tables, '--db', db]).stdout).toBe(
      `CSV report written to ${tables}\n`,
    );
    expect(readdirSync(tables).sort()).toEqual(['findings.csv', 'people.csv', 'plan.csv', 'revocations.csv']);
    expect(readFileSync(join(tables, 'people.csv'), 'utf8')).toContain('Erika Musterfrau');
  }, 120_000);

  it.each([
    [['--format', 'pdf', '--out', 'x.csv'], 'x.csv: --format pdf does not match the file name; name it .pdf'],
    [['--format', 'html', '--out', 'x.pdf'], 'x.pdf: --format html does not match the file name; name it .html'],
    [['--format', 'xls', '--out', 'x.xls'], '--format must be html, pdf, csv or json, not "xls"'],
    [
      ['--out', 'x.txt'],
      'x.txt: cannot tell the format from the file name; name it .html, .pdf or .json, or give --format (csv writes into a folder)',
    ],
    [
      ['--format', 'csv', '--out', 'x.json'],
      'x.json: --format csv writes four files into a folder; give a folder, not a file',
    ],
  ])('refuses %j with one line, and writes nothing', (args, reason) => {
    const dir = tempDir();
    const out = args.indexOf('--out') + 1;
    const path = join(dir, args[out]!);
    const withPath = args.map((a, i) => (i === out ? path : a));
    expect(cli(['report', ...withPath, '--db', db])).toEqual({
      code: 2,
      stdout: '',
      stderr: `shareaudit report: ${reason.replace(args[out]!, path)}\n`,
    });
    expect(existsSync(path)).toBe(false);
  });

  it('says so in German with --lang de', () => {
    const path = join(tempDir(), 'x.csv');
    expect(cli(['report', '--format', 'pdf', '--out', path, '--db', db, '--lang', 'de']).stderr).toBe(
      `shareaudit report: ${path}: --format pdf passt nicht zum Dateinamen; nennen Sie sie .pdf\n`,
    );
  });
});
