import { useCallback, useState } from 'react';
import type { Lang } from '../../../../shared/domain';
import { fieldLabel, formatDate, formatNumber, message } from '../../../../shared/i18n';
import { revocationSubject, settingStepOf, stepInstruction } from '../../../../shared/plan/text';
import { write } from '../../api/client';
import { useRowWindow } from '../../api/windows';
import { useFeedback } from '../../app/toast';
import { t } from '../../i18n';
import { VirtualList } from '../../ui/VirtualList';

/** Every revocation, a window at a time, with the step to take on the platform and Undo. */
export function RevocationsScreen({ lang }: { lang: Lang }) {
  const feedback = useFeedback();
  const [range, setRange] = useState({ start: 0, end: 0 });
  const rows = useRowWindow('revocations:list', {}, range);
  const onRange = useCallback((r: { start: number; end: number }) => setRange(r), []);
  const total = rows.total ?? 0;
  return (
    <section className="card revocations" aria-labelledby="revocations-heading">
      <h2 id="revocations-heading">
        {t(lang, 'revocations')}{' '}
        <span className="count" data-testid="revocations-count">
          {formatNumber(lang, total)}
        </span>
      </h2>
      <p className="muted">{t(lang, 'revocationsHint')}</p>
      {rows.total === 0 ? (
        <p className="muted">{t(lang, 'noRevocations')}</p>
      ) : (
        <VirtualList
          count={total}
          label={t(lang, 'revocations')}
          estimateSize={64}
          rowKey={rows.rowKey}
          onRange={onRange}
          renderRow={(i) => {
            const r = rows.rowAt(i);
            if (!r) return <div className="revocation placeholder" aria-busy="true" />;
            const setting = settingStepOf(r.target);
            const step = stepInstruction(lang, setting?.action ?? r.action, setting?.to ?? null, r.contactProfileUrl);
            const live = r.status === 'planned' || r.status === 'applied' || r.status === 'not-applied';
            return (
              <div className="revocation" data-testid="revocation">
                <div>
                  <strong>{r.contactName ?? revocationSubject(lang, r)}</strong>
                  {r.contactName !== null && r.field && <> · {fieldLabel(lang, r.field)}</>}{' '}
                  <span className={`revocation-state state-${r.status}`} data-testid="revocation-status">
                    {r.status === 'applied' && setting && r.action !== 'delete-uploaded-contacts'
                      ? message(lang, 'plan.appliedSetting')
                      : t(lang, `revocationStatus_${r.status}`)}
                  </span>
                  <div className="muted small">
                    {t(lang, 'plannedOn', { date: r.createdAt })}
                    {r.appliedOn && <> · {t(lang, 'appliedOn', { date: r.appliedOn })}</>}
                    {r.resolvedAt && r.status !== 'applied' && <> · {formatDate(lang, r.resolvedAt)}</>}
                  </div>
                  {live && (
                    <div>
                      <a href={step.url} target="_blank" rel="noreferrer noopener">
                        {step.label}
                      </a>
                    </div>
                  )}
                </div>
                <div className="actions">
                  {(r.status === 'planned' || r.status === 'not-applied') && (
                    <button
                      type="button"
                      disabled={feedback.busy}
                      onClick={() =>
                        void feedback.run(
                          () => write('revocation:applied', { ids: [r.id] }),
                          ({ applied }) => ({ text: t(lang, 'appliedToast', { n: applied }) }),
                        )
                      }
                    >
                      {t(lang, 'markApplied')}
                    </button>
                  )}
                  {live && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={feedback.busy}
                      onClick={() => feedback.undo([r.id])}
                    >
                      {t(lang, 'undo')}
                    </button>
                  )}
                </div>
              </div>
            );
          }}
        />
      )}
    </section>
  );
}
