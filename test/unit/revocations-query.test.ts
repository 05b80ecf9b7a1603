import { describe, expect, it } from 'vitest';
import type { RevocationStatus, RevocationView } from '../../shared/domain';
import { revocationsPage } from '../../shared/revocations-query';

function revocation(id: number, status: RevocationStatus, contactName: string | null): RevocationView {
  return {
    id,
    findingId: `f${id}`,
    contactId: contactName === null ? null : id,
    field: 'mobile',
    rule: 'private-detail-unfamiliar',
    action: 'remove-connection',
    target: `${id}:*`,
    status,
    createdAt: '2026-10-01',
    appliedOn: null,
    resolvedAt: null,
    contactName,
    contactProfileUrl: null,
  };
}

const LIST = [
  revocation(6, 'planned', 'Jürgen Groß'),
  revocation(5, 'applied', 'Anna Schmidt'),
  revocation(4, 'not-applied', 'Anna Berg'),
  revocation(3, 'verified', 'Anna Schmidt-Lange'),
  revocation(2, 'confirmed-by-you', null),
  revocation(1, 'verified', 'Max Mustermann'),
];

describe('a window of the revocations', () => {
  it('groups them: still to do or prove (planned, applied, not applied), or done (verified, confirmed)', () => {
    const live = revocationsPage(LIST, { query: '', group: 'live' }, 0, 10);
    expect(live.rows.map((r) => r.id)).toEqual([6, 5, 4]);
    expect(live).toMatchObject({ total: 3, live: 3, closed: 3 });
    const closed = revocationsPage(LIST, { query: '', group: 'closed' }, 0, 10);
    expect(closed.rows.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(revocationsPage(LIST, { query: '', group: 'all' }, 0, 10).total).toBe(6);
  });

  it('searches names by every word, in any case and order; a setting (no person) is not a match', () => {
    const anna = revocationsPage(LIST, { query: 'SCHMIDT anna', group: 'all' }, 0, 10);
    expect(anna.rows.map((r) => r.id)).toEqual([5, 3]);
    expect(anna).toMatchObject({ total: 2, live: 1, closed: 1 });
    expect(revocationsPage(LIST, { query: 'groß', group: 'all' }, 0, 10).rows.map((r) => r.id)).toEqual([6]);
    expect(revocationsPage(LIST, { query: '  ', group: 'all' }, 0, 10).total).toBe(6);
  });

  it('is a window of the match: offset and limit, counts of the whole match', () => {
    const page = revocationsPage(LIST, { query: 'anna', group: 'all' }, 1, 1);
    expect(page.rows.map((r) => r.id)).toEqual([4]);
    expect(page).toMatchObject({ total: 3, live: 2, closed: 1 });
  });
});
