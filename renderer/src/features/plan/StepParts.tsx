import type { Lang } from '../../../../shared/domain';
import { fieldLabel, message } from '../../../../shared/i18n';
import type { PeopleSample, PlanStepView } from '../../../../shared/plan-contract';
import { stepInstruction } from '../../../../shared/plan/text';
import { NETWORK, p } from './text';

/** "3 people you know lose access too: A, B, C and 2 more". */
export function PeopleLine({ lang, people }: { lang: Lang; people: PeopleSample }) {
  if (people.total === 0) return <p className="muted small">{p(lang, 'collateral', { n: 0 })}</p>;
  const more = people.total - people.sample.length;
  return (
    <p className="plan-collateral small" data-testid="step-collateral">
      {p(lang, 'collateral', { n: people.total })} {people.sample.map((x) => x.name).join(', ')}
      {more > 0 && <> {p(lang, 'collateralMore', { n: more })}</>}
    </p>
  );
}

/** What a step is, where to do it, what it clears and the score after it. */
export function StepSummary({ lang, step, headingLevel }: { lang: Lang; step: PlanStepView; headingLevel?: 2 | 3 }) {
  const { label, url } = stepInstruction(lang, step.action, step.to, step.contact?.profileUrl ?? null);
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 3 ? 'h3' : 'strong';
  return (
    <div className="plan-step-body">
      <Heading className="plan-step-title" data-testid="step-title">
        {label}
      </Heading>
      <div className="muted small">
        {step.contact ? step.contact.name : p(lang, 'setting', { network: NETWORK[step.network] })}
        {step.fields.length > 0 && <> · {step.fields.map((f) => fieldLabel(lang, f)).join(', ')}</>}
      </div>
      <div className="small" data-testid="step-effect">
        {step.clears === 0 && step.stops > 0
          ? p(lang, 'stops', { n: step.stops })
          : p(lang, 'clears', { n: step.clears })}{' '}
        · {p(lang, 'scoreAfter', { score: step.scoreAfter })}
        {step.collateral.total > 0 && (
          <> · {message(lang, 'plan.collateral', { n: step.collateral.total }).replace(/:$/, '')}</>
        )}
      </div>
      <a href={url} target="_blank" rel="noreferrer noopener" className="small">
        {p(lang, 'openPage', { network: NETWORK[step.network] })}
      </a>
    </div>
  );
}
