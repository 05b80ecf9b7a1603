/**
 * What a plan has to clear (its targets) and what it cannot. The variants of one input share what
 * does not depend on the variant (open findings, who sees what, the score before), worked out once:
 * a plan's input is never changed once given to it.
 */
import type { DetailField, Finding } from '../domain';
import { countFinding, scoreOf, type RuleTally } from '../score';
import { ALL_SETTINGS_RULES, PERSON_WIDE_RULES } from './setting-steps';
import {
  Candidates,
  Collateral,
  findingSteps,
  settingsAsked,
  settingsTogether,
  viewerSteps,
  type Candidate,
} from './steps';
import { IdIndex } from './ids';
import { PLAN_VARIANTS, type PlanInput, type PlanVariant, type Viewer } from './types';

/** One thing the plan has to end: a finding, or (emergency reset) one person seeing one private detail. */
export interface Target {
  finding: Finding | null;
  owner: number | null;
  field: DetailField | null;
  /** Candidate steps that clear it alone. */
  steps: number[];
  /** Groups of settings that clear it only all together. */
  groups?: number[][];
}

/** What every variant of one input shares. */
export interface Prepared {
  /** Open findings: neither muted nor covered by a live revocation. */
  todo: Finding[];
  collateral: Collateral;
  sensitive: ReadonlySet<DetailField>;
  /** Every detail the user shares with someone or that a finding is about. */
  fields: ReadonlySet<DetailField>;
  /** Per rule, the open findings (copy before changing). */
  tallies: ReadonlyMap<string, RuleTally>;
  scoreNow: number;
  scoreBefore: number;
  /** Who sees what, by person, leaving out what a live revocation covers (made when first needed). */
  seenBy: Map<number, Viewer[]> | null;
  /** The open findings' candidate steps (made when first needed). */
  catalog: Catalog | null;
  /** Per variant's targets, the plan's steps in order (keep-known has fewest's when nothing differs). */
  ordered: Map<Planned, number[]>;
  /** The variants planned from it so far: once all are, it is let go (a plan keeps none of it). */
  planned: Set<PlanVariant>;
}

const preparedByInput = new WeakMap<PlanInput, Prepared>();

/** Notes a variant planned: with every variant planned, the shared work is let go (asked again, it is redone). */
export function notePlanned(input: PlanInput, prepared: Prepared, variant: PlanVariant): void {
  prepared.planned.add(variant);
  if (prepared.planned.size === PLAN_VARIANTS.length) preparedByInput.delete(input);
}

/** What the variants of this input share, worked out on the first variant asked for. */
export function prepare(input: PlanInput): Prepared {
  let prepared = preparedByInput.get(input);
  if (prepared) return prepared;
  // The score now counts what is not muted (exposureScore's count); the plan, what no revocation covers.
  const todo: Finding[] = [];
  const now = new Map<string, RuleTally>();
  const tallies = new Map<string, RuleTally>();
  const fields = new Set<DetailField>();
  for (const f of input.findings) {
    if (f.field) fields.add(f.field);
    if (f.muted !== null) continue;
    countFinding(now, f.rule, f.severity);
    if (f.revocation !== null) continue;
    todo.push(f);
    countFinding(tallies, f.rule, f.severity);
  }
  let field: DetailField | null = null;
  for (const v of input.viewers) if (v.field !== field) fields.add((field = v.field));
  prepared = {
    todo,
    collateral: new Collateral(input.viewers),
    sensitive: new Set(input.policy.sensitiveFields),
    fields,
    tallies,
    scoreNow: scoreOf(now, input.connections).value,
    scoreBefore: scoreOf(tallies, input.connections).value,
    seenBy: null,
    catalog: null,
    ordered: new Map(),
    planned: new Set(),
  };
  preparedByInput.set(input, prepared);
  return prepared;
}

function seenByOf(input: PlanInput, prepared: Prepared): Map<number, Viewer[]> {
  if (prepared.seenBy) return prepared.seenBy;
  const seenBy = new Map<number, Viewer[]>();
  for (const v of input.viewers) {
    if (v.covered) continue;
    const list = seenBy.get(v.contact.id);
    if (list) list.push(v);
    else seenBy.set(v.contact.id, [v]);
  }
  return (prepared.seenBy = seenBy);
}

/** What a variant's plan has to clear, with which candidate steps, and what it cannot clear. */
export interface Planned {
  candidates: Candidates;
  targets: Target[];
  /** Open findings the variant cannot clear (keep-known: only a step against a known person would). */
  left: string[];
  /** The order the cover tries the settings in (the order they were first asked for); default: by index. */
  settingOrder?: number[];
}

/**
 * The candidate steps of every open finding, made once (in the order the findings come) and shared by
 * the variants: per open finding its steps as `findingSteps` gives them, the settings that together
 * clear it (about all a person sees), and its target in the plan of fewest steps (null: none clears it).
 */
interface Catalog {
  steps: number[][];
  together: Array<number[] | null>;
  targets: Array<Target | null>;
  fewest: Planned;
}

const NONE: number[] = [];

/** What the plan of this variant has to clear, and what it cannot. */
export function targetsOf(input: PlanInput, prepared: Prepared, variant: PlanVariant): Planned {
  const catalog = (prepared.catalog ??= walk(prepared.todo, new Candidates(prepared.collateral), input, prepared));
  if (variant === 'fewest') return catalog.fewest;
  if (variant === 'keep-known') return keepKnown(prepared, catalog);
  return emergency(input, prepared, catalog);
}

