/**
 * Tags match the policy's trusted tags by word form, not letter for letter: "Kunden" (a Google label)
 * and "Kundin" match the trusted tag "Kunde", "Clients" matches "client". Each word is lower-cased and
 * loses one inflection ending (German -innen, -in, -en, -e, -n; English/German plural -s) as long as
 * three letters stay; a tag matches when its words' stems equal the trusted tag's (docs/familiarity.md).
 */
const ENDINGS = ['innen', 'in', 'en', 'e', 'n', 's'] as const;
const MIN_STEM = 3;

function stemWord(word: string): string {
  for (const ending of ENDINGS)
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  return word;
}

/** The stem of a tag: its words, lower-cased, each without its inflection ending. */
export function tagStem(tag: string): string {
  return tag
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(stemWord)
    .join(' ');
}

/** A matcher for the policy's trusted tags: returns the trusted tag a tag matches, or null. */
export function trustedTagMatcher(trusted: readonly string[]): (tag: string) => string | null {
  const stems = new Map<string, string>();
  for (const t of trusted) {
    const stem = tagStem(t);
    if (stem !== '' && !stems.has(stem)) stems.set(stem, t);
  }
  return (tag) => stems.get(tagStem(tag)) ?? null;
}
