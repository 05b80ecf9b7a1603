import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();

function service(dir: string, today: string) {
  return new AppService(
    { dbPath: join(dir, 'a.db'), now: () => new Date(`${today}T12:00:00Z`) },
    { transport: 'browser' },
  );
}

describe('muting a finding', () => {
  it('keeps it listed as muted, out of the counts and the score, until its expiry', async () => {
    const dir = tempDir();
    const svc = service(dir, '2026-11-01');
    await svc.dispatch('import:run', { sources: [{ path: write(dir, 'Connections.csv', CONNECTIONS_2024) }] });
    const before = svc.audit('en');
    const target = before.findings[0]!;
    expect(
      await svc.dispatch('finding:mute', { findingId: target.id, reason: 'my assistant', until: '2026-12-31' }),
    ).toEqual({ ok: true, value: { muted: true } });
    const muted = svc.audit('en');
    expect(muted.findings).toHaveLength(before.findings.length);
    expect(muted.findings.find((f) => f.id === target.id)!.muted).toEqual({
      reason: 'my assistant',
      until: '2026-12-31',
    });
    expect(muted.findings.at(-1)!.id).toBe(target.id);
    expect(muted.summary.openFindings).toBe(before.summary.openFindings - 1);
    svc.close();

    // After the expiry date the finding is open again.
    const later = service(dir, '2027-01-01');
    expect(later.audit('en').findings.find((f) => f.id === target.id)!.muted).toBeNull();
    later.close();
  });

  it('needs a reason, refuses unknown findings, and can be undone', async () => {
    const dir = tempDir();
    const svc = service(dir, '2026-11-01');
    await svc.dispatch('import:run', { sources: [{ path: write(dir, 'Connections.csv', CONNECTIONS_2024) }] });
    const id = svc.audit('en').findings[0]!.id;
    expect(await svc.dispatch('finding:mute', { findingId: id, reason: '   ', until: null })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await svc.dispatch('finding:mute', { findingId: 'nope:1:mobile', reason: 'x', until: null })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await svc.dispatch('finding:mute', { findingId: id, reason: 'known from school', until: null });
    expect(await svc.dispatch('finding:unmute', { findingId: id })).toEqual({ ok: true, value: { unmuted: true } });
    expect(svc.audit('en').findings.find((f) => f.id === id)!.muted).toBeNull();
    svc.close();
  });
});
