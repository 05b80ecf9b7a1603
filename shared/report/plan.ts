/** The action plan's variants in the report: each step with its page, what it clears, and who loses access. */
import { LIVE_REVOCATION, type Grant, type Lang, type RevocationView } from '../domain';
import { fieldLabel } from '../i18n';
import type { ActionPlan, PlanStep, Viewer } from '../plan/types';
import { stepInstruction } from '../plan/text';
import { say } from './text';
import type { ReportPersonInput, ReportPlan, ReportPlanStep } from './types';

export function reportPlanStep(lang: Lang, step: PlanStep): ReportPlanStep {
  const link = stepInstruction(lang, step.action, step.to, step.contact?.profileUrl ?? null);
  return {
    key: step.key,
    action: step.action,
    label: step.contact ? say(lang, 'stepFor', { step: link.label, name: step.contact.name }) : link.label,
    url: link.url,
    network: step.network,
    contact: step.contact && { id: step.contact.id, name: step.contact.name },
    fields: [...step.fields],
    fieldLabels: step.fields.map((f) => fieldLabel(lang, f)),
    effort: step.effort,
    clears: step.clears.length,
    collateral: step.collateral.map((p) => p.name),
    scoreAfter: step.scoreAfter,
  };
}

export function reportPlan(lang: Lang, plan: ActionPlan): ReportPlan {
  return {
    variant: plan.variant,
    title: say(lang, `variant.${plan.variant}`),
    description: say(lang, `variantText.${plan.variant}`),
    steps: plan.steps.map((s) => reportPlanStep(lang, s)),
    effort: plan.effort,
    cleared: plan.cleared,
    left: plan.left.length,
    collateral: plan.collateral.map((p) => p.name),
    scoreNow: plan.scoreNow,
    scoreAfter: plan.scoreAfter,
  };
}

/** The steps that clear most, most first (the plan's order breaks ties). */
export function topSteps(plan: ReportPlan, n = 3): ReportPlanStep[] {
  return plan.steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => b.step.clears - a.step.clears || a.i - b.i)
    .slice(0, n)
    .map((x) => x.step);
}

const VIA: Record<Grant['kind'], Viewer['via']> = {
  audience: 'audience',
  category: 'category',
  default: 'default',
  explicit: 'grant',
};

/** The plan's viewers (who sees which detail, through which kind of grant) from the people of the report. */
export function planViewers(people: readonly ReportPersonInput[], revocations: readonly RevocationView[]): Viewer[] {
  const live = new Set<string>();
  for (const r of revocations)
    if (LIVE_REVOCATION.has(r.status) && r.contactId !== null)
      live.add(r.action === 'remove-connection' ? `${r.contactId}:*` : `${r.contactId}:${r.field}`);
  return people.flatMap((p) =>
    p.exposures.map((e) => ({
      contact: { id: p.contact.id, name: p.contact.name, profileUrl: p.contact.profileUrl },
      network: e.grant.network,
      field: e.field,
      via: VIA[e.grant.kind],
      familiarity: p.familiarity.level,
      covered: live.has(`${p.contact.id}:*`) || live.has(`${p.contact.id}:${e.field}`),
    })),
  );
}
