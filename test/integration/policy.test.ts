import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy';
import { useTempDir } from '../helpers/fixtures';

const tempDir = useTempDir();

describe('the policy', () => {
  it('ships as the German/English default and, once edited, drives the audit and persists', async () => {
    const dir = tempDir();
    const svc = new AppService(
      { dbPath: join(dir, 'a.db'), now: () => new Date('2026-11-01T12:00:00Z') },
      { transport: 'browser' },
    );
    await svc.dispatch('demo:load', {});
    const got = await svc.dispatch('policy:get', {});
    expect(got).toEqual({ ok: true, value: DEFAULT_POLICY });
    const collectorsBefore = svc.audit('en').findings.filter((f) => f.rule === 'likely-collector').length;
    expect(collectorsBefore).toBeGreaterThan(0);

    const policy = structuredClone(DEFAULT_POLICY) as Policy;
    policy.collector.roles = [];
    policy.collector.phrases = [];
    expect((await svc.dispatch('policy:set', { policy })).ok).toBe(true);
    expect(svc.audit('en').findings.filter((f) => f.rule === 'likely-collector')).toEqual([]);
    svc.close();

    const reopened = new AppService({ dbPath: join(dir, 'a.db') }, { transport: 'browser' });
    expect(await reopened.dispatch('policy:get', {})).toEqual({ ok: true, value: policy });
    reopened.close();
  });

  it('refuses an invalid policy at the boundary', async () => {
    const svc = new AppService({ dbPath: join(tempDir(), 'a.db') }, { transport: 'browser' });
    const bad = { ...DEFAULT_POLICY, staleYears: 0 };
    expect(await svc.dispatch('policy:set', { policy: bad })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    svc.close();
  });
});
