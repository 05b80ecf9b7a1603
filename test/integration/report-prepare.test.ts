/**
 * report:prepare (the export dialog asks as it opens): the report is made once per state of the audit,
 * language and format; report:build hands over what was made; any write makes the next one anew.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { useTempDir } from '../helpers/fixtures';
import { call } from '../helpers/service';

const tempDir = useTempDir();

async function demo(): Promise<AppService> {
  const svc = new AppService(
    { dbPath: join(tempDir(), 'a.db'), now: () => new Date('2026-11-01T12:00:00Z') },
    { transport: 'browser' },
  );
  await call(svc, 'demo:load', {});
  return svc;
}

describe('report:prepare', () => {
  it('makes the report once: build hands over the prepared file, for its language and format only', async () => {
    const svc = await demo();
    expect(await call(svc, 'report:prepare', { lang: 'de', format: 'json' })).toEqual({ ready: true });
    const [a, b] = await Promise.all([svc.reportFile('de', 'json'), svc.reportFile('de', 'json')]);
    expect(b).toBe(a);
    expect(await svc.reportFile('de', 'json')).toBe(a);
    expect(await svc.reportFile('en', 'json')).not.toBe(a);
    expect(await svc.reportFile('de', 'html')).not.toBe(a);
    const built = await call(svc, 'report:build', { lang: 'de', format: 'json' });
    expect(built.data).toBe(new TextDecoder().decode(a.data));
    svc.close();
  });

  it('for a PDF prepares the model only (laid out when asked for), and keeps only the newest report', async () => {
    const svc = await demo();
    await call(svc, 'report:prepare', { lang: 'en', format: 'pdf' });
    expect(Reflect.get(Reflect.get(svc, 'reports') as object, 'reportMade')).toBeNull();
    const model = Reflect.get(Reflect.get(svc, 'reports') as object, 'modelMade') as { value: Promise<unknown> };
    const pdf = await svc.reportFile('en', 'pdf');
    expect(new TextDecoder().decode(pdf.data.slice(0, 5))).toBe('%PDF-');
    // The file was laid out from the prepared model.
    expect(Reflect.get(Reflect.get(svc, 'reports') as object, 'modelMade')).toBe(model);
    const html = await svc.reportFile('en', 'html');
    expect(await svc.reportFile('en', 'html')).toBe(html);
    expect(await svc.reportFile('en', 'pdf')).not.toBe(pdf);
    svc.close();
  });

  it('makes it anew after any write: a revocation planned since shows in the next report', async () => {
    const svc = await demo();
    await call(svc, 'report:prepare', { lang: 'en', format: 'json' });
    const before = JSON.parse((await call(svc, 'report:build', { lang: 'en', format: 'json' })).data) as {
      summary: { plannedRevocations: number };
    };
    const finding = svc.audit('en').findings.find((f) => f.contact !== null)!;
    await call(svc, 'revocation:create', { findingIds: [finding.id] });
    const after = JSON.parse((await call(svc, 'report:build', { lang: 'en', format: 'json' })).data) as {
      summary: { plannedRevocations: number };
    };
    expect(after.summary.plannedRevocations).toBe(before.summary.plannedRevocations + 1);
    svc.close();
  });

  it('hands over nothing of a forgotten database (its revisions start again)', async () => {
    const svc = await demo();
    const old = await svc.reportFile('en', 'json');
    await call(svc, 'data:forget', {});
    const fresh = await svc.reportFile('en', 'json');
    expect(fresh).not.toBe(old);
    expect(
      (JSON.parse(new TextDecoder().decode(fresh.data)) as { summary: { connections: number } }).summary.connections,
    ).toBe(0);
    svc.close();
  });
});
