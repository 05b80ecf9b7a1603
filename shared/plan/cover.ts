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

export interface CoverStep {
  /** Effort and collateral folded into one number by the caller (lower is better). */
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

interface Local {
  /** Per target: which settings clear it (bits), which own steps clear it (bits of `own`). */
  settingMask: number[];
  /** Per target: the groups of settings that clear it together (bits each). */
  groupMasks: number[][];
  ownMask: number[];
  /** The person's own steps (indexes into the steps). */
  own: number[];
  /** Every setting that touches the person. */
  touching: number;
  /** What decides their cheapest own steps (people alike share the work). */
  signature?: string;
}

/** The cheapest own steps clearing what the settings `chosen` leave, as [cost, bits of own]. */
function cheapestOwn(local: Local, steps: readonly CoverStep[], chosen: number): [number, number] {
  // Bits of own steps, one mask per target the settings leave (no allocation for the common case).
  let needsAny = false;
  for (let t = 0; t < local.settingMask.length; t++) {
    if (clearedBySettings(local.settingMask[t]!, local.groupMasks[t]!, chosen)) continue;
    if (local.ownMask[t] === 0) return [Infinity, 0];
    needsAny = true;
  }
  if (!needsAny) return [0, 0];
  let best: [number, number] = [Infinity, 0];
  for (let y = 1; y < 1 << local.own.length; y++) {
    let covers = true;
    for (let t = 0; t < local.settingMask.length && covers; t++) {
      if ((local.ownMask[t]! & y) !== 0) continue;
      covers = clearedBySettings(local.settingMask[t]!, local.groupMasks[t]!, chosen);
    }
    if (!covers) continue;
    let cost = 0;
    for (let j = 0; j < local.own.length; j++) if (y & (1 << j)) cost += steps[local.own[j]!]!.cost;
    if (cost < best[0]) best = [cost, y];
  }
  return best;
}

/** What decides a person's cheapest own steps: their targets' masks and their own steps' costs. */
function signatureOf(local: Local, steps: readonly CoverStep[]): string {
  let signature = '';
  for (let t = 0; t < local.settingMask.length; t++)
    signature += `${local.settingMask[t]}/${local.groupMasks[t]!.join('.')}/${local.ownMask[t]};`;
  for (const s of local.own) signature += `${steps[s]!.cost},`;
  return signature;
}

/** Whether the chosen settings clear a target: one of its own, or every one of a group. */
function clearedBySettings(any: number, groups: readonly number[], chosen: number): boolean {
  return (any & chosen) !== 0 || groups.some((g) => (g & chosen) === g);
}

/** The indexes of a cheapest set of steps that clears every target (each must have a step). */
export function minimumCover(steps: readonly CoverStep[], targets: readonly CoverTarget[]): number[] {
  // Only settings some target names: a step nothing needs is never part of a cheapest cover.
  const named = new Set(targets.flatMap((t) => [...t.steps, ...(t.groups ?? []).flat()]));
  const settings = steps.flatMap((s, i) => (s.owner === null && named.has(i) ? [i] : []));
  if (settings.length > MAX_SETTINGS) throw new RangeError(`more than ${MAX_SETTINGS} settings to choose from`);
  const bitOf = new Map(settings.map((s, b) => [s, 1 << b]));
  const required: Array<{ any: number; groups: number[] }> = [];
  const people = new Map<number, Local>();
  for (const target of targets) {
    if (target.steps.length === 0 && !target.groups?.length) throw new RangeError('a target that no step clears');
    let settingMask = 0;
    for (const s of target.steps) settingMask |= bitOf.get(s) ?? 0;
    const groups = (target.groups ?? []).map((g) => g.reduce((mask, s) => mask | bitOf.get(s)!, 0));
    if (target.owner === null) {
      required.push({ any: settingMask, groups });
      continue;
    }
    let local = people.get(target.owner);
    if (!local)
      people.set(target.owner, (local = { settingMask: [], groupMasks: [], own: [], ownMask: [], touching: 0 }));
    let ownMask = 0;
    for (const s of target.steps) {
      if (steps[s]!.owner === null) continue;
      if (steps[s]!.owner !== target.owner) throw new RangeError('a step about one person clearing another');
      let j = local.own.indexOf(s);
      if (j < 0) j = local.own.push(s) - 1;
      ownMask |= 1 << j;
    }
    local.settingMask.push(settingMask);
    local.groupMasks.push(groups);
    local.ownMask.push(ownMask);
    local.touching |= groups.reduce((mask, g) => mask | g, settingMask);
  }

  // People touched by the same settings: one summed table, indexed by the chosen settings among them.
  // People alike (the same targets, own steps of the same cost) are worked out once.
  const tables = new Map<number, Map<number, number>>();
  const alike = new Map<string, Map<number, [number, number]>>();
  const ownOf = (local: Local, chosen: number): [number, number] => {
    const signature = (local.signature ??= signatureOf(local, steps));
    let memo = alike.get(signature);
    if (!memo) alike.set(signature, (memo = new Map()));
    let result = memo.get(chosen);
    if (!result) memo.set(chosen, (result = cheapestOwn(local, steps, chosen)));
    return result;
  };
  for (const local of people.values()) {
    let table = tables.get(local.touching);
    if (!table) tables.set(local.touching, (table = new Map()));
    // Every subset of the settings touching them, the empty one included.
    for (let sub = local.touching; ; sub = (sub - 1) & local.touching) {
      table.set(sub, (table.get(sub) ?? 0) + ownOf(local, sub)[0]);
      if (sub === 0) break;
    }
  }

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

  const chosen = settings.filter((_, b) => best.chosen & (1 << b));
  for (const local of people.values()) {
    const [, own] = ownOf(local, best.chosen & local.touching);
    local.own.forEach((s, j) => {
      if (own & (1 << j)) chosen.push(s);
    });
  }
  return chosen;
}
