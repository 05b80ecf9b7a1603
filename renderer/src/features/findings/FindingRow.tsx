import { useState } from 'react';
import type { Finding, Lang } from '../../../../shared/domain';
import { findingMessage, ruleTitle } from '../../../../shared/finding-text';
import { evidenceText, familiarityLabel, fieldLabel, severityLabel } from '../../../../shared/i18n';
import { platformStep } from '../../../../shared/platform';
import { t } from '../../i18n';

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
            <button type="button" className="link" onClick={() => actions.onUnmute(f.id)}>
              {t(lang, 'unmute')}
            </button>
          </div>
        )}
        {muting && (
          <form
            className="mute-form"
            onSubmit={(e) => {
              e.preventDefault();
              actions.onMute(f.id, muting.reason, muting.until || null);
              setMuting(null);
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
            <button type="button" className="link" onClick={() => setMuting(null)}>
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
        <button type="button" className="link" onClick={() => setMuting({ reason: '', until: '' })}>
          {t(lang, 'mute')}
        </button>
      ) : (
        <span />
      )}
      {f.revocation ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => actions.onUndo(f.revocation!.id)}>
          {t(lang, 'undo')}
        </button>
      ) : f.contact && !f.muted ? (
        <button type="button" className="danger" disabled={busy} onClick={() => actions.onRevoke(f)}>
          {t(lang, 'revoke')}
        </button>
      ) : (
        <span />
      )}
    </div>
  );
}
