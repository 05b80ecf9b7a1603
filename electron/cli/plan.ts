/**
 * `shareaudit plan [--variant fewest|keep-known|emergency] [--json]`: the action plan, the same one
 * the app shows (electron/services/plan-service.ts over shared/plan).
 */
import type { Lang } from '../../shared/domain';
import { message } from '../../shared/i18n';
import { PLAN_VARIANTS, type ActionPlan, type PlanStep, type PlanVariant } from '../../shared/plan';
import { stepInstruction } from '../../shared/plan/text';
import type { AppService } from '../services/app-service';
import { AppError } from '../services/errors';

/** How many steps the text lists before "… and N more" (--json lists all). */
const SHOWN = 40;
/** How many names of people who lose access a step lists. */
const NAMES = 6;

export function parseVariant(value: string | undefined): PlanVariant {
  if (value === undefined) return 'fewest';
  if (!(PLAN_VARIANTS as readonly string[]).includes(value))
    throw new AppError('BAD_REQUEST', 'plan.badVariant', { value });
  return value as PlanVariant;
}

/** A step as `--json` prints it (docs/cli-plan-json.md). */
function stepJson(step: PlanStep, lang: Lang) {
  const { url, label } = stepInstruction(lang, step.action, step.to, step.contact?.profileUrl ?? null);
  return {
    action: step.action,
    network: step.network,
    // A person's step targets their profile; a setting's is named by its key ("narrow-email-audience:only-you").
    target: step.contact ? (step.contact.profileUrl ?? step.contact.name) : step.key,
    to: step.to,
    instruction: label,
    url,
    fields: step.fields,
    effort: step.effort,
    clears: step.clears,
    collateral: step.collateral.map((p) => p.profileUrl ?? p.name),
    scoreAfter: step.scoreAfter,
  };
}

export function planJson(plan: ActionPlan, lang: Lang) {
  return {
    variant: plan.variant,
    effort: plan.effort,
    cleared: plan.cleared,
    left: plan.left,
    collateral: plan.collateral.map((p) => p.profileUrl ?? p.name),
    score: { now: plan.scoreNow, beforePlan: plan.scoreBefore, afterPlan: plan.scoreAfter },
    steps: plan.steps.map((s) => stepJson(s, lang)),
  };
}

export function runPlanCommand(
  options: { json: boolean; variant?: string },
  service: AppService,
  out: { stdout: (s: string) => void },
  lang: Lang,
): void {
  const variant = parseVariant(options.variant);
  const plan = service.plan(variant);
  const line = (text: string): void => out.stdout(`${text}\n`);
  if (options.json) {
    line(JSON.stringify(planJson(plan, lang), null, 2));
    return;
  }
  line(
    message(lang, 'plan.cliHeader', {
      variant: message(lang, `plan.variant.${variant}`),
      steps: plan.steps.length,
      cleared: plan.cleared,
      open: plan.cleared + plan.left.length,
      before: plan.scoreBefore,
      after: plan.scoreAfter,
    }),
  );
  plan.steps.slice(0, SHOWN).forEach((step, i) => {
    const { url, label } = stepInstruction(lang, step.action, step.to, step.contact?.profileUrl ?? null);
    line(
      message(lang, 'plan.cliStep', {
        n: i + 1,
        instruction: label,
        kind: step.contact ? 'person' : 'setting',
        who: step.contact?.name ?? '',
        clears: message(lang, 'plan.clears', { n: step.clears.length }),
        score: step.scoreAfter,
      }),
    );
    line(message(lang, 'plan.cliUrl', { url }));
    if (step.collateral.length > 0) {
      const names = step.collateral.slice(0, NAMES).map((p) => p.name);
      const more = step.collateral.length - names.length;
      if (more > 0) names.push(message(lang, 'plan.collateralMore', { n: more }));
      line(message(lang, 'plan.cliCollateral', { names: names.join(', ') }));
    }
  });
  if (plan.steps.length > SHOWN) line(message(lang, 'plan.cliMore', { n: plan.steps.length - SHOWN }));
  if (plan.left.length > 0) line(message(lang, 'plan.left', { n: plan.left.length }));
}
