/**
 * The alphabetical order of the contacts' names as numbers: the audit sorts 60,000 findings of a heavy
 * user by name, and comparing two numbers is what makes that sort cheap — the collator compares each
 * of the 30,000 names with a few others once, not the names of two findings ≈ a million times.
 */
import type { Contact, Lang } from './domain';

/** Per list of contacts (kept while only mutes and revocations change) and language. */
const cache = new WeakMap<readonly Contact[], Map<Lang, ReadonlyMap<number, number>>>();

/**
 * Each contact's place among the names, by `collator` (numeric: "Vorname1008" before "Vorname10079").
 * Names the collator holds equal share a place; `NO_NAME` (a finding about no person, sorted as "")
 * has the place "" would have.
 */
export function nameRanks(
  contacts: readonly Contact[],
  lang: Lang,
  collator: Intl.Collator,
): ReadonlyMap<number, number> {
  let byLang = cache.get(contacts);
  if (!byLang) cache.set(contacts, (byLang = new Map()));
  const hit = byLang.get(lang);
  if (hit) return hit;
  const entries: Array<[id: number, name: string]> = contacts.map((c) => [c.id, c.name]);
  entries.push([NO_NAME, '']);
  entries.sort((a, b) => collator.compare(a[1], b[1]));
  const ranks = new Map<number, number>();
  let rank = 0;
  entries.forEach(([id, name], i) => {
    if (i > 0 && collator.compare(entries[i - 1]![1], name) !== 0) rank++;
    ranks.set(id, rank);
  });
  byLang.set(lang, ranks);
  return ranks;
}

/** The id standing for "no person" in nameRanks (contact ids are positive). */
export const NO_NAME = -1;
