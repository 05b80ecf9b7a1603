import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/i18n';
import type { SessionView } from '../../../../shared/plan-contract';
import { write } from '../../api/client';
import { useFeedback } from '../../app/toast';
import { t } from '../../i18n';
import { PeopleLine, StepSummary } from './StepParts';
import { p } from './text';

/** Today on the user's own calendar (not UTC's: just after midnight in Germany, UTC is still yesterday). */
const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * One step at a time: what to do, where, what it clears and who loses access; "Done" records it as
 * applied on the day given, "Skip" moves on. Saved as it goes: closing the app loses nothing.
 */
export function GuidedSession({ lang, session }: { lang: Lang; session: SessionView }) {
  const feedback = useFeedback();
  const [on, setOn] = useState(today);
  const heading = useRef<HTMLHeadingElement>(null);
  const step = session.current;
  // Each new step takes focus at its title: keyboard and screen-reader users start there.
  useEffect(() => heading.current?.focus(), [step?.position]);

  const decide = (outcome: 'done' | 'skipped') =>
    void feedback.run(
      () => write('session:decide', { position: step!.position, outcome, ...(outcome === 'done' ? { on } : {}) }),
      (next) =>
        next.last
          ? {
              text:
                next.last.outcome === 'done'
                  ? p(lang, 'stepDone', { date: formatDate(lang, next.last.appliedOn!) })
                  : p(lang, 'stepSkipped'),
              undo: next.last.revocationIds.length > 0 ? next.last.revocationIds : undefined,
            }
          : null,
    );
  // Focus then goes to the plans that take the session's place (PlanScreen), not to the page's body.
  const end = () => void feedback.run(() => write('session:end', {}));
  const decided = session.done + session.skipped;

  return (
    <section className="card guided" aria-labelledby="guided-heading" data-testid="guided-session">
      <div className="guided-head">
        <span className="muted" id="guided-heading">
          {p(lang, `variant.${session.variant}`)}
        </span>
        <progress max={session.total} value={decided} aria-label={p(lang, 'progress', progressValues(session))} />
        <span className="small muted" data-testid="guided-progress">
          {p(lang, 'progress', progressValues(session))}
        </span>
      </div>
      {step ? (
        <>
          <h2 className="guided-step-of" ref={heading} tabIndex={-1} data-testid="guided-step-of">
            {p(lang, 'stepOf', { n: step.position + 1, total: session.total })}
          </h2>
          <StepSummary lang={lang} step={step} headingLevel={3} />
          <PeopleLine lang={lang} people={step.collateral} />
          {step.stale && <p className="muted">{p(lang, 'sessionStale')}</p>}
          <div className="guided-actions">
            <label className="small">
              {p(lang, 'doneOn')}{' '}
              <input type="date" value={on} max={today()} onChange={(e) => setOn(e.target.value || today())} />
            </label>
            <button type="button" disabled={feedback.busy} onClick={() => decide('done')} data-testid="guided-done">
              {p(lang, 'done')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={feedback.busy}
              onClick={() => decide('skipped')}
              data-testid="guided-skip"
            >
              {p(lang, 'skip')}
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 ref={heading} tabIndex={-1} data-testid="guided-finished">
            {p(lang, 'finished', { done: session.done, skipped: session.skipped })}
          </h2>
          <p className="muted">{p(lang, 'finishedHint')}</p>
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={feedback.busy} onClick={end} data-testid="guided-end">
          {step ? p(lang, 'end') : t(lang, 'close')}
        </button>
      </div>
    </section>
  );
}

function progressValues(session: SessionView) {
  return {
    done: session.done,
    skipped: session.skipped,
    open: session.total - session.done - session.skipped,
  };
}
