/**
 * The people's side of the cover (./cover.ts): each person's targets as bits of the settings and of
 * their own steps, and people alike (the same bits, own steps of the same costs) gathered into one
 * kind, whose cheapest own steps are worked out once. Flat arrays, no object per person: a heavy user
 * has tens of thousands of people but a handful of kinds.
 */
import type { CoverStep, CoverTarget } from './cover';
import { IdIndex } from './ids';

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
  const index = new IdIndex();
  const counts: number[] = [];
  const personOf = new Int32Array(targets.length).fill(-1);
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    if (target.steps.length === 0 && !target.groups?.length) throw new RangeError('a target that no step clears');
    if (target.owner === null) continue;
    for (let k = 0; k < target.steps.length; k++) {
      const owner = steps[target.steps[k]!]!.owner;
      if (owner !== null && owner !== target.owner) throw new RangeError('a step about one person clearing another');
    }
    let p = index.get(target.owner);
    if (p === undefined) index.set(target.owner, (p = counts.push(0) - 1));
    personOf[i] = p;
    counts[p]!++;
  }
  const start = new Int32Array(counts.length + 1);
  for (let p = 0; p < counts.length; p++) start[p + 1] = start[p]! + counts[p]!;
  const next = start.slice(0, counts.length);
  const members = new Int32Array(start[counts.length]!);
  personOf.forEach((p, i) => {
    if (p >= 0) members[next[p]!++] = i;
  });
  return { start, members, most: counts.reduce((most, n) => Math.max(most, n), 0) };
}

/** One person's targets as bits: arrays reused from one person to the next. */
interface Scratch {
  targets: number;
  settingMask: Int32Array;
  ownMask: Int32Array;
  groupMasks: number[][];
  touching: number;
  /** Their own steps: ownSteps[ownFrom …]. */
  ownFrom: number;
}

/** The people of the targets, by kind. */
export function peopleOf(steps: readonly CoverStep[], targets: readonly CoverTarget[], bitOf: Int32Array): People {
  const { start, members, most } = byPerson(steps, targets);
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
  const scratch: Scratch = {
    targets: 0,
    settingMask: new Int32Array(most),
    ownMask: new Int32Array(most),
    groupMasks: [],
    touching: 0,
    ownFrom: 0,
  };
  for (let p = 0; p < persons; p++) {
    describe(scratch, people.ownSteps, members, start[p]!, start[p + 1]!, targets, steps, bitOf);
    people.ownStart[p + 1] = people.ownSteps.length;
    const hash = hashOf(scratch, people.ownSteps, steps);
    let alike = byHash.get(hash);
    if (!alike) byHash.set(hash, (alike = []));
    let k = -1;
    for (let a = 0; a < alike.length && k < 0; a++)
      if (same(people.kinds[alike[a]!]!, scratch, people.ownSteps, steps)) k = alike[a]!;
    if (k < 0) {
      k = people.kinds.push(kindOf(scratch, people.ownSteps, steps)) - 1;
      alike.push(k);
    }
    people.kinds[k]!.people++;
    people.kindOf[p] = k;
  }
  return people;
}

/** One person's targets (members[from … to - 1]) as bits into `scratch`; their own steps onto `ownSteps`. */
function describe(
  scratch: Scratch,
  ownSteps: number[],
  members: Int32Array,
  from: number,
  to: number,
  targets: readonly CoverTarget[],
  steps: readonly CoverStep[],
  bitOf: Int32Array,
): void {
  const own = (scratch.ownFrom = ownSteps.length);
  scratch.targets = to - from;
  scratch.touching = 0;
  for (let m = from; m < to; m++) {
    const target = targets[members[m]!]!;
    let settingMask = 0;
    let ownMask = 0;
    for (let k = 0; k < target.steps.length; k++) {
      const s = target.steps[k]!;
      if (steps[s]!.owner === null) {
        settingMask |= bitOf[s]!;
        continue;
      }
      let j = ownSteps.indexOf(s, own) - own;
      if (j < 0) j = ownSteps.push(s) - 1 - own;
      ownMask |= 1 << j;
    }
    const groups = groupsOf(target, bitOf);
    scratch.settingMask[m - from] = settingMask;
    scratch.ownMask[m - from] = ownMask;
    scratch.groupMasks[m - from] = groups;
    scratch.touching |= settingMask;
    for (const g of groups) scratch.touching |= g;
  }
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

function hashOf(scratch: Scratch, ownSteps: readonly number[], steps: readonly CoverStep[]): number {
  let hash = scratch.targets;
  for (let t = 0; t < scratch.targets; t++) {
    hash = mix(mix(mix(hash, scratch.settingMask[t]!), scratch.ownMask[t]!), scratch.groupMasks[t]!.length);
    for (const g of scratch.groupMasks[t]!) hash = mix(hash, g);
  }
  for (let j = scratch.ownFrom; j < ownSteps.length; j++) hash = mix(hash, steps[ownSteps[j]!]!.cost);
  return hash;
}

/** Whether the person in `scratch` is of this kind: the same bits, own steps of the same costs. */
function same(kind: Local, scratch: Scratch, ownSteps: readonly number[], steps: readonly CoverStep[]): boolean {
  if (kind.settingMask.length !== scratch.targets) return false;
  if (kind.ownCost.length !== ownSteps.length - scratch.ownFrom) return false;
  for (let t = 0; t < scratch.targets; t++) {
    if (kind.settingMask[t] !== scratch.settingMask[t] || kind.ownMask[t] !== scratch.ownMask[t]) return false;
    const a = kind.groupMasks[t]!;
    const b = scratch.groupMasks[t]!;
    if (a.length !== b.length) return false;
    for (let g = 0; g < a.length; g++) if (a[g] !== b[g]) return false;
  }
  for (let j = 0; j < kind.ownCost.length; j++)
    if (kind.ownCost[j] !== steps[ownSteps[scratch.ownFrom + j]!]!.cost) return false;
  return true;
}

function kindOf(scratch: Scratch, ownSteps: readonly number[], steps: readonly CoverStep[]): Kind {
  return {
    settingMask: Array.from(scratch.settingMask.subarray(0, scratch.targets)),
    groupMasks: scratch.groupMasks.slice(0, scratch.targets),
    ownMask: Array.from(scratch.ownMask.subarray(0, scratch.targets)),
    ownCost: ownSteps.slice(scratch.ownFrom).map((s) => steps[s]!.cost),
    touching: scratch.touching,
    people: 0,
    best: new Map(),
  };
}
