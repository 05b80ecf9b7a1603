/**
 * The action plan: from the open findings, the fewest platform steps that clear them (docs/plan.md).
 * Pure, so the page can re-run it as a what-if. Steps are weighted by effort (a setting 1, a release
 * or exclusion of one person 2, removing a connection 3); among plans of equal effort the one taking
 * details from fewer known people wins. The cover is exact (./cover.ts), not an approximation.
 */
import type { DetailField, Finding } from '../domain';
import { countFinding, exposureScore, scoreOf, SEVERITY_WEIGHT, type RuleTally } from '../score';
import { minimumCover, type CoverStep } from './cover';
import {
  AUDIENCE_FIELDS,
  Candidates,
  Collateral,
  findingSteps,
  ALL_SETTINGS_RULES,
  PERSON_WIDE_RULES,
  settingsTogether,
  viewerSteps,
  type Candidate,
} from './steps';
import type { ActionPlan, PlanInput, PlanPerson, PlanStep, PlanVariant, Viewer } from './types';

export * from './types';
export { AUDIENCE_FIELDS, SETTING_ACTIONS, audienceAction, stepKey } from './steps';

/** Collateral breaks ties between plans of equal effort: effort counts in units of 2^26 people. */
const EFFORT_UNIT = 2 ** 26;

interface Target {
  finding: Finding | null;
  owner: number | null;
  field: DetailField | null;
  steps: number[];
  groups?: number[][];
}

/** What the plan has to clear, and what it cannot (keep-known: only a step against a known person would). */
function targetsOf(input: PlanInput, variant: PlanVariant, candidates: Candidates) {
  const todo = input.findings.filter((f) => f.muted === null && f.revocation === null);
  const sensitive = new Set(input.policy.sensitiveFields);
  // The emergency reset: private details away from everyone but known people (never from them).
  const findings =
    variant === 'emergency'
      ? todo.filter((f) => f.field !== null && sensitive.has(f.field) && f.familiarity !== 'known')
      : todo;
  const allowed = (i: number) => variant !== 'keep-known' || candidates.list[i]!.collateral.length === 0;
  const seenBy = new Map<number, Viewer[]>();
  for (const v of input.viewers) {
    if (v.covered) continue;
    const list = seenBy.get(v.contact.id);
    if (list) list.push(v);
    else seenBy.set(v.contact.id, [v]);
  }
  const targets: Target[] = [];
  const left: string[] = [];
  for (const finding of findings) {
    let steps = findingSteps(finding, candidates).filter(allowed);
    // A finding that spans several settings (LinkedIn and XING) goes only when all of them change.
    const all = ALL_SETTINGS_RULES.has(finding.rule) ? steps.filter((i) => candidates.list[i]!.contact === null) : [];
    if (all.length > 1) steps = steps.filter((i) => !all.includes(i));
    // A finding about all a person sees also goes once every setting they see through is narrowed.
    const together =
      finding.contact && PERSON_WIDE_RULES.has(finding.rule)
        ? settingsTogether(seenBy.get(finding.contact.id) ?? [], candidates)
        : null;
    const groups = together && together.every(allowed) ? [together] : [];
    if (all.length > 1) groups.push(all);
    if (steps.length === 0 && groups.length === 0) left.push(finding.id);
    else targets.push({ finding, owner: finding.contact?.id ?? null, field: finding.field, steps, groups });
  }
  if (variant === 'emergency') {
    // Every private detail that reaches someone not known, finding or not.
    const seen = new Set(findings.flatMap((f) => (f.contact ? [`${f.contact.id}:${f.field}`] : [])));
    for (const v of input.viewers) {
      if (v.covered || v.familiarity === 'known' || !sensitive.has(v.field)) continue;
      if (seen.has(`${v.contact.id}:${v.field}`)) continue;
      targets.push({ finding: null, owner: v.contact.id, field: v.field, steps: viewerSteps(v, candidates) });
    }
  }
  return { todo, targets, left };
}

/** The position in the plan at which a target is cleared: its first step taken, or its last group member. */
function clearedAt(t: Target, position: ReadonlyMap<number, number>): number {
  let at = Infinity;
  for (const s of t.steps) at = Math.min(at, position.get(s) ?? Infinity);
  if (t.groups)
    for (const g of t.groups) {
      let last = -1;
      for (const s of g) last = Math.max(last, position.get(s) ?? Infinity);
      at = Math.min(at, last);
    }
  return at;
}

