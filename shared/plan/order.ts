/**
 * The order of a plan's steps: settings first, the one that clears most first; then people, most
 * cleared first. And which step of the plan clears each target: the first that can.
 */
import type { Candidate } from './steps';
import type { Target } from './targets';

/**
 * Compares names as `String.prototype.localeCompare` does (the same collator, made once — when a plan
 * is first ordered, not as the module loads: ≈ 7 ms every CLI command and every start would pay).
 */
let collator: Intl.Collator | undefined;

/**
 * Each candidate's position in the plan (by candidate index; -1: not in it).
 */
export function positionsOf(steps: readonly number[], candidates: number): Int32Array {
  const position = new Int32Array(candidates).fill(-1);
  steps.forEach((s, p) => (position[s] = p));
  return position;
}

/** The position in the plan at which a target is cleared: its first step taken, or its last group member. */
export function clearedAt(t: Target, position: Int32Array): number {
  let at = Infinity;
  for (const s of t.steps) {
    const p = position[s]!;
    if (p >= 0 && p < at) at = p;
  }
  if (t.groups)
    for (const g of t.groups) {
      let last = -1;
      for (const s of g) {
        const p = position[s]!;
        if (p < 0) {
          last = Infinity;
          break;
        }
        last = Math.max(last, p);
      }
      at = Math.min(at, last);
    }
  return at;
}

/** Per step of the plan, the targets it is the first to clear (in the targets' order). */
export function clearedBy(steps: readonly number[], targets: readonly Target[], candidates: number): Target[][] {
  const position = positionsOf(steps, candidates);
  const cleared: Target[][] = steps.map(() => []);
  for (const t of targets) cleared[clearedAt(t, position)]!.push(t);
  return cleared;
}

/** Settings first, the one that clears most first; then people, most cleared first. */
export function order(chosen: readonly number[], targets: readonly Target[], list: readonly Candidate[]): number[] {
  const settings = orderSettings(
    chosen.filter((i) => list[i]!.contact === null),
    targets,
    list,
  );
  const people = chosen.filter((i) => list[i]!.contact !== null);
  if (people.length === 0) return settings;
  // What a person's step clears that no setting of the plan does.
  const position = positionsOf(settings, list.length);
  const gains = new Int32Array(list.length);
  const isPerson = new Uint8Array(list.length);
  for (const i of people) isPerson[i] = 1;
  for (const t of targets) {
    if (clearedAt(t, position) < Infinity) continue;
    for (const s of t.steps) if (isPerson[s]) gains[s]!++;
  }
  const names = (collator ??= new Intl.Collator());
  people.sort(
    (a, b) =>
      gains[b]! - gains[a]! ||
      names.compare(list[a]!.contact!.name, list[b]!.contact!.name) ||
      names.compare(list[a]!.key, list[b]!.key),
  );
  return [...settings, ...people];
}

/**
 * The settings, greedily: each next the one after which most targets are cleared (ties: by key).
 * Targets are counted by the chosen settings that clear them (bits), those alike at once.
 */
function orderSettings(settings: readonly number[], targets: readonly Target[], list: readonly Candidate[]): number[] {
  const bitOf = new Int32Array(list.length);
  settings.forEach((s, b) => (bitOf[s] = 1 << b));
  /** Targets cleared by any one of these settings (bits), how many; and those with groups, one by one. */
  const alone = new Map<number, number>();
  const grouped: Array<{ any: number; groups: number[] }> = [];
  for (const t of targets) {
    let any = 0;
    for (const s of t.steps) any |= bitOf[s]!;
    // A group with a member not in the plan never clears anything.
    const groups = t.groups?.flatMap((g) => (g.every((s) => bitOf[s] !== 0) ? [maskOf(g, bitOf)] : []));
    if (groups?.length) grouped.push({ any, groups });
    else if (any !== 0) alone.set(any, (alone.get(any) ?? 0) + 1);
  }
  const clearedBy = (x: number): number => {
    let count = 0;
    for (const [any, n] of alone) if ((any & x) !== 0) count += n;
    for (const g of grouped) if ((g.any & x) !== 0 || g.groups.some((m) => (m & x) === m)) count++;
    return count;
  };
  const ordered: number[] = [];
  let placed = 0;
  while (ordered.length < settings.length) {
    let best = -1;
    let bestCount = -1;
    settings.forEach((i, b) => {
      if (placed & (1 << b)) return;
      const count = clearedBy(placed | (1 << b));
      if (count > bestCount || (count === bestCount && list[i]!.key < list[best]!.key)) {
        best = i;
        bestCount = count;
      }
    });
    placed |= bitOf[best]!;
    ordered.push(best);
  }
  return ordered;
}

function maskOf(group: readonly number[], bitOf: Int32Array): number {
  let mask = 0;
  for (const s of group) mask |= bitOf[s]!;
  return mask;
}
