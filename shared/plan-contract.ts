/**
 * The plan's channels of the one contract (spread into shared/contract.ts): the plan of a variant,
 * a window of its steps, and the guided session that goes through them one at a time.
 */
import { z } from 'zod';
import { PLAN_VARIANTS, type PlanPerson, type PlanStep, type PlanVariant } from './plan/types';

function returns<T>(): T {
  return undefined as T;
}

const variant = z.enum(PLAN_VARIANTS as [PlanVariant, ...PlanVariant[]]);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A few names, and how many there are in all. */
export interface PeopleSample {
  total: number;
  sample: PlanPerson[];
}

/** A step as a view shows it: what it clears counted, who loses access sampled. */
export interface PlanStepView extends Omit<PlanStep, 'clears' | 'collateral'> {
  clears: number;
  collateral: PeopleSample;
}

export interface PlanPage {
  variant: PlanVariant;
  revision: number;
  effort: number;
  cleared: number;
  /** Open findings the plan leaves (keep-known). */
  left: number;
  /** Open findings no live revocation covers yet: what a plan starts from. */
  open: number;
  collateral: PeopleSample;
  scoreNow: number;
  scoreBefore: number;
  scoreAfter: number;
  total: number;
  rows: PlanStepView[];
}

export type StepOutcome = 'done' | 'skipped';

export interface SessionStepView extends PlanStepView {
  position: number;
  outcome: StepOutcome | null;
  decidedAt: string | null;
  appliedOn: string | null;
  /** Nothing it cleared is open any more (the audit changed since the session began). */
  stale: boolean;
}

export interface SessionView {
  id: number;
  variant: PlanVariant;
  startedAt: string;
  total: number;
  done: number;
  skipped: number;
  /** The step to show: the first one not yet decided; null when every step is decided. */
  current: SessionStepView | null;
  /** The step decided last (to show what just happened, and to undo it). */
  last: (SessionStepView & { revocationIds: number[] }) | null;
}

export const planContract = {
  /** A plan of one variant: its totals and a window of its steps. */
  'plan:get': {
    request: z.object({ variant, offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) }).strict(),
    response: returns<PlanPage>(),
  },
  /** The open guided session, if any (it survives closing the app). */
  'session:get': { request: z.object({}).strict(), response: returns<SessionView | null>() },
  /** Starts a guided session through the current plan of a variant (ends an open one). */
  'session:start': { request: z.object({ variant }).strict(), response: returns<SessionView>() },
  /** Done (recorded as applied on `on`, default today) or skipped. */
  'session:decide': {
    request: z
      .object({
        position: z.number().int().min(0),
        outcome: z.enum(['done', 'skipped']),
        on: day.optional(),
      })
      .strict(),
    response: returns<SessionView>(),
  },
  'session:end': { request: z.object({}).strict(), response: returns<{ ended: boolean }>() },
} as const;
