import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAuditState, computeAudit, computeAuditBase } from '../../shared/audit';
import type { AuditResult } from '../../shared/domain';
import { AppService } from '../../electron/services/app-service';
import { AuditCache } from '../../electron/services/audit-cache';
import { beginServing, pageLoadEnded, pageLoading } from '../../electron/services/foreground';
import { AuditService } from '../../electron/services/audit-service';
import { getPolicy, loadAuditInput } from '../../electron/services/store';
import { useTempDir } from '../helpers/fixtures';
import { call } from '../helpers/service';

const tempDir = useTempDir();
const NOW = new Date('2026-11-01T12:00:00Z');

async function demo(): Promise<{ svc: AppService; dbPath: string }> {
  const dbPath = join(tempDir(), 'a.db');
  const svc = new AppService({ dbPath, now: () => NOW }, { transport: 'browser' });
  expect((await svc.dispatch('demo:load', {})).ok).toBe(true);
  return { svc, dbPath };
}

/** The audit computed from scratch, both phases, from what the database holds now. */
function recomputed(svc: AppService): AuditResult {
  return computeAudit(loadAuditInput(svc.db), 'en', NOW, getPolicy(svc.db));
}

/** A finding no write below touches: the same object while only the second phase ran. */
function untouched(audit: AuditResult) {
  return audit.findings.find((f) => f.contact !== null && f.muted === null && f.revocation === null)!;
}

describe('a write of mutes or revocations runs only the second phase of the audit', () => {
  it('revoke, mark applied, mute, unmute and undo after a cached audit give exactly the full recomputation', async () => {
    const { svc } = await demo();
    const first = svc.audit('en');
    const kept = first.findings.filter((f) => f.contact && f.field).at(-1)!;

    const [a, b] = first.findings.filter((f) => f.contact && f.field && f.contact.id !== kept.contact!.id);
    const { ids } = await call(svc, 'revocation:create', { findingIds: [a!.id] });
    let now = svc.audit('en');
    expect(now).toEqual(recomputed(svc));
    expect(now.summary.plannedRevocations).toBe(1);
    // The rules did not run again: findings the write does not touch are the very same objects.
    expect(now.findings.find((f) => f.id === kept.id)).toBe(first.findings.find((f) => f.id === kept.id));

    await call(svc, 'revocation:applied', { ids: [ids[0]![0]], on: '2026-11-01' });
    now = svc.audit('en');
    expect(now).toEqual(recomputed(svc));

    await call(svc, 'finding:mute', { findingId: b!.id, reason: 'Assistenz', until: null });
    await call(svc, 'revocation:create', { filter: { query: '', severity: 'high' }, except: [] });
    now = svc.audit('en');
    expect(now).toEqual(recomputed(svc));
    expect(now.findings.at(-1)!.muted).not.toBeNull();

    await call(svc, 'finding:unmute', { findingId: b!.id });
    await call(svc, 'revocation:undo', { ids: now.revocations.map((r) => r.id) });
    now = svc.audit('en');
    expect(now).toEqual(recomputed(svc));
    expect(now.summary.plannedRevocations).toBe(0);
    expect(untouched(now)).toBe(untouched(first));
    svc.close();
  });

  it('computes both phases again when anything else changed, here or in another connection', async () => {
    const { svc, dbPath } = await demo();
    const first = svc.audit('en');
    const finding = untouched(first);
    // A change of the facts between two state writes: the first phase is stale.
    await call(svc, 'finding:mute', { findingId: finding.id, reason: 'Assistenz', until: null });
    svc.db.prepare(`UPDATE contact SET removed_on = '2026-10-31' WHERE id = ?`).run(finding.contact!.id);
    await call(svc, 'finding:unmute', { findingId: finding.id });
    let now = svc.audit('en');
    expect(now).toEqual(recomputed(svc));
    expect(now.findings.some((f) => f.contact?.id === finding.contact!.id)).toBe(false);

    // Another connection changes a fact (the CLI, while the app is open), then a state write.
    const before = svc.audit('en');
    const other = new Database(dbPath);
    other.prepare(`UPDATE contact SET removed_on = NULL`).run();
    other.close();
    await call(svc, 'finding:mute', { findingId: before.findings[0]!.id, reason: 'Assistenz', until: null });
    now = svc.audit('en');
    expect(now).toEqual(recomputed(svc));
    expect(now.findings.some((f) => f.contact?.id === finding.contact!.id)).toBe(true);
    svc.close();
  });
});

