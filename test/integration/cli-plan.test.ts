/** `shareaudit plan`: the same plan as the app, as text (de/en) and as documented JSON (docs/cli-plan-json.md). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/fixtures';

const tempDir = useTempDir();
const bin = join(import.meta.dirname, '..', '..', 'bin', 'shareaudit.mjs');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface PlanJson {
  variant: string;
  effort: number;
  cleared: number;
  left: string[];
  collateral: string[];
  score: { now: number; beforePlan: number; afterPlan: number };
  steps: Array<{
    action: string;
    network: string;
    target: string;
    url: string;
    clears: string[];
    collateral: string[];
    scoreAfter: number;
  }>;
}

function demoDb(): string {
  const db = join(tempDir(), 'plan.db');
  expect(cli(['demo', '--db', db]).code).toBe(0);
  return db;
}

describe('shareaudit plan', () => {
  it('--json: steps with action, network, target, url, clears and collateral; every open finding cleared once', () => {
    const db = demoDb();
    const audit = JSON.parse(cli(['audit', '--db', db, '--json']).stdout) as {
      findings: Array<{ id: string; muted: unknown; revocation: unknown }>;
    };
    const open = audit.findings.filter((f) => !f.muted && !f.revocation).map((f) => f.id);
    const { code, stdout } = cli(['plan', '--db', db, '--json']);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as PlanJson;
    expect(plan.variant).toBe('fewest');
    const cleared = plan.steps.flatMap((s) => s.clears);
    expect(cleared.sort()).toEqual(open.sort());
    expect(plan.steps[0]).toMatchObject({
      action: 'narrow-email-audience',
      network: 'linkedin',
      target: 'narrow-email-audience:only-you',
    });
    expect(plan.steps[0]!.url).toMatch(/^https:\/\/www\.linkedin\.com\//);
    expect(plan.steps[0]!.collateral.every((u) => u.startsWith('https://www.linkedin.com/in/'))).toBe(true);
    expect(plan.score.afterPlan).toBe(0);

    const keep = JSON.parse(cli(['plan', '--db', db, '--json', '--variant', 'keep-known']).stdout) as PlanJson;
    expect(keep.collateral).toEqual([]);
    expect(keep.steps.some((s) => s.action === 'remove-connection' && s.target.startsWith('https://'))).toBe(true);
    expect(keep.steps.flatMap((s) => s.clears).length + keep.left.length).toBe(open.length);
  });

  it('prints the steps in German, and refuses an unknown variant in one line', () => {
    const db = demoDb();
    const de = cli(['plan', '--db', db, '--lang', 'de']);
    expect(de.code).toBe(0);
    expect(de.stdout).toMatch(/^Wenigste Schritte: \d Schritte, behebt/);
    expect(de.stdout).toContain('„Wer kann Ihre E-Mail-Adresse sehen“ auf „Nur für mich sichtbar“ stellen');
    const bad = cli(['plan', '--db', db, '--variant', 'all']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toBe('shareaudit plan: --variant must be fewest, keep-known or emergency, not "all"\n');
  });
});
