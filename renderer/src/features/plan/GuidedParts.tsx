/**
 * The guided session's parts: its head (variant and progress), the current step with Done and Skip,
 * and the end once every step is decided.
 */
import type { RefObject } from 'react';
import type { Lang } from '../../../../shared/domain';
import type { SessionView } from '../../../../shared/plan-contract';
import { PeopleLine, StepSummary } from './StepParts';
import { p } from './text';
import { today, type Outcome } from './decide';

function progressValues(session: SessionView) {
  return {
    done: session.done,
    skipped: session.skipped,
    open: session.total - session.done - session.skipped,
  };
}

/** Which plan, and how far: done and skipped of all steps. */
export function GuidedHead({ lang, session }: { lang: Lang; session: SessionView }) {
  const decided = session.done + session.skipped;
  return (
    <div className="guided-head">
      <span className="muted" id="guided-heading">
        {p(lang, `variant.${session.variant}`)}
      </span>
      <progress max={session.total} value={decided} aria-label={p(lang, 'progress', progressValues(session))} />
      <span className="small muted" data-testid="guided-progress">
        {p(lang, 'progress', progressValues(session))}
      </span>
    </div>
  );
}

/** "Step 3 of 12", what to do, who loses access, and Done (on a day) or Skip. */
export function CurrentStep({
  lang,
  step,
  total,
  heading,
  on,
  onOn,
  busy,
  onDecide,
}: {
  lang: Lang;
  step: NonNullable<SessionView['current']>;
  total: number;
  heading: RefObject<HTMLHeadingElement | null>;
  on: string;
  onOn: (on: string) => void;
  busy: boolean;
  onDecide: (outcome: Outcome) => void;
}) {
  return (
    <>
      <h2 className="guided-step-of" ref={heading} tabIndex={-1} data-testid="guided-step-of">
        {p(lang, 'stepOf', { n: step.position + 1, total })}
      </h2>
      <StepSummary lang={lang} step={step} headingLevel={3} />
      <PeopleLine lang={lang} people={step.collateral} />
      {step.stale && <p className="muted">{p(lang, 'sessionStale')}</p>}
      <div className="guided-actions">
        <label className="small">
          {p(lang, 'doneOn')}{' '}
          <input type="date" value={on} max={today()} onChange={(e) => onOn(e.target.value || today())} />
        </label>
        <button type="button" disabled={busy} onClick={() => onDecide('done')} data-testid="guided-done">
          {p(lang, 'done')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => onDecide('skipped')}
          data-testid="guided-skip"
        >
          {p(lang, 'skip')}
        </button>
      </div>
    </>
  );
}

/** Every step decided: how many done, how many skipped. */
export function Finished({
  lang,
  session,
  heading,
}: {
  lang: Lang;
  session: SessionView;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <>
      <h2 ref={heading} tabIndex={-1} data-testid="guided-finished">
        {p(lang, 'finished', { done: session.done, skipped: session.skipped })}
      </h2>
      <p className="muted">{p(lang, 'finishedHint')}</p>
    </>
  );
}
