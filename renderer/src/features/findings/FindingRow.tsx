import { useLayoutEffect, useRef, useState } from 'react';
import type { Finding, Lang } from '../../../../shared/domain';
import { findingMessage, ruleTitle } from '../../../../shared/finding-text';
import { evidenceText, familiarityLabel, fieldLabel, severityLabel } from '../../../../shared/i18n';
import { platformStep } from '../../../../shared/platform';
import { t } from '../../i18n';
import { focusLost } from '../../ui/focus';

export interface FindingActions {
  onToggle: (id: string) => void;
  onUndo: (revocationId: number) => void;
  onRevoke: (finding: Finding) => void;
  onMute: (id: string, reason: string, until: string | null) => void;
  onUnmute: (id: string) => void;
  onOpen: (id: string) => void;
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
  const [muting, setMuting] = useState<{ reason: string; until: string } | null>(null);
  // Revoke turns into Undo and back in the same place: focus stays on that button (it is never
  // `disabled`, which would drop focus to the page's body), and is put back there should it be lost.
  const action = useRef<HTMLButtonElement>(null);
  const acted = useRef(false);
  const revoked = f.revocation !== null;
  useLayoutEffect(() => {
    if (acted.current && focusLost()) action.current?.focus();
    acted.current = false;
  }, [revoked]);
  // The mute form closed without muting: focus goes back to the Mute button that opened it.
  const muteButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useLayoutEffect(() => {
    if (cancelled.current && muting === null) muteButton.current?.focus();
    cancelled.current = false;
  }, [muting]);
  const cancelMute = (): void => {
    cancelled.current = true;
    setMuting(null);
  };
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
        {f.contact ? (
          <>
            <div className="finding-title">
              <strong>{f.contact.name}</strong>
              <span className="muted"> · {[f.contact.position, f.contact.company].filter(Boolean).join(' · ')}</span>
            </div>
            <div>
              {ruleTitle(lang, f.rule)}
              {f.field && (
                <>
                  : <em>{fieldLabel(lang, f.field)}</em>
                </>
              )}
              {f.assumed && <span className="tag">{t(lang, 'assumed')}</span>}{' '}
              {f.familiarity && <span className="muted">({familiarityLabel(lang, f.familiarity)})</span>}
            </div>
          </>
        ) : (
          <>
            <div className="finding-title">
              <strong>{ruleTitle(lang, f.rule)}</strong>
              {f.assumed && <span className="tag">{t(lang, 'assumed')}</span>}
            </div>
            <div>{findingMessage(lang, f)}</div>
            <ul className="steps-inline">
              {f.actions.map((a) => {
                const step = platformStep(a, lang, null);
                return (
                  <li key={a}>
                    <a href={step.url} target="_blank" rel="noreferrer noopener">
                      {step.label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        {f.revocation && (
          <div className={`revocation-state state-${f.revocation.status}`} data-testid="revocation-state">
            {t(lang, `revocationStatus_${f.revocation.status}`)}
          </div>
        )}
        {f.muted && (
          <div className="muted small" data-testid="muted-note">
            {t(lang, 'mutedNote', { reason: f.muted.reason, until: f.muted.until })}{' '}
            <button
              type="button"
              className="link"
              aria-disabled={busy || undefined}
              onClick={() => {
                if (!busy) actions.onUnmute(f.id);
              }}
            >
              {t(lang, 'unmute')}
            </button>
          </div>
        )}
        {muting && (
          <form
            className="mute-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (busy) return;
              // Takes focus to the row before the form (and the field with focus) goes away.
              actions.onMute(f.id, muting.reason, muting.until || null);
              setMuting(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                cancelMute();
              }
            }}
          >
            <input
              required
              autoFocus
              placeholder={t(lang, 'muteReason')}
              aria-label={t(lang, 'muteReason')}
              value={muting.reason}
              onChange={(e) => setMuting({ ...muting, reason: e.target.value })}
            />
            <input
              type="date"
              aria-label={t(lang, 'muteUntil')}
              value={muting.until}
              onChange={(e) => setMuting({ ...muting, until: e.target.value })}
            />
            <button type="submit" className="secondary" disabled={muting.reason.trim() === ''}>
              {t(lang, 'mute')}
            </button>
            <button type="button" className="link" onClick={cancelMute}>
              {t(lang, 'cancel')}
            </button>
          </form>
        )}
        {open && (
          <div className="evidence">
            <p>{findingMessage(lang, f)}</p>
            <ul>
              {f.evidence.map((e, i) => (
                <li key={i}>{evidenceText(e, lang)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <button type="button" className="link" onClick={() => actions.onOpen(f.id)} aria-expanded={open}>
        {t(lang, 'evidence')}
      </button>
      {!f.muted && !muting ? (
        <button ref={muteButton} type="button" className="link" onClick={() => setMuting({ reason: '', until: '' })}>
          {t(lang, 'mute')}
        </button>
      ) : (
        <span />
      )}
      {f.revocation || (f.contact && !f.muted) ? (
        <button
          ref={action}
          type="button"
          className={f.revocation ? 'secondary' : 'danger'}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (busy) return;
            acted.current = true;
            if (f.revocation) actions.onUndo(f.revocation.id);
            else actions.onRevoke(f);
          }}
        >
          {t(lang, f.revocation ? 'undo' : 'revoke')}
        </button>
      ) : (
        <span />
      )}
    </div>
  );
}
