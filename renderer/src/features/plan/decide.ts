/**
 * A guided session's decision on its current step: "Done" (applied on the day given) or "Skip",
 * with the toast that says so (and undoes it).
 */
import type { Lang } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/i18n';
import type { SessionView } from '../../../../shared/plan-contract';
import { write } from '../../api/client';
import type { Feedback } from '../../app/toast';
import { p } from './text';

/** Today on the user's own calendar (not UTC's: just after midnight in Germany, UTC is still yesterday). */
export const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export type Outcome = 'done' | 'skipped';

/** Decides the current step; `on`: the day a step marked done was applied. */
export function decideStep(
  lang: Lang,
  feedback: Feedback,
  step: SessionView['current'],
  on: string,
  outcome: Outcome,
): void {
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
}
