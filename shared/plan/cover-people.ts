/**
 * The people's side of the cover (./cover.ts): each person's targets as bits of the settings and of
 * their own steps, and people alike (the same bits, own steps of the same costs) gathered into one
 * kind, whose cheapest own steps are worked out once. Flat arrays, no object per person: a heavy user
 * has tens of thousands of people but a handful of kinds.
 */
import type { CoverStep, CoverTarget } from './cover';

/** What decides a person's cheapest own steps. */
export interface Local {
  /** Per target: which settings clear it (bits), which own steps clear it (bits of `ownCost`). */
  settingMask: number[];
  /** Per target: the groups of settings that clear it together (bits each). */
  groupMasks: number[][];
  ownMask: number[];
  /** The cost of each of the person's own steps. */
  ownCost: number[];
  /** Every setting that touches the person. */
  touching: number;
}

/** People alike, how many, and their cheapest own steps per subset of the settings touching them. */
export interface Kind extends Local {
  people: number;
  best: Map<number, [number, number]>;
}

export interface People {
  /** Targets about no person: only settings clear them (bits). */
  required: Array<{ any: number; groups: number[] }>;
  kinds: Kind[];
  /** Per person (in the order they first come): their kind, and their own steps (from ownStart[p]). */
  kindOf: Int32Array;
  ownStart: Int32Array;
  ownSteps: number[];
}

const NO_GROUPS: number[] = [];

/** Whether the chosen settings clear a target: one of its own, or every one of a group. */
export function clearedBySettings(any: number, groups: readonly number[], chosen: number): boolean {
  return (any & chosen) !== 0 || groups.some((g) => (g & chosen) === g);
}

/** The cheapest own steps clearing what the settings `chosen` leave, as [cost, bits of own]. */
export function cheapestOwn(local: Local, chosen: number): [number, number] {
  let needsAny = false;
  for (let t = 0; t < local.settingMask.length; t++) {
    if (clearedBySettings(local.settingMask[t]!, local.groupMasks[t]!, chosen)) continue;
    if (local.ownMask[t] === 0) return [Infinity, 0];
    needsAny = true;
  }
  if (!needsAny) return [0, 0];
  let best: [number, number] = [Infinity, 0];
  for (let y = 1; y < 1 << local.ownCost.length; y++) {
    let covers = true;
    for (let t = 0; t < local.settingMask.length && covers; t++) {
      if ((local.ownMask[t]! & y) !== 0) continue;
      covers = clearedBySettings(local.settingMask[t]!, local.groupMasks[t]!, chosen);
    }
    if (!covers) continue;
    let cost = 0;
    for (let j = 0; j < local.ownCost.length; j++) if (y & (1 << j)) cost += local.ownCost[j]!;
    if (cost < best[0]) best = [cost, y];
  }
  return best;
}

/** Each person's targets, in the targets' order: person p has members[start[p]] … members[start[p + 1] - 1]. */
function byPerson(steps: readonly CoverStep[], targets: readonly CoverTarget[]) {
  const index = new Map<number, number>();
  const counts: number[] = [];
  const personOf = new Int32Array(targets.length).fill(-1);
  targets.forEach((target, i) => {
    if (target.steps.length === 0 && !target.groups?.length) throw new RangeError('a target that no step clears');
    if (target.owner === null) return;
    for (const s of target.steps) {
      const owner = steps[s]!.owner;
      if (owner !== null && owner !== target.owner) throw new RangeError('a step about one person clearing another');
    }
    let p = index.get(target.owner);
    if (p === undefined) index.set(target.owner, (p = counts.push(0) - 1));
    personOf[i] = p;
    counts[p]!++;
  });
  const start = new Int32Array(counts.length + 1);
  for (let p = 0; p < counts.length; p++) start[p + 1] = start[p]! + counts[p]!;
  const next = start.slice(0, counts.length);
  const members = new Int32Array(start[counts.length]!);
  personOf.forEach((p, i) => {
    if (p >= 0) members[next[p]!++] = i;
  });
  return { start, members };
}

