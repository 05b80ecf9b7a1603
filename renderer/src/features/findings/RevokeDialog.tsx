/**
 * The confirmation before revoking the selection: what it changes, what it skips, Cancel or revoke.
 */
import type { Lang } from '../../../../shared/domain';
import { t } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import type { Confirming } from './useFindingActions';

export function RevokeDialog({
  lang,
  confirming,
  onCancel,
  onConfirm,
}: {
  lang: Lang;
  confirming: Confirming;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog name="revoke" title={t(lang, 'confirmRevokeTitle')} onClose={onCancel}>
      <p data-testid="revoke-effect">
        {t(lang, 'confirmRevokeText', {
          findings: confirming.preview.findings,
          connections: confirming.preview.connections,
          other: confirming.preview.otherActions,
        })}
      </p>
      {confirming.preview.skipped > 0 && (
        <p className="muted">{t(lang, 'confirmRevokeSkipped', { n: confirming.preview.skipped })}</p>
      )}
      <p className="muted small">{t(lang, 'confirmRevokeHint')}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t(lang, 'cancel')}
        </button>
        <button type="button" className="danger" autoFocus onClick={onConfirm}>
          {t(lang, 'revokeNow')}
        </button>
      </div>
    </Dialog>
  );
}
