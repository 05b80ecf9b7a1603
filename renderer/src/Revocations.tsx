import type { AuditResult, Lang } from '../../shared/domain';
import { fieldLabel } from '../../shared/i18n';
import { platformStep } from '../../shared/platform';
import { t } from './i18n';

export function Revocations({
  audit,
  lang,
  busy,
  onUndo,
}: {
  audit: AuditResult;
  lang: Lang;
  busy: boolean;
  onUndo: (ids: number[]) => void;
}) {
  if (audit.revocations.length === 0) return null;
  return (
    <section className="card revocations" aria-label={t(lang, 'revocations')}>
      <h2>
        {t(lang, 'revocations')}{' '}
        <span className="count" data-testid="revocations-count">
          {audit.revocations.length}
        </span>
      </h2>
      <p className="muted">{t(lang, 'revocationsHint')}</p>
      <ul className="revocation-list">
        {audit.revocations.map((r) => {
          const step = platformStep(r.action, lang, r.contactProfileUrl);
          return (
            <li key={r.id} data-testid="revocation">
              <div>
                <strong>{r.contactName}</strong> · {fieldLabel(lang, r.field)}
                <div>
                  <a href={step.url} target="_blank" rel="noreferrer noopener">
                    {step.label}
                  </a>
                </div>
              </div>
              <button type="button" className="secondary" disabled={busy} onClick={() => onUndo([r.id])}>
                {t(lang, 'undo')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