/** Every finding's candidate steps and target, in the findings' order. */
function walk(findings: readonly Finding[], candidates: Candidates, input: PlanInput, prepared: Prepared): Catalog {
  const catalog: Catalog = { steps: [], together: [], targets: [], fewest: { candidates, targets: [], left: [] } };
  for (const finding of findings) {
    const steps = findingSteps(finding, candidates);
    // A finding about all a person sees also goes once every setting they see through is narrowed.
    const together =
      finding.contact && PERSON_WIDE_RULES.has(finding.rule)
        ? settingsTogether(seenByOf(input, prepared).get(finding.contact.id) ?? [], candidates)
        : null;
    const target = targetOf(finding, steps, together, candidates.list, null);
    catalog.steps.push(steps);
    catalog.together.push(together);
    catalog.targets.push(target);
    if (target) catalog.fewest.targets.push(target);
    else catalog.fewest.left.push(finding.id);
  }
  return catalog;
}

/** A finding's target from its steps (only those `allowed`, if given); null if nothing is left to clear it. */
function targetOf(
  finding: Finding,
  found: number[],
  together: number[] | null,
  list: readonly Candidate[],
  allowed: ((i: number) => boolean) | null,
): Target | null {
  let steps = allowed && !found.every(allowed) ? found.filter(allowed) : found;
  // A finding that spans several settings (LinkedIn and XING) goes only when all of them change.
  const all = ALL_SETTINGS_RULES.has(finding.rule) ? steps.filter((i) => list[i]!.contact === null) : NONE;
  if (all.length > 1) steps = steps.filter((i) => !all.includes(i));
  let groups = together && (!allowed || together.every(allowed)) ? [together] : null;
  if (all.length > 1) (groups ?? (groups = [])).push(all);
  if (steps.length === 0 && groups === null) return null;
  const target: Target = { finding, owner: finding.contact?.id ?? null, field: finding.field, steps };
  if (groups) target.groups = groups;
  return target;
}

/** Keep the people I know: no step with collateral (the same targets as fewest if none has any). */
function keepKnown(prepared: Prepared, catalog: Catalog): Planned {
  const { candidates } = catalog.fewest;
  const allowed = (i: number) => candidates.list[i]!.collateral.length === 0;
  const planned: Planned = { candidates, targets: [], left: [] };
  let changed = false;
  prepared.todo.forEach((finding, i) => {
    let target = catalog.targets[i] ?? null;
    const together = catalog.together[i]!;
    if (!catalog.steps[i]!.every(allowed) || (together && !together.every(allowed))) {
      target = targetOf(finding, catalog.steps[i]!, together, candidates.list, allowed);
      changed = true;
    }
    if (target) planned.targets.push(target);
    else planned.left.push(finding.id);
  });
  return changed ? planned : catalog.fewest;
}

/**
 * The emergency reset: private details away from everyone but known people (never from them). Its
 * findings' targets are fewest's; when a person's step would come out differently made first by one
 * of its own findings (inconsistent input), it makes its own candidates as before.
 */
function emergency(input: PlanInput, prepared: Prepared, catalog: Catalog): Planned {
  const { sensitive, todo } = prepared;
  const { candidates } = catalog.fewest;
  const chosen: number[] = [];
  todo.forEach((f, i) => {
    if (f.field !== null && sensitive.has(f.field) && f.familiarity !== 'known') chosen.push(i);
  });
  const findings = chosen.map((i) => todo[i]!);
  const viewers = viewerTargets(input, findings, candidates, sensitive);
  if (!candidates.consistent) {
    const own = walk(findings, new Candidates(prepared.collateral), input, prepared);
    for (const t of viewerTargets(input, findings, own.fewest.candidates, sensitive)) own.fewest.targets.push(t);
    return own.fewest;
  }
  const planned: Planned = { candidates, targets: [], left: [], settingOrder: [] };
  const list = candidates.list;
  const asked = new Uint8Array(list.length);
  const ask = (steps: readonly number[]) => {
    for (const s of steps) {
      if (!asked[s] && list[s]!.contact === null) planned.settingOrder!.push(s);
      asked[s] = 1;
    }
  };
  for (const i of chosen) {
    const target = catalog.targets[i];
    if (target) planned.targets.push(target);
    else planned.left.push(todo[i]!.id);
    ask(catalog.steps[i]!);
    const contact = todo[i]!.contact;
    if (contact && PERSON_WIDE_RULES.has(todo[i]!.rule))
      ask(settingsAsked(seenByOf(input, prepared).get(contact.id) ?? [], candidates));
  }
  for (const t of viewers) {
    ask(t.steps);
    planned.targets.push(t);
  }
  return planned;
}

/** Every private detail that reaches someone not known and no finding names (the emergency reset). */
function viewerTargets(
  input: PlanInput,
  findings: readonly Finding[],
  candidates: Candidates,
  sensitive: ReadonlySet<DetailField>,
): Target[] {
  // Per detail, the people a finding already says see it.
  const seen = new Map<DetailField | null, IdIndex>();
  for (const f of findings) {
    if (!f.contact) continue;
    let people = seen.get(f.field);
    if (!people) seen.set(f.field, (people = new IdIndex()));
    people.set(f.contact.id, 1);
  }
  const targets: Target[] = [];
  for (const v of input.viewers) {
    if (v.covered || v.familiarity === 'known' || !sensitive.has(v.field)) continue;
    if (seen.get(v.field)?.get(v.contact.id) !== undefined) continue;
    targets.push({ finding: null, owner: v.contact.id, field: v.field, steps: viewerSteps(v, candidates) });
  }
  return targets;
}
