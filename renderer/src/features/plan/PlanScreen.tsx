import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/i18n';
import { PLAN_VARIANTS, type PlanVariant } from '../../../../shared/plan';
import type { PlanPage } from '../../../../shared/plan-contract';
import { useContract, write } from '../../api/client';
import { useRowWindow } from '../../api/windows';
import { useFeedback } from '../../app/toast';
import { errorText } from '../../i18n';
import { VirtualList } from '../../ui/VirtualList';
import { GuidedSession } from './GuidedSession';
import { PeopleLine, StepSummary } from './StepParts';
import { p } from './text';
import './plan.css';

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

/** The guided session while one is open (it survives closing the app), else the plans. */
export function PlanScreen({ lang }: { lang: Lang }) {
  const session = useContract('session:get', {});
  // A session that ends (or finishes) hands focus to the plans that take its place.
  const [hadSession, setHadSession] = useState(false);
  if (session.data && !hadSession) setHadSession(true);
  if (session.data) return <GuidedSession lang={lang} session={session.data} />;
  if (session.error) return <p role="alert">{errorText(lang, session.error)}</p>;
  // Plans are computed only while they are on screen, not after each step of a session.
  return session.data === null ? <Plans lang={lang} focusHeading={hadSession} /> : null;
}

/** The plan: the variants side by side, the chosen one's steps, and the way into the guided session. */
function Plans({ lang, focusHeading }: { lang: Lang; focusHeading: boolean }) {
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
  } satisfies Record<PlanVariant, PlanPage | undefined>;
  const [range, setRange] = useState({ start: 0, end: 0 });
  const onRange = useCallback((r: { start: number; end: number }) => setRange(r), []);
  const rows = useRowWindow('plan:get', { variant }, range);
  const plan = summaries[variant];
  const start = (v: PlanVariant) => void feedback.run(() => write('session:start', { variant: v }));

  const emergency = summaries.emergency;
  return (
    <div className="plan">
      {emergency && emergency.total > 0 && (
        <section className="card plan-emergency" aria-labelledby="emergency-heading" data-testid="plan-emergency">
          <h2 id="emergency-heading">{p(lang, 'emergencyTitle')}</h2>
          <p>{p(lang, 'emergencyText', { n: emergency.total })}</p>
          <button type="button" className="danger" disabled={feedback.busy} onClick={() => start('emergency')}>
            {p(lang, 'emergencyStart')}
          </button>
        </section>
      )}
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
              onSelect={() => setVariant(v)}
            />
          ))}
        </div>
      </section>
      {plan && (
        <section className="card" aria-labelledby="steps-heading">
          <h2 id="steps-heading">
            {p(lang, `variant.${variant}`)}{' '}
            <span className="count" data-testid="plan-total">
              {formatNumber(lang, plan.total)}
            </span>
          </h2>
          <p className="muted" data-testid="plan-score-line">
            {p(lang, 'scoreLine', { now: plan.scoreNow, before: plan.scoreBefore, after: plan.scoreAfter })}
          </p>
          {plan.collateral.total > 0 && <PeopleLine lang={lang} people={plan.collateral} />}
          {plan.left > 0 && <p className="muted">{p(lang, 'left', { n: plan.left })}</p>}
          {plan.total === 0 ? (
            <p className="muted">{p(lang, 'none')}</p>
          ) : (
            <>
              <div className="actions">
                <button type="button" disabled={feedback.busy} onClick={() => start(variant)} data-testid="plan-start">
                  {p(lang, 'start')}
                </button>
              </div>
              <VirtualList
                count={plan.total}
                label={p(lang, `variant.${variant}`)}
                testId="plan-steps-list"
                estimateSize={96}
                rowKey={rows.rowKey}
                onRange={onRange}
                renderRow={(i) => {
                  const step = rows.rowAt(i);
                  if (!step) return <div className="plan-step placeholder" aria-busy="true" />;
                  return (
                    <div className="plan-step" data-testid="plan-step">
                      <span className="plan-step-number" aria-hidden="true">
                        {formatNumber(lang, i + 1)}
                      </span>
                      <StepSummary lang={lang} step={step} />
                    </div>
                  );
                }}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
