/**
 * The action plan: from the open findings, the fewest platform steps that clear them (docs/plan.md).
 * Pure, so the page can re-run it as a what-if. Steps are weighted by effort (a setting 1, a release
 * or exclusion of one person 2, removing a connection 3); among plans of equal effort the one taking
 * details from fewer known people wins. The cover is exact (./cover.ts), not an approximation.
 */
import type { DetailField } from '../domain';
import { scoreOf, SEVERITY_WEIGHT, type RuleTally } from '../score';
import { minimumCover, type CoverStep } from './cover';
import { clearedBy, order } from './order';
import { AUDIENCE_FIELDS } from './setting-steps';
import type { Candidate } from './steps';
import { notePlanned, prepare, targetsOf, type Prepared, type Target } from './targets';
import type { ActionPlan, PlanInput, PlanPerson, PlanStep, PlanVariant } from './types';

export * from './types';
export { AUDIENCE_FIELDS, SETTING_ACTIONS, audienceAction, stepKey } from './setting-steps';

/** Collateral breaks ties between plans of equal effort: effort counts in units of 2^26 people. */
const EFFORT_UNIT = 2 ** 26;

const coverStepsOf = new WeakMap<readonly Candidate[], CoverStep[]>();

/** What the cover needs of each candidate (kept with the list: a candidate never changes once made). */
function coverSteps(list: readonly Candidate[]): CoverStep[] {
  let steps = coverStepsOf.get(list);
  if (!steps) coverStepsOf.set(list, (steps = []));
  for (let i = steps.length; i < list.length; i++) {
    const c = list[i]!;
    steps.push({ cost: c.effort * EFFORT_UNIT + c.collateral.length, owner: c.contact?.id ?? null });
  }
  return steps;
}

/** Takes cleared findings of one rule off its tally (`weight` their summed severity weights). */
function without(tallies: Map<string, RuleTally>, rule: string, findings: number, weight: number): void {
  if (findings === 0) return;
  const entry = tallies.get(rule)!;
  entry.findings -= findings;
  entry.weight -= weight;
  if (entry.findings === 0) tallies.delete(rule);
}

/**
 * The plan of one variant. The variants of one input share their common work (./targets.ts): the
 * input must not change once given.
 */
export function computePlan(input: PlanInput, variant: PlanVariant): ActionPlan {
  const prepared = prepare(input);
  const planned = targetsOf(input, prepared, variant);
  const { targets, left } = planned;
  const list = planned.candidates.list;
  let steps = prepared.ordered.get(planned);
  if (!steps) {
    steps = order(minimumCover(coverSteps(list), targets, planned.settingOrder), targets, list);
    prepared.ordered.set(planned, steps);
  }

  // Each target is cleared by the first step of the plan that can clear it.
  const cleared = clearedBy(steps, targets, list.length);
  const tallies = new Map<string, RuleTally>();
  for (const [rule, tally] of prepared.tallies) tallies.set(rule, { ...tally });
  const planSteps = steps.map((i, p) => planStep(list[i]!, cleared[p]!, tallies, prepared, input.connections));

  notePlanned(input, prepared, variant);

  const collateral = new Map<number, PlanPerson>();
  let effort = 0;
  let clears = 0;
  for (const s of planSteps) {
    for (const p of s.collateral) collateral.set(p.id, p);
    effort += s.effort;
    clears += s.clears.length;
  }
  return {
    variant,
    steps: planSteps,
    effort,
    cleared: clears,
    left,
    collateral: [...collateral.values()],
    scoreNow: prepared.scoreNow,
    scoreBefore: prepared.scoreBefore,
    scoreAfter: planSteps.at(-1)?.scoreAfter ?? prepared.scoreBefore,
  };
}

/** A step of the plan: what it clears first, and the score once it is done (`tallies` are counted down). */
function planStep(
  c: Candidate,
  cleared: readonly Target[],
  tallies: Map<string, RuleTally>,
  prepared: Prepared,
  connections: number,
): PlanStep {
  const clears: string[] = [];
  const fields = new Set<DetailField>();
  let stops = 0;
  // Findings of one rule mostly come together: their tally is counted down once per run of them.
  let rule = '';
  let findings = 0;
  let weight = 0;
  for (const t of cleared) {
    if (t.finding) {
      clears.push(t.finding.id);
      if (t.finding.rule !== rule) {
        without(tallies, rule, findings, weight);
        rule = t.finding.rule;
        findings = weight = 0;
      }
      findings++;
      weight += SEVERITY_WEIGHT[t.finding.severity];
    }
    if (t.field) fields.add(t.field);
    if (t.owner !== null) stops++;
  }
  without(tallies, rule, findings, weight);
  const audience = AUDIENCE_FIELDS[c.action];
  // The candidate's own properties in its order (as a spread would give them), a literal being faster.
  return {
    key: c.key,
    action: c.action,
    network: c.network,
    contact: c.contact,
    to: c.to,
    // An audience setting takes away every detail it governs that you share, whatever it clears.
    fields: audience ? audience.filter((f) => prepared.fields.has(f)) : [...fields],
    effort: c.effort,
    collateral: c.collateral,
    clears,
    stops,
    scoreAfter: scoreOf(tallies, connections).value,
  };
}
