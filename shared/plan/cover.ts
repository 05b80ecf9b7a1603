/**
 * A minimum-cost cover, exact, for the shape our steps have.
 *
 * Every step is either a *setting* (owner null: it can clear findings about anyone) or about one
 * *person* (owner = that person: it clears only findings about them). A target (a finding) is
 * cleared by any one of its steps, or by all the settings of one of its groups. Weighted set cover is NP-hard in general, but here the settings
 * are few — at most one per kind of platform setting, ten today — while the people are many and
 * independent of each other once the settings are chosen. So:
 *
 * 1. For each person, and for each subset X of the settings that touch them, the cheapest set of
 *    their own steps that clears what X leaves (at most 2^3 choices: remove, release, exclude).
 * 2. People whose findings touch the same settings are summed into one table.
 * 3. Every subset of the settings is tried (2^k, k ≤ MAX_SETTINGS): its cost plus each table's
 *    entry for it. The cheapest wins; then each person's cheapest own steps for it.
 *
 * The result is a cover of minimum total cost — exactly, not within a factor (a property test
 * compares it with exhaustive search on small cases). Time O(2^k · groups + people · 2^(r+m)),
 * r and m the settings and own steps touching one person (≤ 4 and ≤ 3).
 */

import { cheapestOwn, clearedBySettings, peopleOf } from './cover-people';

export interface CoverStep {
  /** Effort and collateral folded into one whole number by the caller (lower is better). */
  cost: number;
  /** null: a setting; else the person the step is about. */
  owner: number | null;
}

export interface CoverTarget {
  /** null: about a setting (only settings clear it); else the person it is about. */
  owner: number | null;
  /** Indexes into the steps that clear it: settings, and steps of its own owner only. */
  steps: readonly number[];
  /**
   * Settings that clear it only together (a person who sees your email and your mobile through two
   * audience settings sees nothing once both are narrowed): each group, all taken, clears it.
   */
  groups?: ReadonlyArray<readonly number[]>;
}

/** More settings than this would make 2^k too many; the platforms have ten kinds today. */
export const MAX_SETTINGS = 16;

/**
 * The indexes of a cheapest set of steps that clears every target (each must have a step). Settings are
 * tried in `settingOrder` (every setting a target names must be in it), else by index: of covers that
 * cost the same, the one without the later settings wins.
 */
export function minimumCover(
  steps: readonly CoverStep[],
  targets: readonly CoverTarget[],
  settingOrder?: readonly number[],
): number[] {
  const settings = namedSettings(steps, targets, settingOrder);
  if (settings.length > MAX_SETTINGS) throw new RangeError(`more than ${MAX_SETTINGS} settings to choose from`);
  const bitOf = new Int32Array(steps.length);
  settings.forEach((s, b) => (bitOf[s] = 1 << b));
  const { required, kinds, kindOf, ownStart, ownSteps } = peopleOf(steps, targets, bitOf);

  // People touched by the same settings: one summed table, indexed by the chosen settings among them.
  // People alike are worked out once, their cost counted once per person (costs are whole numbers, so
  // the sums are exact in any order).
  const tables = new Map<number, Map<number, number>>();
  for (const kind of kinds) {
    let table = tables.get(kind.touching);
    if (!table) tables.set(kind.touching, (table = new Map()));
    // Every subset of the settings touching them, the empty one included.
    for (let sub = kind.touching; ; sub = (sub - 1) & kind.touching) {
      const own = cheapestOwn(kind, sub);
      kind.best.set(sub, own);
      table.set(sub, (table.get(sub) ?? 0) + kind.people * own[0]);
      if (sub === 0) break;
    }
  }

  const best = cheapestSettings(settings, steps, required, tables);
  const chosen = settings.filter((_, b) => best & (1 << b));
  kindOf.forEach((k, p) => {
    const kind = kinds[k]!;
    const [, own] = kind.best.get(best & kind.touching)!;
    for (let j = ownStart[p]!; j < ownStart[p + 1]!; j++)
      if (own & (1 << (j - ownStart[p]!))) chosen.push(ownSteps[j]!);
  });
  return chosen;
}

/** Only settings some target names: a step nothing needs is never part of a cheapest cover. */
function namedSettings(
  steps: readonly CoverStep[],
  targets: readonly CoverTarget[],
  order: readonly number[] | undefined,
): number[] {
  // Indexed loops: this runs over every target and candidate, often before the code is optimized.
  const named = new Uint8Array(steps.length);
  for (let t = 0; t < targets.length; t++) {
    const { steps: clearing, groups } = targets[t]!;
    for (let k = 0; k < clearing.length; k++) named[clearing[k]!] = 1;
    if (groups) for (const g of groups) for (const s of g) named[s] = 1;
  }
  const settings: number[] = [];
  for (let i = 0; i < steps.length; i++) if (named[i] && steps[i]!.owner === null) settings.push(i);
  if (!order) return settings;
  const ordered = order.filter((i) => named[i] && steps[i]!.owner === null);
  if (ordered.length !== settings.length) throw new RangeError('a setting missing from the order');
  return ordered;
}

/** The cheapest subset of the settings (bits): its cost plus each table's entry for it. */
function cheapestSettings(
  settings: readonly number[],
  steps: readonly CoverStep[],
  required: ReadonlyArray<{ any: number; groups: number[] }>,
  tables: ReadonlyMap<number, ReadonlyMap<number, number>>,
): number {
  let best = { cost: Infinity, chosen: (1 << settings.length) - 1 };
  for (let x = 0; x < 1 << settings.length; x++) {
    if (!required.every((r) => clearedBySettings(r.any, r.groups, x))) continue;
    let cost = 0;
    for (let b = 0; b < settings.length; b++) if (x & (1 << b)) cost += steps[settings[b]!]!.cost;
    for (const [touching, table] of tables) {
      if (cost >= best.cost) break;
      cost += table.get(x & touching)!;
    }
    if (cost < best.cost) best = { cost, chosen: x };
  }
  return best.chosen;
}
