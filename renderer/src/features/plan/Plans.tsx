/**
 * The plans: the emergency card (when there is something to do at once), the variants side by side,
 * and the chosen one's steps with the way into the guided session.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Lang } from '../../../../shared/domain';
import { PLAN_VARIANTS, type PlanVariant } from '../../../../shared/plan';
import type { PlanPage } from '../../../../shared/plan-contract';
import { useContract, write } from '../../api/client';
import { useRowWindow } from '../../api/windows';
import { useFeedback } from '../../app/toast';
import { PlanSteps } from './PlanSteps';
import { p } from './text';

type Summaries = Record<PlanVariant, PlanPage | undefined>;

/** One variant's totals, to compare them side by side. */
function VariantCard({
  lang,
  variant,
  plan,
  selected,
  onSelect,
}: {
  lang: Lang;
  variant: PlanVariant;
  plan: PlanPage | undefined;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <label className={`plan-variant${selected ? ' selected' : ''}`} data-testid={`plan-variant-${variant}`}>
      <input type="radio" name="plan-variant" checked={selected} onChange={onSelect} />
      <span className="plan-variant-name">{p(lang, `variant.${variant}`)}</span>
      <span className="muted small">{p(lang, `variantHint.${variant}`)}</span>
      {plan && (
        <span className="plan-variant-numbers">
          <strong data-testid="plan-steps">{p(lang, 'steps', { n: plan.total })}</strong>
          <span>
            {p(lang, 'clears', { n: plan.cleared })} · {p(lang, 'scoreAfter', { score: plan.scoreAfter })}
          </span>
          <span className="small" data-testid="plan-collateral">
            {p(lang, 'collateral', { n: plan.collateral.total }).replace(/:$/, '.')}
          </span>
        </span>
      )}
    </label>
  );
}

/** What to do at once, in one guided session. */
function EmergencyCard({
  lang,
  emergency,
  busy,
  onStart,
}: {
  lang: Lang;
  emergency: PlanPage;
  busy: boolean;
  onStart: () => void;
}) {
  return (
    <section className="card plan-emergency" aria-labelledby="emergency-heading" data-testid="plan-emergency">
      <h2 id="emergency-heading">{p(lang, 'emergencyTitle')}</h2>
      <p>{p(lang, 'emergencyText', { n: emergency.total })}</p>
      <button type="button" className="danger" disabled={busy} onClick={onStart}>
        {p(lang, 'emergencyStart')}
      </button>
    </section>
  );
}

/** The variants side by side, one of them chosen. */
function VariantChoice({
  lang,
  heading,
  summaries,
  variant,
  onVariant,
}: {
  lang: Lang;
  heading: RefObject<HTMLHeadingElement | null>;
  summaries: Summaries;
  variant: PlanVariant;
  onVariant: (variant: PlanVariant) => void;
}) {
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading" tabIndex={-1} ref={heading}>
        {p(lang, 'compare')}
      </h2>
      <p className="muted">{p(lang, 'intro')}</p>
      <div className="plan-variants" role="radiogroup" aria-labelledby="plan-heading">
        {PLAN_VARIANTS.filter((v) => v !== 'emergency').map((v) => (
          <VariantCard
            key={v}
            lang={lang}
            variant={v}
            plan={summaries[v]}
            selected={v === variant}
            onSelect={() => onVariant(v)}
          />
        ))}
      </div>
    </section>
  );
}

/** The plan: the variants side by side, the chosen one's steps, and the way into the guided session. */
export function Plans({ lang, focusHeading }: { lang: Lang; focusHeading: boolean }) {
  const feedback = useFeedback();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  const [variant, setVariant] = useState<PlanVariant>('fewest');
  const summaries = {
    fewest: useContract('plan:get', { variant: 'fewest', offset: 0, limit: 1 }).data,
    'keep-known': useContract('plan:get', { variant: 'keep-known', offset: 0, limit: 1 }).data,
    emergency: useContract('plan:get', { variant: 'emergency', offset: 0, limit: 1 }).data,
  } satisfies Summaries;
  const [range, setRange] = useState({ start: 0, end: 0 });
  const onRange = useCallback((r: { start: number; end: number }) => setRange(r), []);
  const rows = useRowWindow('plan:get', { variant }, range);
  const plan = summaries[variant];
  const start = (v: PlanVariant) => void feedback.run(() => write('session:start', { variant: v }));

  const emergency = summaries.emergency;
  return (
    <div className="plan">
      {emergency && emergency.total > 0 && (
        <EmergencyCard lang={lang} emergency={emergency} busy={feedback.busy} onStart={() => start('emergency')} />
      )}
      <VariantChoice lang={lang} heading={heading} summaries={summaries} variant={variant} onVariant={setVariant} />
      {plan && (
        <PlanSteps
          lang={lang}
          variant={variant}
          plan={plan}
          rows={rows}
          onRange={onRange}
          busy={feedback.busy}
          onStart={() => start(variant)}
        />
      )}
    </div>
  );
}
