import type { Request } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/domain';
import { useContract, useDebounced } from '../../api/client';
import { t } from '../../i18n';

/**
 * What a change would do, before anything is saved: main re-runs the rules on its cached audit
 * with the change (`audit:preview`), once the user pauses, so the page never computes or blocks.
 */
export function Preview({ change, lang, testId }: { change: Request<'audit:preview'>; lang: Lang; testId: string }) {
  const settled = useDebounced(change, 150);
  const { data } = useContract('audit:preview', settled);
  if (!data) return null;
  return (
    <p className="preview" data-testid={testId} aria-live="polite">
      {t(lang, 'preview', {
        findings: data.after.openFindings,
        before: data.before.openFindings,
        score: data.after.score,
        scoreBefore: data.before.score,
      })}
    </p>
  );
}
