/**
 * The report's catalogue keys are all in use: each `report.*` message (and the keys the report once
 * had elsewhere) is named by the code, literally or through a template such as `status.${status}`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../shared/i18n';

const ROOT = join(__dirname, '../..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    // The catalogues themselves do not count as a use.
    else if (/\.tsx?$/.test(name) && !/[\\/]i18n[\\/]/.test(path)) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

/** Whether the code names `key` (with or without its "report." prefix), or builds it from a prefix of it. */
function used(code: string, key: string): boolean {
  const names = [key, key.replace(/^report\./, '')];
  if (names.some((n) => code.includes(`'${n}'`) || code.includes(`"${n}"`) || code.includes(`\`${n}\``))) return true;
  const parts = names[1]!.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const prefix = parts.slice(0, i).join('.');
    if (code.includes(`\`${prefix}.\${`) || code.includes(`\`report.${prefix}.\${`)) return true;
  }
  return false;
}

describe('the report’s messages', () => {
  const code = ['shared', 'electron', 'renderer/src'].flatMap((d) => sources(join(ROOT, d))).join('\n');

  it('every report.* key of the catalogue is used by the code', () => {
    const keys = Object.keys(CATALOGUES.en).filter((k) => k.startsWith('report.'));
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.filter((k) => !used(code, k))).toEqual([]);
  });

  it('keys the report no longer uses are gone from both languages', () => {
    for (const key of ['cli.reportWritten', 'error.import']) {
      expect(used(code, key)).toBe(false);
      expect(Object.keys(CATALOGUES.en)).not.toContain(key);
      expect(Object.keys(CATALOGUES.de)).not.toContain(key);
    }
  });
});
