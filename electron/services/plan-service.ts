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

/** Who sees which detail, before live revocations: each viewer (not covered) with its exposure. */
interface Shares {
  viewers: Viewer[];
  exposures: Exposure[];
}

function sharesOf(
  contacts: readonly Contact[],
  exposures: readonly Exposure[],
  familiarity: ReadonlyMap<number, { level: string }>,
): Shares {
  const byId = new Map<number, Contact>(contacts.map((c) => [c.id, c]));
  // One person per contact, shared by the details they see (a contact's exposures mostly come together).
  const people = new Map<number, Seer | null>();
  const seer = (id: number): Seer | null => {
    let person = people.get(id);
    if (person === undefined) {
      const c = byId.get(id);
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
  const shares: Shares = { viewers: [], exposures: [] };
  let lastId = NaN;
  let person: Seer | null = null;
  for (const e of exposures) {
    if (e.contactId !== lastId) person = seer((lastId = e.contactId));
    if (!person) continue;
    shares.exposures.push(e);
    shares.viewers.push({
      contact: person.contact,
      network: person.network,
      field: e.field,
      via: e.grant.kind === 'explicit' ? 'grant' : e.grant.kind,
      familiarity: person.familiarity,
      covered: false,
    });
  }
  return shares;
}

/** The viewers with what a live revocation already takes away marked covered. */
function covering(shares: Shares, revocations: AuditInput['revocations']): Viewer[] {
  const cover = liveRevocations(revocations);
  // Written out, not spread: a covered viewer has the same shape as the others.
  return shares.viewers.map((v, i) =>
    cover.exposure(shares.exposures[i]!) === null
      ? v
      : {
          contact: v.contact,
          network: v.network,
          field: v.field,
          via: v.via,
          familiarity: v.familiarity,
          covered: true,
        },
  );
}

/** Everyone who sees a detail now, how, and how well the user knows them. */
export function viewersOf(
  input: Pick<AuditInput, 'contacts' | 'revocations'>,
  exposures: readonly Exposure[],
  familiarity: ReadonlyMap<number, { level: string }>,
): Viewer[] {
  return covering(sharesOf(input.contacts, exposures, familiarity), input.revocations);
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
  /** Who sees what, kept while the audit's first phase is (a revocation changes only what is covered). */
  private shares: { from: readonly unknown[]; shares: Shares } | null = null;

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
    const from = [input.contacts, first.exposures, first.familiarity];
    if (!this.shares?.from.every((x, i) => x === from[i]))
      this.shares = { from, shares: sharesOf(input.contacts, first.exposures, first.familiarity) };
    this.cached = {
      revision,
      input: {
        findings: audit.findings,
        viewers: covering(this.shares.shares, input.revocations),
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
