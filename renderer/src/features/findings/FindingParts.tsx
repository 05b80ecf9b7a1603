/**
 * The parts of a finding's row: who and what (or which setting, with its steps), its state
 * (revocation, muted) and its evidence.
 */
import type { Finding, Lang } from '../../../../shared/domain';
import { findingMessage, ruleTitle } from '../../../../shared/finding-text';
import { evidenceText, familiarityLabel, fieldLabel } from '../../../../shared/i18n';
import { platformStep } from '../../../../shared/platform';
import { t } from '../../i18n';

/** A contact's finding: the person, the rule and the detail they can see. */
function ContactSummary({ f, lang, contact }: { f: Finding; lang: Lang; contact: NonNullable<Finding['contact']> }) {
  return (
    <>
      <div className="finding-title">
        <strong>{contact.name}</strong>
        <span className="muted"> · {[contact.position, contact.company].filter(Boolean).join(' · ')}</span>
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
  );
}

/** A finding about a setting (no contact): the rule, what it means, and links to the steps. */
function SettingSummary({ f, lang }: { f: Finding; lang: Lang }) {
  return (
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
  );
}

export function FindingSummary({ f, lang }: { f: Finding; lang: Lang }) {
  return f.contact ? <ContactSummary f={f} lang={lang} contact={f.contact} /> : <SettingSummary f={f} lang={lang} />;
}

/** Its revocation's state, and why (and until when) it is muted, with Unmute. */
export function FindingState({
  f,
  lang,
  busy,
  onUnmute,
}: {
  f: Finding;
  lang: Lang;
  busy: boolean;
  onUnmute: () => void;
}) {
  return (
    <>
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
              if (!busy) onUnmute();
            }}
          >
            {t(lang, 'unmute')}
          </button>
        </div>
      )}
    </>
  );
}

/** Why it is a finding: the message and each piece of evidence. */
export function Evidence({ f, lang }: { f: Finding; lang: Lang }) {
  return (
    <div className="evidence">
      <p>{findingMessage(lang, f)}</p>
      <ul>
        {f.evidence.map((e, i) => (
          <li key={i}>{evidenceText(e, lang)}</li>
        ))}
      </ul>
    </div>
  );
}
