import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain';
import { nameRanks, NO_NAME } from '../../shared/name-order';

const contact = (id: number, name: string): Contact => ({
  id,
  key: `k${id}`,
  network: 'linkedin',
  name,
  profileUrl: null,
  company: null,
  position: null,
  connectedOn: null,
});

describe('nameRanks: the order of names as numbers', () => {
  const collator = new Intl.Collator('de', { numeric: true });
  const contacts = [
    contact(1, 'Vorname10079'),
    contact(2, 'Vorname1008'),
    contact(3, 'Émile Zola'),
    contact(4, 'Max Muster'),
    contact(5, 'Max Muster'),
    contact(6, 'Anna Beispiel'),
  ];

  it('orders as the collator does: numeric, accents in place, "no person" first', () => {
    const ranks = nameRanks(contacts, 'de', collator);
    const byRank = [...contacts].sort((a, b) => ranks.get(a.id)! - ranks.get(b.id)! || a.id - b.id);
    expect(byRank.map((c) => c.name)).toEqual([
      'Anna Beispiel',
      'Émile Zola',
      'Max Muster',
      'Max Muster',
      'Vorname1008',
      'Vorname10079',
    ]);
    expect(ranks.get(NO_NAME)).toBe(0);
    // Every pair compares as the collator compares the names.
    for (const a of contacts)
      for (const b of contacts)
        expect(Math.sign(ranks.get(a.id)! - ranks.get(b.id)!)).toBe(Math.sign(collator.compare(a.name, b.name)));
  });

  it('gives equal names one place (the next keys decide, not the order of the contacts)', () => {
    const ranks = nameRanks(contacts, 'de', collator);
    expect(ranks.get(4)).toBe(ranks.get(5));
  });

  it('is kept per list of contacts and language', () => {
    expect(nameRanks(contacts, 'de', collator)).toBe(nameRanks(contacts, 'de', collator));
    expect(nameRanks([...contacts], 'de', collator)).not.toBe(nameRanks(contacts, 'de', collator));
  });
});
