import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..') });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint enforces where code runs', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'shared/probe.ts'],
    ["import { app } from 'electron';\nexport const x = app;\n", 'shared/probe.ts'],
    ["import Database from 'better-sqlite3';\nexport const x = Database;\n", 'shared/probe.ts'],
    [
      "import { AppService } from '../electron/services/app-service';\nexport const x = AppService;\n",
      'shared/probe.ts',
    ],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'renderer/src/probe.ts'],
    ["import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'renderer/src/probe.ts'],
    ["import { App } from '../../renderer/src/App';\nexport const x = App;\n", 'electron/services/probe.ts'],
  ])('refuses %j in %s', async (code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-imports');
  });

  it('refuses platform globals in shared/', async () => {
    expect(await ruleIds('export const x = () => document.title;\n', 'shared/probe.ts')).toContain(
      'no-restricted-globals',
    );
  });

  it('allows pure imports in shared/', async () => {
    expect(await ruleIds("import { z } from 'zod';\nexport const x = z.string();\n", 'shared/probe.ts')).toEqual([]);
  });
});