/** Settings first, the one that clears most first; then people, most cleared first. */
function order(chosen: readonly number[], targets: readonly Target[], list: readonly Candidate[]): number[] {
  const settings = chosen.filter((i) => list[i]!.contact === null);
  const people = chosen.filter((i) => list[i]!.contact !== null);
  const relevant = targets.filter((t) => t.steps.some((s) => settings.includes(s)) || (t.groups ?? []).length > 0);
  const ordered: number[] = [];
  const position = new Map<number, number>();
  while (ordered.length < settings.length) {
    let best = -1;
    let bestCount = -1;
    for (const i of settings) {
      if (position.has(i)) continue;
      position.set(i, ordered.length);
      let count = 0;
      for (const t of relevant) if (clearedAt(t, position) < Infinity) count++;
      position.delete(i);
      if (count > bestCount || (count === bestCount && list[i]!.key < list[best]!.key)) {
        best = i;
        bestCount = count;
      }
    }
    position.set(best, ordered.length);
    ordered.push(best);
  }
  const gains = new Map<number, number>(people.map((i) => [i, 0]));
  for (const t of targets) {
    if (clearedAt(t, position) < Infinity) continue;
    for (const s of t.steps) if (gains.has(s)) gains.set(s, gains.get(s)! + 1);
  }
  people.sort(
    (a, b) =>
      gains.get(b)! - gains.get(a)! ||
      list[a]!.contact!.name.localeCompare(list[b]!.contact!.name) ||
      list[a]!.key.localeCompare(list[b]!.key),
  );
  return [...ordered, ...people];
}

function withoutFinding(tallies: Map<string, RuleTally>, f: Finding): void {
  const entry = tallies.get(f.rule)!;
  entry.findings--;
  entry.weight -= SEVERITY_WEIGHT[f.severity];
  if (entry.findings === 0) tallies.delete(f.rule);
}

export function computePlan(input: PlanInput, variant: PlanVariant): ActionPlan {
  const candidates = new Candidates(new Collateral(input.viewers));
  const { todo, targets, left } = targetsOf(input, variant, candidates);
  const list = candidates.list;
  const coverSteps: CoverStep[] = list.map((c) => ({
    cost: c.effort * EFFORT_UNIT + c.collateral.length,
    owner: c.contact?.id ?? null,
  }));
  const steps = order(minimumCover(coverSteps, targets), targets, list);

  // Each target is cleared by the first step of the plan that can clear it.
  const position = new Map(steps.map((s, p) => [s, p]));
  const clearedBy: Target[][] = steps.map(() => []);
  for (const t of targets) clearedBy[clearedAt(t, position)]!.push(t);

  const tallies = new Map<string, RuleTally>();
  for (const f of todo) countFinding(tallies, f.rule, f.severity);
  const scoreBefore = scoreOf(tallies, input.connections).value;
  const shared = new Set<DetailField>([
    ...input.viewers.map((v) => v.field),
    ...input.findings.flatMap((f) => (f.field ? [f.field] : [])),
  ]);
  const planSteps: PlanStep[] = steps.map((i, p) => {
    const c = list[i]!;
    const cleared = clearedBy[p]!;
    const clears = cleared.flatMap((t) => (t.finding ? [t.finding.id] : []));
    for (const t of cleared) if (t.finding) withoutFinding(tallies, t.finding);
    const fields = [...new Set(cleared.flatMap((t) => (t.field ? [t.field] : [])))];
    return {
      ...c,
      // An audience setting takes away every detail it governs that you share, whatever it clears.
      fields: AUDIENCE_FIELDS[c.action] ? AUDIENCE_FIELDS[c.action]!.filter((f) => shared.has(f)) : fields,
      clears,
      stops: cleared.filter((t) => t.owner !== null).length,
      scoreAfter: scoreOf(tallies, input.connections).value,
    };
  });

  const collateral = new Map<number, PlanPerson>();
  for (const s of planSteps) for (const p of s.collateral) collateral.set(p.id, p);
  return {
    variant,
    steps: planSteps,
    effort: planSteps.reduce((sum, s) => sum + s.effort, 0),
    cleared: planSteps.reduce((sum, s) => sum + s.clears.length, 0),
    left,
    collateral: [...collateral.values()],
    scoreNow: exposureScore(
      input.findings.filter((f) => f.muted === null),
      input.connections,
    ).value,
    scoreBefore,
    scoreAfter: planSteps.at(-1)?.scoreAfter ?? scoreBefore,
  };
}
