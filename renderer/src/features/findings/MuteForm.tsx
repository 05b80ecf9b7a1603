/**
 * A finding's mute form: a reason (required) and an optional date until which it stays muted.
 */
import type { Lang } from '../../../../shared/domain';
import { t } from '../../i18n';

export interface Muting {
  reason: string;
  until: string;
}

export function MuteForm({
  lang,
  muting,
  onChange,
  busy,
  onMute,
  onCancel,
}: {
  lang: Lang;
  muting: Muting;
  onChange: (muting: Muting) => void;
  busy: boolean;
  onMute: () => void;
  onCancel: () => void;
}) {
  return (
    <form
      className="mute-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        onMute();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <input
        required
        autoFocus
        placeholder={t(lang, 'muteReason')}
        aria-label={t(lang, 'muteReason')}
        value={muting.reason}
        onChange={(e) => onChange({ ...muting, reason: e.target.value })}
      />
      <input
        type="date"
        aria-label={t(lang, 'muteUntil')}
        value={muting.until}
        onChange={(e) => onChange({ ...muting, until: e.target.value })}
      />
      <button type="submit" className="secondary" disabled={muting.reason.trim() === ''}>
        {t(lang, 'mute')}
      </button>
      <button type="button" className="link" onClick={onCancel}>
        {t(lang, 'cancel')}
      </button>
    </form>
  );
}