describe('the audit warmed at start', () => {
  it('is computed in steps before any request, and a change meanwhile leaves it to the next request', async () => {
    const { svc } = await demo();
    const cache = new AuditCache(svc.db, () => NOW);
    expect(cache.isCurrent).toBe(false);
    await cache.warm();
    expect(cache.isCurrent).toBe(true);
    expect(cache.audit('en')).toEqual(recomputed(svc));
    // Once idle, the findings are indexed by id for the next revoke or mute (it does not pay for it).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const entry = Reflect.get(cache, 'entry') as { byId: ReadonlyMap<string, unknown> | null };
    expect(entry.byId?.size).toBe(cache.audit('en').findings.length);
    const some = cache.audit('en').findings.at(-1)!;
    expect(cache.finding(some.id)).toBe(some);

    const again = new AuditCache(svc.db, () => NOW);
    const warming = again.warm();
    // A write between two of its steps: what it read is stale, and it stops.
    svc.db.prepare(`UPDATE contact SET removed_on = '2026-10-31' WHERE id = (SELECT MIN(id) FROM contact)`).run();
    await warming;
    expect(again.isCurrent).toBe(false);
    expect(again.audit('en')).toEqual(recomputed(svc));
    svc.close();
  });

  it("takes no step while a file of the page is being served: the page's code comes first", async () => {
    const { svc } = await demo();
    const cache = new AuditCache(svc.db, () => NOW);
    const served = beginServing();
    let done = false;
    const warming = cache.warm().then(() => (done = true));
    // However many turns of the event loop pass, it waits for the file.
    for (let turn = 0; turn < 50; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    expect(cache.isCurrent).toBe(false);
    served();
    await warming;
    expect(cache.isCurrent).toBe(true);
    expect(cache.audit('en')).toEqual(recomputed(svc));
    svc.close();
  });

  it('while a page loads, counts its numbers but builds no findings until the page asks for more', async () => {
    const { svc } = await demo();
    const audits = new AuditService(svc.db, () => NOW);
    const cache = audits.cache;
    // No cap within the test's time: only a request for more than the numbers ends the page's load.
    pageLoading(10 * 60_000);
    try {
      let done = false;
      const warming = cache.warm().then(() => (done = true));
      // Counted while the page loads (its numbers need them) …
      const early = await cache.numbers();
      expect(early.audit.summary).toEqual(recomputed(svc).summary);
      const idle = async (): Promise<void> => {
        for (let turn = 0; turn < 50; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
      };
      // … but the findings wait, however many turns of the event loop pass …
      await idle();
      expect(done).toBe(false);
      expect(cache.isCurrent).toBe(false);
      // … also once the numbers were answered: the page still draws them.
      expect((await audits.summary()).summary).toEqual(early.audit.summary);
      await idle();
      expect(done).toBe(false);
      expect(cache.isCurrent).toBe(false);
      // The page asks for the findings: computed at once, and the warm-up, overtaken, stops.
      expect(cache.audit('en')).toEqual(recomputed(svc));
      await warming;
      expect(cache.isCurrent).toBe(true);
    } finally {
      pageLoadEnded();
      svc.close();
    }
  });

  it('a request for the findings while the warm-up builds them finishes the steps it took: the same audit', async () => {
    const { svc } = await demo();
    // A clock that moves on (the same day): the audit says at which moment it was made.
    let tick = 0;
    const clock = (): Date => new Date(NOW.getTime() + 1000 * tick++);
    const cache = new AuditCache(svc.db, clock);
    const warming = cache.warm();
    await cache.numbers();
    // The full audit is under way: a few of its steps taken, then a page starts loading and holds the rest.
    for (let turn = 0; turn < 3; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    pageLoading(10 * 60_000);
    try {
      expect(cache.isCurrent).toBe(false);
      const askedAt = clock();
      const audit = cache.audit('en');
      // Finished from the warm-up's steps (made at its moment, before the request), not computed anew …
      expect(new Date(audit.generatedAt).getTime()).toBeLessThan(askedAt.getTime());
      // … and the same audit the database gives from scratch at that moment.
      const fresh = computeAudit(loadAuditInput(svc.db), 'en', new Date(audit.generatedAt), getPolicy(svc.db));
      expect(audit).toEqual(fresh);
      expect(audit.findings.length).toBeGreaterThan(0);
      // The request ended the page's load: the warm-up goes on, sees it was overtaken, and stops.
      await warming;
      expect(cache.audit('en')).toBe(audit);
    } finally {
      pageLoadEnded();
      svc.close();
    }
  });

  it('while it waits for a page, a change or a request for findings is answered at once, from the database', async () => {
    const { svc } = await demo();
    const open = svc.audit('en').findings.filter((f) => f.contact !== null);
    for (const ask of ['numbers after a change', 'findings'] as const) {
      const cache = new AuditCache(svc.db, () => NOW);
      // A page that never asks (no cap within the test's time): nothing here may wait for it.
      pageLoading(10 * 60_000);
      try {
        const warming = cache.warm();
        await cache.numbers();
        if (ask === 'numbers after a change') {
          // Counted, then muted: the count is stale, and the warm-up waits for the page — not this.
          await call(svc, 'finding:mute', { findingId: open[0]!.id, reason: 'known', until: null });
          const after = await cache.numbers();
          expect(after.audit.summary).toEqual(recomputed(svc).summary);
        } else {
          expect(cache.audit('en')).toEqual(recomputed(svc));
        }
        // That request ended the page's load: the warm-up goes on, sees it was overtaken, and stops.
        await warming;
        expect(cache.audit('en')).toEqual(recomputed(svc));
      } finally {
        pageLoadEnded();
      }
    }
    svc.close();
  });

  it("answers the first view's numbers as soon as it counted them, before the findings are built — the same numbers", async () => {
    const { svc } = await demo();
    // With some findings muted and revoked, so that every number has something to count.
    const open = svc.audit('en').findings.filter((f) => f.contact !== null);
    await call(svc, 'finding:mute', { findingId: open[0]!.id, reason: 'known', until: null });
    await call(svc, 'revocation:create', { findingIds: [open[1]!.id, open[2]!.id] });
    const cache = new AuditCache(svc.db, () => NOW);
    const warming = cache.warm();
    const early = await cache.numbers();
    // Asked during the warm-up: answered from its count, the findings not yet built.
    expect(cache.isCurrent).toBe(false);
    expect(early.audit.findings).toEqual([]);
    await warming;
    const full = recomputed(svc);
    expect(early.audit.summary).toEqual(full.summary);
    expect(early.audit.score).toEqual(full.score);
    expect(early.audit.scoreAfterPlan).toEqual(full.scoreAfterPlan);
    expect(early.audit.byField).toEqual(full.byField);
    expect(early.audit.myDetails).toEqual(full.myDetails);
    expect(early.audit.generatedAt).toBe(full.generatedAt);
    // The full audit installed takes the revision the count announced.
    expect(await cache.numbers()).toEqual({ audit: cache.audit('en'), revision: early.revision });
    svc.close();
  });
});

describe('the second phase asks only the people revoked', () => {
  it('gives what asking every finding and share gives, for any set of revocations about people', async () => {
    const { svc } = await demo();
    // Every kind of revocation the demo user can plan: one per action of every open finding.
    await call(svc, 'revocation:create', { filter: { query: '', severity: 'all' }, except: [] });
    const input = loadAuditInput(svc.db);
    const all = input.revocations;
    expect(all.length).toBeGreaterThan(5);
    const base = computeAuditBase(input, 'en', NOW, getPolicy(svc.db));
    const subsets = [[], all, all.slice(0, 1), all.slice(-3), all.filter((_, i) => i % 2 === 0)];
    for (let seed = 1; seed <= 20; seed++) subsets.push(all.filter((_, i) => (i * 7919 + seed * 104729) % 5 < 2));
    for (const revocations of subsets) {
      const state = { mutes: input.mutes, revocations };
      const fast = applyAuditState(base, state, NOW);
      expect(fast).toEqual(applyAuditState(base, state, NOW, true));
    }
    svc.close();
  });
});
