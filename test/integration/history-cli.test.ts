/** `shareaudit history --json`: each run with the snapshot of the audit it left (docs/cli-history-json.md). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const bin = join(import.meta.dirname, '..', '..', 'bin', 'shareaudit.mjs');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('shareaudit history', () => {
  it('--json lists the runs, newest first, each with its snapshot; the text output is as before', () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    expect(cli(['demo', '--db', db]).code).toBe(0);
    expect(cli(['import', write(dir, 'Connections.csv', CONNECTIONS_2024), '--db', db]).code).toBe(0);
    const audit = JSON.parse(cli(['audit', '--json', '--db', db]).stdout) as {
      summary: { now: { connections: number; openFindings: number } };
      score: { now: number; afterPlan: number };
      findings: Array<{ severity: string; muted: unknown }>;
    };

    const { code, stdout } = cli(['history', '--json', '--db', db]);
    expect(code).toBe(0);
    const runs = JSON.parse(stdout) as Array<Record<string, unknown> & { snapshot: Record<string, unknown> }>;
    expect(runs.map((r) => r.origin)).toEqual(['file', 'demo']);
    const [latest] = runs;
    expect(Object.keys(latest!)).toEqual([
      'id',
      'startedAt',
      'origin',
      'files',
      'ignored',
      'added',
      'updated',
      'unchanged',
      'removed',
      'warnings',
      'durationMs',
      'snapshot',
    ]);
    const open = audit.findings.filter((f) => f.muted === null);
    expect(latest!.snapshot).toEqual({
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      cause: 'import',
      connections: audit.summary.now.connections,
      score: { now: audit.score.now, afterPlan: audit.score.afterPlan },
      openFindings: audit.summary.now.openFindings,
      findings: {
        bySeverity: {
          high: open.filter((f) => f.severity === 'high').length,
          medium: open.filter((f) => f.severity === 'medium').length,
          low: open.filter((f) => f.severity === 'low').length,
        },
        byRule: expect.any(Object),
      },
      exposure: {
        byDetail: expect.objectContaining({
          privateEmail: {
            now: expect.any(Number),
            afterPlan: expect.any(Number),
            known: expect.any(Number),
            acquainted: expect.any(Number),
            unfamiliar: expect.any(Number),
          },
        }),
      },
      revocations: { planned: 0, applied: 0, verified: 0, 'not-applied': 0, 'confirmed-by-you': 0, undone: 0 },
      moved: { verified: 0, notApplied: 0, confirmed: 0, applied: 0 },
    });
    // The demo's run left the demo's audit: more people, another score.
    expect(runs[1]!.snapshot).toMatchObject({ cause: 'import', connections: 344 });

    const text = cli(['history', '--db', db]).stdout;
    expect(text).not.toContain('snapshot');
    expect(text.split('\n').filter((l) => /^\S/.test(l))).toEqual([
      expect.stringMatching(/^#2 .* file: 4 added, 0 updated, 0 unchanged, 320 removed, 1 warning, \d+ ms$/),
      expect.stringMatching(/^#1 .* demo: 418 added, 0 updated, 0 unchanged, 0 removed, 0 warnings, \d+ ms$/),
    ]);
  });
});
