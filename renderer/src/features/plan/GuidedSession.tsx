import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../../shared/domain';
import type { SessionView } from '../../../../shared/plan-contract';
import { write } from '../../api/client';
import { useFeedback } from '../../app/toast';
import { t } from '../../i18n';
import { CurrentStep, Finished, GuidedHead } from './GuidedParts';
import { p } from './text';
import { decideStep, today, type Outcome } from './decide';

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

  const decide = (outcome: Outcome) => decideStep(lang, feedback, step, on, outcome);
  // Focus then goes to the plans that take the session's place (PlanScreen), not to the page's body.
  const end = () => void feedback.run(() => write('session:end', {}));

  return (
    <section className="card guided" aria-labelledby="guided-heading" data-testid="guided-session">
      <GuidedHead lang={lang} session={session} />
      {step ? (
        <CurrentStep
          lang={lang}
          step={step}
          total={session.total}
          heading={heading}
          on={on}
          onOn={setOn}
          busy={feedback.busy}
          onDecide={decide}
        />
      ) : (
        <Finished lang={lang} session={session} heading={heading} />
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={feedback.busy} onClick={end} data-testid="guided-end">
          {step ? p(lang, 'end') : t(lang, 'close')}
        </button>
      </div>
    </section>
  );
}