/** The people of the targets, by kind. */
export function peopleOf(steps: readonly CoverStep[], targets: readonly CoverTarget[], bitOf: Int32Array): People {
  const { start, members } = byPerson(steps, targets);
  const required: People['required'] = [];
  for (const t of targets)
    if (t.owner === null) required.push({ any: maskOf(t.steps, bitOf), groups: groupsOf(t, bitOf) });
  const persons = start.length - 1;
  const people: People = {
    required,
    kinds: [],
    kindOf: new Int32Array(persons),
    ownStart: new Int32Array(persons + 1),
    ownSteps: [],
  };
  const byHash = new Map<number, number[]>();
  const local: Local = { settingMask: [], groupMasks: [], ownMask: [], ownCost: [], touching: 0 };
  for (let p = 0; p < persons; p++) {
    describe(local, people.ownSteps, members, start[p]!, start[p + 1]!, targets, steps, bitOf);
    people.ownStart[p + 1] = people.ownSteps.length;
    const hash = hashOf(local);
    let alike = byHash.get(hash);
    if (!alike) byHash.set(hash, (alike = []));
    let k = alike.find((i) => same(people.kinds[i]!, local));
    if (k === undefined) {
      k = people.kinds.push({ ...copyOf(local), people: 0, best: new Map() }) - 1;
      alike.push(k);
    }
    people.kinds[k]!.people++;
    people.kindOf[p] = k;
  }
  return people;
}

/** One person's targets (members[from … to - 1]) as bits into `local` (reused); their own steps onto `ownSteps`. */
function describe(
  local: Local,
  ownSteps: number[],
  members: Int32Array,
  from: number,
  to: number,
  targets: readonly CoverTarget[],
  steps: readonly CoverStep[],
  bitOf: Int32Array,
): void {
  local.settingMask.length = local.groupMasks.length = local.ownMask.length = local.ownCost.length = 0;
  local.touching = 0;
  const own = ownSteps.length;
  for (let m = from; m < to; m++) {
    const target = targets[members[m]!]!;
    let settingMask = 0;
    let ownMask = 0;
    for (const s of target.steps) {
      if (steps[s]!.owner === null) {
        settingMask |= bitOf[s]!;
        continue;
      }
      let j = ownSteps.indexOf(s, own) - own;
      if (j < 0) j = ownSteps.push(s) - 1 - own;
      ownMask |= 1 << j;
    }
    const groups = groupsOf(target, bitOf);
    local.settingMask.push(settingMask);
    local.groupMasks.push(groups);
    local.ownMask.push(ownMask);
    local.touching |= groups.reduce((mask, g) => mask | g, settingMask);
  }
  for (let j = own; j < ownSteps.length; j++) local.ownCost.push(steps[ownSteps[j]!]!.cost);
}

function maskOf(group: readonly number[], bitOf: Int32Array): number {
  let mask = 0;
  for (const s of group) mask |= bitOf[s]!;
  return mask;
}

function groupsOf(target: CoverTarget, bitOf: Int32Array): number[] {
  return target.groups?.length ? target.groups.map((g) => maskOf(g, bitOf)) : NO_GROUPS;
}

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ (value | 0), 0x9e3779b1) ^ (hash >>> 15);
}

function hashOf(local: Local): number {
  let hash = local.settingMask.length;
  for (let t = 0; t < local.settingMask.length; t++) {
    hash = mix(mix(mix(hash, local.settingMask[t]!), local.ownMask[t]!), local.groupMasks[t]!.length);
    for (const g of local.groupMasks[t]!) hash = mix(hash, g);
  }
  for (const c of local.ownCost) hash = mix(hash, c);
  return hash;
}

const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function same(a: Local, b: Local): boolean {
  return (
    sameNumbers(a.settingMask, b.settingMask) &&
    sameNumbers(a.ownMask, b.ownMask) &&
    sameNumbers(a.ownCost, b.ownCost) &&
    a.groupMasks.every((g, t) => sameNumbers(g, b.groupMasks[t]!))
  );
}

function copyOf(local: Local): Local {
  return {
    settingMask: local.settingMask.slice(),
    groupMasks: local.groupMasks.slice(),
    ownMask: local.ownMask.slice(),
    ownCost: local.ownCost.slice(),
    touching: local.touching,
  };
}
