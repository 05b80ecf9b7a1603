import { ME, nameKey } from './linkedin';
import type { Collected } from './gather';

export interface InteractionStats {
  sent: number;
  received: number;
  /** As messageDateKey() writes them (dateFromKey() makes ISO of them). */
  first: number | null;
  last: number | null;
}

/** Per-person counts relative to the user, by participant key; by name only when asked. */
export class Interactions {
  private aliases: Map<string, InteractionStats> | null = null;

  constructor(
    private readonly byKey: Map<string, InteractionStats>,
    /** Profile-URL keys and the names they came with. */
    private readonly names: ReadonlyArray<readonly [string, string]>,
  ) {}

  /** By participant key, else by the person's name (messages may carry another form of URL). */
  find(key: string, name: string): InteractionStats | undefined {
    const direct = this.byKey.get(key);
    if (direct !== undefined) return direct;
    const byName = nameKey(name);
    return this.byKey.get(byName) ?? this.nameIndex().get(byName);
  }

  /** Built on the first miss only: naming 30,000 people costs more than all the rest. */
  private nameIndex(): Map<string, InteractionStats> {
    if (this.aliases === null) {
      this.aliases = new Map();
      for (const [key, name] of this.names) {
        const s = this.byKey.get(key);
        const byName = nameKey(name);
        if (s && !this.aliases.has(byName)) this.aliases.set(byName, s);
      }
    }
    return this.aliases;
  }
}

/** Turns "who wrote to whom" pairs into per-person counts relative to the user. */
export function interactionsByParticipant(messages: Collected['messages']): Interactions {
  const stats = new Map<string, InteractionStats>();
  const names: Array<readonly [string, string]> = [];
  for (const file of messages) {
    let me = file.participants.indexOf(ME);
    if (!file.legacy) {
      // The user is in every conversation of their own export: the most frequent participant.
      // On a tie the smaller key, so that the order in which people were met does not matter.
      let best = 0;
      file.appearances.forEach((n, id) => {
        if (n > best || (n === best && n > 0 && file.participants[id]! < file.participants[me]!)) [me, best] = [id, n];
      });
    }
    const add = (
      other: number,
      field: 'sent' | 'received',
      count: number,
      first: number | null,
      last: number | null,
    ): void => {
      const key = file.participants[other]!;
      let s = stats.get(key);
      if (s === undefined) {
        s = { sent: 0, received: 0, first: null, last: null };
        stats.set(key, s);
      }
      s[field] += count;
      if (first !== null && (s.first === null || first < s.first)) s.first = first;
      if (last !== null && (s.last === null || last > s.last)) s.last = last;
    };
    file.pairs.forEach((from, to, count, first, last) => {
      if (from === me && to !== me) add(to, 'sent', count, first, last);
      else if (to === me && from !== me) add(from, 'received', count, first, last);
    });
    names.push(...file.names);
  }
  return new Interactions(stats, names);
}
