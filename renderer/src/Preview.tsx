import type { AuditResult, Lang } from '../../shared/domain';
import { t } from './i18n';

/** What a change would do, computed in the page before anything is saved. */
export function Preview({
  before,
  after,
  lang,
  testId,
}: {
  before: AuditResult;
  after: AuditResult;
  lang: Lang;
  testId: string;
}) {
  return (
    <p className="preview" data-testid={testId}>
      {t(lang, 'preview', {
        findings: after.summary.openFindings,
        before: before.summary.openFindings,
        score: after.score.value,
        scoreBefore: before.score.value,
      })}
    </p>
  );
}
