/**
 * One revocation in the list: whom and what it concerns, its state and dates, the step to take on
 * the platform while it is live, its buttons (History, Mark applied, Undo) and, opened, its history.
 */
import type { Response } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/domain';
import { fieldLabel, formatDate, message } from '../../../../shared/i18n';
import { revocationSubject, settingStepOf, stepInstruction } from '../../../../shared/plan/text';
import { write } from '../../api/client';
import type { Feedback } from '../../app/toast';
import { t } from '../../i18n';
import { RevocationHistory } from './RevocationHistory';

type Revocation = Response<'revocations:list'>['rows'][number];

/** Still to do or to prove: not yet undone nor done for good. */
const isLive = (r: Revocation): boolean =>
  r.status === 'planned' || r.status === 'applied' || r.status === 'not-applied';

/** Who (or what), its state, when it was planned, applied or resolved, and the step while it is live. */
function RevocationSummary({ lang, r, name, nameId }: { lang: Lang; r: Revocation; name: string; nameId: string }) {
  const setting = settingStepOf(r.target);
  const step = stepInstruction(lang, setting?.action ?? r.action, setting?.to ?? null, r.contactProfileUrl);
  return (
    <div>
      <strong id={nameId}>{name}</strong>
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
      {isLive(r) && (
        <div>
          <a href={step.url} target="_blank" rel="noreferrer noopener">
            {step.label}
          </a>
        </div>
      )}
    </div>
  );
}

/** History (opens and closes it), Mark applied (while still to do), Undo (while live). */
function RevocationButtons({
  lang,
  r,
  open,
  onToggle,
  feedback,
  historyId,
  nameId,
}: {
  lang: Lang;
  r: Revocation;
  open: boolean;
  onToggle: () => void;
  feedback: Feedback;
  historyId: string;
  nameId: string;
}) {
  return (
    <div className="actions">
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={open ? historyId : undefined}
        aria-describedby={nameId}
        onClick={onToggle}
      >
        {t(lang, 'revocationHistory')}
      </button>
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
      {isLive(r) && (
        <button type="button" className="secondary" disabled={feedback.busy} onClick={() => feedback.undo([r.id])}>
          {t(lang, 'undo')}
        </button>
      )}
    </div>
  );
}

export function RevocationRow({
  lang,
  r,
  open,
  onToggle,
  feedback,
}: {
  lang: Lang;
  r: Revocation;
  open: boolean;
  onToggle: () => void;
  feedback: Feedback;
}) {
  const name = r.contactName ?? revocationSubject(lang, r);
  const historyId = `revocation-history-${r.id}`;
  const nameId = `revocation-name-${r.id}`;
  return (
    <div className="revocation" data-testid="revocation">
      <RevocationSummary lang={lang} r={r} name={name} nameId={nameId} />
      <RevocationButtons
        lang={lang}
        r={r}
        open={open}
        onToggle={onToggle}
        feedback={feedback}
        historyId={historyId}
        nameId={nameId}
      />
      {/* After its button in the page's order, below the row on screen. */}
      {open && <RevocationHistory id={r.id} lang={lang} domId={historyId} name={name} />}
    </div>
  );
}
