import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Finding, Lang } from '../../../../shared/domain';
import { ruleTitle } from '../../../../shared/finding-text';
import { severityLabel } from '../../../../shared/i18n';
import { t } from '../../i18n';
import { focusLost } from '../../ui/focus';
import { Evidence, FindingState, FindingSummary } from './FindingParts';
import { MuteForm, type Muting } from './MuteForm';

export interface FindingActions {
  onToggle: (id: string) => void;
  onUndo: (revocationId: number) => void;
  onRevoke: (finding: Finding) => void;
  onMute: (id: string, reason: string, until: string | null) => void;
  onUnmute: (id: string) => void;
  onOpen: (id: string) => void;
}

/**
 * Revoke turns into Undo and back in the same place: focus stays on that button (it is never
 * `disabled`, which would drop focus to the page's body), and is put back there should it be lost.
 */
function useActionFocus(revoked: boolean) {
  const actionRef = useRef<HTMLButtonElement>(null);
  const acted = useRef(false);
  useLayoutEffect(() => {
    if (acted.current && focusLost()) actionRef.current?.focus();
    acted.current = false;
  }, [revoked]);
  const act = (): void => {
    acted.current = true;
  };
  return { actionRef, act };
}

/** The mute form, open or not; closed without muting, focus goes back to the Mute button that opened it. */
function useMuting() {
  const [muting, setMuting] = useState<Muting | null>(null);
  const muteButtonRef = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useLayoutEffect(() => {
    if (cancelled.current && muting === null) muteButtonRef.current?.focus();
    cancelled.current = false;
  }, [muting]);
  const cancelMute = (): void => {
    cancelled.current = true;
    setMuting(null);
  };
  return { muting, setMuting, muteButtonRef, cancelMute };
}

/** The row's buttons: Evidence, Mute (while it can be muted), and Revoke — or Undo once revoked. */
function RowButtons({
  f,
  lang,
  open,
  busy,
  actions,
  canMute,
  onMuteOpen,
  muteButtonRef,
  actionRef,
  onAct,
}: {
  f: Finding;
  lang: Lang;
  open: boolean;
  busy: boolean;
  actions: FindingActions;
  canMute: boolean;
  onMuteOpen: () => void;
  muteButtonRef: RefObject<HTMLButtonElement | null>;
  actionRef: RefObject<HTMLButtonElement | null>;
  onAct: () => void;
}) {
  return (
    <>
      <button type="button" className="link" onClick={() => actions.onOpen(f.id)} aria-expanded={open}>
        {t(lang, 'evidence')}
      </button>
      {canMute ? (
        <button ref={muteButtonRef} type="button" className="link" onClick={onMuteOpen}>
          {t(lang, 'mute')}
        </button>
      ) : (
        <span />
      )}
      {f.revocation || (f.contact && !f.muted) ? (
        <button
          ref={actionRef}
          type="button"
          className={f.revocation ? 'secondary' : 'danger'}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (busy) return;
            onAct();
            if (f.revocation) actions.onUndo(f.revocation.id);
            else actions.onRevoke(f);
          }}
        >
          {t(lang, f.revocation ? 'undo' : 'revoke')}
        </button>
      ) : (
        <span />
      )}
    </>
  );
}

/** One finding: who, what, why (evidence on demand), and what to do about it. */
export function FindingRow({
  finding: f,
  lang,
  selected,
  open,
  busy,
  actions,
}: {
  finding: Finding;
  lang: Lang;
  selected: boolean;
  open: boolean;
  busy: boolean;
  actions: FindingActions;
}) {
  const { actionRef, act } = useActionFocus(f.revocation !== null);
  const { muting, setMuting, muteButtonRef, cancelMute } = useMuting();
  return (
    <div className={`finding sev-${f.severity}${f.muted ? ' muted-finding' : ''}`} data-testid="finding">
      <input
        type="checkbox"
        checked={selected}
        onChange={() => actions.onToggle(f.id)}
        aria-label={f.contact?.name ?? ruleTitle(lang, f.rule)}
        disabled={!f.contact || f.muted !== null || f.revocation !== null}
      />
      <span className={`badge badge-${f.severity}`}>{severityLabel(lang, f.severity)}</span>
      <div className="finding-body">
        <FindingSummary f={f} lang={lang} />
        <FindingState f={f} lang={lang} busy={busy} onUnmute={() => actions.onUnmute(f.id)} />
        {muting && (
          <MuteForm
            lang={lang}
            muting={muting}
            onChange={setMuting}
            busy={busy}
            onMute={() => {
              // Takes focus to the row before the form (and the field with focus) goes away.
              actions.onMute(f.id, muting.reason, muting.until || null);
              setMuting(null);
            }}
            onCancel={cancelMute}
          />
        )}
        {open && <Evidence f={f} lang={lang} />}
      </div>
      <RowButtons
        f={f}
        lang={lang}
        open={open}
        busy={busy}
        actions={actions}
        canMute={!f.muted && !muting}
        onMuteOpen={() => setMuting({ reason: '', until: '' })}
        muteButtonRef={muteButtonRef}
        actionRef={actionRef}
        onAct={act}
      />
    </div>
  );
}
