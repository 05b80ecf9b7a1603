/**
 * The chosen plan's steps: its score line, who loses access, the way into the guided session and
 * the steps themselves as a virtual list.
 */
import type { Lang } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/i18n';
import type { PlanVariant } from '../../../../shared/plan';
import type { PlanPage } from '../../../../shared/plan-contract';
import type { RowWindow } from '../../api/windows';
import { VirtualList } from '../../ui/VirtualList';
import { PeopleLine, StepSummary } from './StepParts';
import { p } from './text';

/** The steps, numbered, each drawn once its page has arrived. */
function StepList({
  lang,
  variant,
  total,
  rows,
  onRange,
}: {
  lang: Lang;
  variant: PlanVariant;
  total: number;
  rows: RowWindow<'plan:get'>;
  onRange: (range: { start: number; end: number }) => void;
}) {
  return (
    <VirtualList
      count={total}
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
  );
}

export function PlanSteps({
  lang,
  variant,
  plan,
  rows,
  onRange,
  busy,
  onStart,
}: {
  lang: Lang;
  variant: PlanVariant;
  plan: PlanPage;
  rows: RowWindow<'plan:get'>;
  onRange: (range: { start: number; end: number }) => void;
  busy: boolean;
  onStart: () => void;
}) {
  return (
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
            <button type="button" disabled={busy} onClick={onStart} data-testid="plan-start">
              {p(lang, 'start')}
            </button>
          </div>
          <StepList lang={lang} variant={variant} total={plan.total} rows={rows} onRange={onRange} />
        </>
      )}
    </section>
  );
}
