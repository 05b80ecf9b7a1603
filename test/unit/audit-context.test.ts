/**
 * The familiarity judgements an audit was given are kept for the what-if and the charts (shared/
 * audit-context.ts): judged once per facts, policy and day. An audit of another day (the snapshot an
 * import owes, of the import's day) must not push out today's.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AuditFacts } from '../../shared/audit';
import { cachedFamiliarity, warmFamiliarity } from '../../shared/audit-context';
import type { Contact } from '../../shared/domain';
import { DEFAULT_POLICY } from '../../shared/policy';
import { runAtOnce } from '../../shared/slices';
import { judgeFamiliarity } from '../../shared/familiarity';

// Judging is counted (and done as ever): what is kept must not be judged again.
vi.mock('../../shared/familiarity', async (original) => {
  const actual = await original<typeof import('../../shared/familiarity')>();
  return { ...actual, judgeFamiliarity: vi.fn(actual.judgeFamiliarity) };
});
const judged = vi.mocked(judgeFamiliarity);

const person = (id: number): Contact => ({
  id,
  network: 'linkedin',
  key: `linkedin.com/in/p${id}`,
  name: `Person ${id}`,
  profileUrl: null,
  company: null,
  position: null,
  connectedOn: '2024-01-01',
});

function facts(): AuditFacts {
  return {
    contacts: [person(1), person(2)],
    interactions: [{ contactId: 1, sent: 3, received: 2, firstAt: '2025-01-01', lastAt: '2026-10-01' }],
    addressBookLinks: [],
    tags: [],
    invitations: [],
    myDetails: [],
    sharing: undefined as never,
    uploadedBooks: [],
  } as unknown as AuditFacts;
}

const TODAY = new Date('2026-11-01T12:00:00Z');
const IMPORT_DAY = new Date('2026-10-20T08:00:00Z');
const EARLIER = new Date('2026-09-01T08:00:00Z');

describe('familiarity judged once per facts, policy and day', () => {
  it("keeps today's judgements through an audit of another day", () => {
    const input = facts();
    const today = cachedFamiliarity(input, DEFAULT_POLICY, TODAY);
    const importDay = cachedFamiliarity(input, DEFAULT_POLICY, IMPORT_DAY);
    expect(importDay).not.toBe(today);
    judged.mockClear();
    expect(cachedFamiliarity(input, DEFAULT_POLICY, TODAY)).toBe(today);
    expect(judged).not.toHaveBeenCalled();
    expect(cachedFamiliarity(input, DEFAULT_POLICY, IMPORT_DAY)).toBe(importDay);
  });

  it('keeps two: a third day pushes out the one used longest ago', () => {
    const input = facts();
    const today = cachedFamiliarity(input, DEFAULT_POLICY, TODAY);
    const importDay = cachedFamiliarity(input, DEFAULT_POLICY, IMPORT_DAY);
    cachedFamiliarity(input, DEFAULT_POLICY, TODAY);
    cachedFamiliarity(input, DEFAULT_POLICY, EARLIER);
    expect(cachedFamiliarity(input, DEFAULT_POLICY, TODAY)).toBe(today);
    const judgedAgain = cachedFamiliarity(input, DEFAULT_POLICY, IMPORT_DAY);
    expect(judgedAgain).not.toBe(importDay);
    expect(judgedAgain).toEqual(importDay);
  });

  it('the warm-up judges what the audit then finds; other facts or another policy are judged anew', () => {
    const input = facts();
    runAtOnce(warmFamiliarity(input, DEFAULT_POLICY, TODAY));
    judged.mockClear();
    const warmed = cachedFamiliarity(input, DEFAULT_POLICY, TODAY);
    expect(judged).not.toHaveBeenCalled();
    expect(cachedFamiliarity(input, DEFAULT_POLICY, TODAY)).toBe(warmed);
    expect(cachedFamiliarity({ ...input, interactions: [] }, DEFAULT_POLICY, TODAY)).not.toBe(warmed);
    expect(cachedFamiliarity(input, { ...DEFAULT_POLICY }, TODAY)).not.toBe(warmed);
    expect(warmed.get(1)?.level).not.toBe(
      cachedFamiliarity({ ...input, interactions: [] }, DEFAULT_POLICY, TODAY).get(1)?.level,
    );
  });
});
