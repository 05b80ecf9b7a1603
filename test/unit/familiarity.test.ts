import { describe, expect, it } from 'vitest';
import { contextFor, type Person } from '../helpers/rules';

const judge = (person: Person) => contextFor(person).familiarity.get(1)!;

describe('familiarity is judged from evidence, each piece explained', () => {
  it.each<[string, Person, string, number]>([
    ['two-way messages', { sent: 2, received: 3 }, 'known', 60],
    ['in an address book by email', { inAddressBook: 'email' }, 'known', 50],
    ['in an address book by bare name only', { inAddressBook: 'name', connectedOn: null }, 'acquainted', 25],
    ['tagged "Kunde"', { tags: ['Kunde'], connectedOn: null }, 'acquainted', 40],
    [
      'tagged "Kunde" and invited with a personal note',
      {
        tags: ['Kunde'],
        invitation: { direction: 'outgoing', message: 'Danke für das Gespräch zum Projekt Nordstern gestern in Köln.' },
        connectedOn: null,
      },
      'known',
      70,
    ],
    [
      'an outgoing invitation with the default sentence does not count',
      {
        invitation: { direction: 'outgoing', message: "I'd like to add you to my professional network on LinkedIn." },
        connectedOn: null,
      },
      'unfamiliar',
      0,
    ],
    ['only their messages', { received: 4, connectedOn: null }, 'unfamiliar', 0],
    ['connected 6 years, never a word', { connectedOn: '2020-06-01' }, 'unfamiliar', -30],
  ])('%s', (_name, person, level, score) => {
    const j = judge(person);
    expect(j.level).toBe(level);
    expect(j.score).toBe(score);
    expect(j.evidence.reduce((n, e) => n + (e.points ?? 0), 0)).toBe(score);
  });
});
