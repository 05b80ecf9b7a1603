/**
 * The action plan (issue 9): the fewest platform steps that clear the open findings. Types only; the
 * algorithm is in ./cover.ts, its entry point `computePlan` in ./index.ts.
 */
import type { DetailField, Familiarity, Finding, Network, PlatformActionId } from '../domain';
import type { Policy } from '../policy';
import type { XING_CATEGORY_FIELDS } from '../sharing';

export type XingCategory = keyof typeof XING_CATEGORY_FIELDS;

/**
 * fewest: the least effort, whoever loses access (collateral shown);
 * keep-known: never takes a detail from a person the policy judges "known";
 * emergency: every private (sensitive) detail stops reaching anyone but known people, now.
 */
export type PlanVariant = 'fewest' | 'keep-known' | 'emergency';
export const PLAN_VARIANTS: readonly PlanVariant[] = ['fewest', 'keep-known', 'emergency'];

/** How much work a step is: a setting < a per-person release or exclusion < removing a connection. */
export const STEP_EFFORT = { setting: 1, person: 2, removeConnection: 3 } as const;

export interface PlanPerson {
  id: number;
  name: string;
  profileUrl: string | null;
}

/** A person who sees one of the user's details, and through which kind of grant. */
export interface Viewer {
  contact: PlanPerson;
  network: Network;
  field: DetailField;
  /** audience: a LinkedIn audience setting; category/default/grant: XING. */
  via: 'audience' | 'category' | 'default' | 'grant';
  familiarity: Familiarity;
  /** A live revocation (planned, applied) already takes it away. */
  covered: boolean;
}

export interface PlanInput {
  /** The audit's findings (muted ones and those a live revocation covers are left out by the plan). */
  findings: readonly Finding[];
  /** Everyone who sees a detail now (for collateral, and for the emergency reset's targets). */
  viewers: readonly Viewer[];
  /** Current connections (the score's network size). */
  connections: number;
  policy: Policy;
}

export interface PlanStep {
  /** Stable key: "<action>" or "<action>:<to>" for a setting, "<action>:<contact id>" for a person. */
  key: string;
  action: PlatformActionId;
  network: Network;
  /** The person the step is about; null for a setting. */
  contact: PlanPerson | null;
  /**
   * Which way the setting goes: a LinkedIn audience to 1st-degree connections or to nobody but you;
   * for a XING category, the category narrowed (business, private, birthday). Null otherwise.
   */
  to: 'first-degree' | 'only-you' | XingCategory | null;
  /** The details the step takes away. */
  fields: DetailField[];
  effort: number;
  /** Finding ids this step clears that no earlier step of the plan cleared. */
  clears: string[];
  /** How many (person, detail) shares it ends, findings or not (the emergency reset counts these). */
  stops: number;
  /** Known people who lose access through this step. */
  collateral: PlanPerson[];
  /** The score after this step and every step before it (live revocations taken as done). */
  scoreAfter: number;
}

export interface ActionPlan {
  variant: PlanVariant;
  steps: PlanStep[];
  /** Total effort (the sum of the steps' efforts): minimal among plans that clear `cleared`. */
  effort: number;
  /** How many findings the plan clears. */
  cleared: number;
  /** Open findings the plan leaves (keep-known: those only a step against a known person could clear). */
  left: string[];
  /** Distinct known people who lose access to something. */
  collateral: PlanPerson[];
  /** Score now, after the live revocations (your plan so far), and after this plan too. */
  scoreNow: number;
  scoreBefore: number;
  scoreAfter: number;
}
