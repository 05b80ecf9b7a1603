import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../shared/rules';

const root = join(import.meta.dirname, '..', '..', '..');
const ruleFiles = readdirSync(join(root, 'shared', 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('every rule is registered, documented and tested', () => {
  it('each rule file is registered under its own id', () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...ruleFiles].sort());
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))(
    '%s has a doc page, a table test and messages in both languages',
    (id, rule) => {
      const doc = join(root, 'docs', 'rules', `${id}.md`);
      expect(existsSync(doc), `docs/rules/${id}.md`).toBe(true);
      expect(readFileSync(doc, 'utf8')).toContain(rule.meta.title.en);
      expect(existsSync(join(root, 'test', 'unit', 'rules', `${id}.test.ts`)), `test/unit/rules/${id}.test.ts`).toBe(
        true,
      );
      for (const message of Object.values(rule.meta.messages)) {
        expect(message.de.length).toBeGreaterThan(0);
        expect(message.en.length).toBeGreaterThan(0);
      }
      expect(rule.meta.title.de && rule.meta.rationale.de && rule.meta.rationale.en).toBeTruthy();
    },
  );
});
