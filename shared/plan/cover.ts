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
  const { required, people } = localsOf(steps, targets, bitOf);

  // People alike (the same targets, own steps of the same cost) are worked out once, their cost counted
  // once per person (costs are whole numbers, so the sums are exact in any order).
  const kinds = new Map<string, Kind>();
  for (const local of people.values()) {
    const kind = kinds.get(local.signature);
    if (kind) kind.people++;
    else kinds.set(local.signature, { local, people: 1, own: new Map() });
  }
  // People touched by the same settings: one summed table, indexed by the chosen settings among them.
  const tables = new Map<number, Map<number, number>>();
  for (const kind of kinds.values()) {
    const touching = kind.local.touching;
    let table = tables.get(touching);
    if (!table) tables.set(touching, (table = new Map()));
    // Every subset of the settings touching them, the empty one included.
    for (let sub = touching; ; sub = (sub - 1) & touching) {
      const own = cheapestOwn(kind.local, steps, sub);
      kind.own.set(sub, own);
      table.set(sub, (table.get(sub) ?? 0) + kind.people * own[0]);
      if (sub === 0) break;
    }
  }

  const best = cheapestSettings(settings, steps, required, tables);
  const chosen = settings.filter((_, b) => best & (1 << b));
  for (const local of people.values()) {
    const [, own] = kinds.get(local.signature)!.own.get(best & local.touching)!;
    local.own.forEach((s, j) => {
      if (own & (1 << j)) chosen.push(s);
    });
  }
  return chosen;
}

/** People alike, and their cheapest own steps for each subset of the settings touching them. */
interface Kind {
  local: Local;
  people: number;
  own: Map<number, [number, number]>;
}

/** Only settings some target names: a step nothing needs is never part of a cheapest cover. */
function namedSettings(
  steps: readonly CoverStep[],
  targets: readonly CoverTarget[],
  order: readonly number[] = steps.map((_, i) => i),
): number[] {
  const named = new Uint8Array(steps.length);
  for (const t of targets) {
    for (const s of t.steps) named[s] = 1;
    for (const g of t.groups ?? []) for (const s of g) named[s] = 1;
  }
  const settings = order.filter((i) => steps[i]!.owner === null && named[i]);
  for (const i of settings) named[i] = 0;
  if (steps.some((s, i) => s.owner === null && named[i])) throw new RangeError('a setting missing from the order');
  return settings;
}

const NO_GROUPS: number[] = [];

/** Targets about no person (only settings clear them), and each person's targets as bits. */
function localsOf(steps: readonly CoverStep[], targets: readonly CoverTarget[], bitOf: Int32Array) {
  const required: Array<{ any: number; groups: number[] }> = [];
  const people = new Map<number, Local & { signature: string }>();
  for (const target of targets) {
    if (target.steps.length === 0 && !target.groups?.length) throw new RangeError('a target that no step clears');
    let settingMask = 0;
    for (const s of target.steps) settingMask |= bitOf[s]!;
    const groups = target.groups?.length ? target.groups.map((g) => g.reduce((m, s) => m | bitOf[s]!, 0)) : NO_GROUPS;
    if (target.owner === null) {
      required.push({ any: settingMask, groups });
      continue;
    }
    let local = people.get(target.owner);
    if (!local)
      people.set(
        target.owner,
        (local = { settingMask: [], groupMasks: [], own: [], ownMask: [], touching: 0, signature: '' }),
      );
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
  for (const local of people.values()) local.signature = signatureOf(local, steps);
  return { required, people };
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
