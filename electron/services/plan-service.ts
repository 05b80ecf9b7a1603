/**
 * The action plan's side of the contract: the plan of each variant, computed from the cached audit
 * once per change of the database (shared/plan is pure; this only gathers its input).
 */
import type { AuditInput } from '../../shared/audit';
import type { Contact, Exposure, Familiarity } from '../../shared/domain';
import {
  computePlan,
  type ActionPlan,
  type PlanInput,
  type PlanStep,
  type PlanVariant,
  type Viewer,
} from '../../shared/plan';
import type { PlanPage, PlanStepView } from '../../shared/plan-contract';
import { liveRevocations } from '../../shared/revocation-cover';
import type { AuditCache } from './audit-cache';

/** How many people a step or plan names at most in one answer (the rest is a count). */
const SAMPLE = 12;

type Seer = Pick<Viewer, 'contact' | 'network' | 'familiarity'>;

/** Everyone who sees a detail now, how, and how well the user knows them. */
export function viewersOf(
  input: Pick<AuditInput, 'contacts' | 'revocations'>,
  exposures: readonly Exposure[],
  familiarity: ReadonlyMap<number, { level: string }>,
): Viewer[] {
  const contacts = new Map<number, Contact>(input.contacts.map((c) => [c.id, c]));
  const cover = liveRevocations(input.revocations);
  // One person per contact, shared by the details they see (a contact's exposures mostly come together).
  const people = new Map<number, Seer | null>();
  const seer = (id: number): Seer | null => {
    let person = people.get(id);
    if (person === undefined) {
      const c = contacts.get(id);
      person = c
        ? {
            contact: { id: c.id, name: c.name, profileUrl: c.profileUrl },
            network: c.network,
            familiarity: (familiarity.get(c.id)?.level ?? 'unfamiliar') as Familiarity,
          }
        : null;
      people.set(id, person);
    }
    return person;
  };
  const viewers: Viewer[] = [];
  let lastId = NaN;
  let person: Seer | null = null;
  for (const e of exposures) {
    if (e.contactId !== lastId) person = seer((lastId = e.contactId));
    if (!person) continue;
    viewers.push({
      contact: person.contact,
      network: person.network,
      field: e.field,
      via: e.grant.kind === 'explicit' ? 'grant' : e.grant.kind,
      familiarity: person.familiarity,
      covered: cover.exposure(e) !== null,
    });
  }
  return viewers;
}

/** A step as views show it: what it clears counted, who loses access sampled. */
export function stepView({ clears, collateral, ...step }: PlanStep): PlanStepView {
  return {
    ...step,
    clears: clears.length,
    collateral: { total: collateral.length, sample: collateral.slice(0, SAMPLE) },
  };
}

export class PlanService {
  private cached: { revision: number; input: PlanInput; plans: Map<PlanVariant, ActionPlan> } | null = null;

  constructor(private readonly cache: AuditCache) {}

  /** The plan's input as of the cached audit. */
  input(): PlanInput {
    return this.current().input;
  }

  private current() {
    const revision = this.cache.currentRevision;
    if (this.cached?.revision === revision) return this.cached;
    // Exposures and familiarity as the audit's first phase has them: nothing judged twice.
    const { input, policy, audit, first } = this.cache.base();
    this.cached = {
      revision,
      input: {
        findings: audit.findings,
        viewers: viewersOf(input, first.exposures, first.familiarity),
        connections: input.contacts.length,
        policy,
      },
      plans: new Map(),
    };
    return this.cached;
  }

  plan(variant: PlanVariant): ActionPlan {
    const current = this.current();
    let plan = current.plans.get(variant);
    if (!plan) current.plans.set(variant, (plan = computePlan(current.input, variant)));
    return plan;
  }

  /** A window of a plan's steps with its totals: ids and names are sampled, the rest counted. */
  page(variant: PlanVariant, offset: number, limit: number): PlanPage {
    const plan = this.plan(variant);
    return {
      variant,
      revision: this.cache.currentRevision,
      effort: plan.effort,
      cleared: plan.cleared,
      left: plan.left.length,
      open: this.current().input.findings.filter((f) => f.muted === null && f.revocation === null).length,
      collateral: { total: plan.collateral.length, sample: plan.collateral.slice(0, SAMPLE) },
      scoreNow: plan.scoreNow,
      scoreBefore: plan.scoreBefore,
      scoreAfter: plan.scoreAfter,
      total: plan.steps.length,
      rows: plan.steps.slice(offset, offset + limit).map(stepView),
    };
  }
}
