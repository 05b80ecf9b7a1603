import { useMemo, useState } from 'react';
import type { Finding, Lang, Severity } from '../../shared/domain';
import { findingMessage, ruleTitle } from '../../shared/finding-text';
import { evidenceText, familiarityLabel, fieldLabel, severityLabel } from '../../shared/i18n';
import { platformStep } from '../../shared/platform';
import { t } from './i18n';

const PAGE = 100;

export function Findings({
  findings,
  lang,
  busy,
  onRevoke,
  onMute,
  onUnmute,
}: {
  findings: Finding[];
  lang: Lang;
  busy: boolean;
  onRevoke: (ids: string[]) => void;
  onMute: (id: string, reason: string, until: string | null) => void;
  onUnmute: (id: string) => void;
}) {
  const [muting, setMuting] = useState<{ id: string; reason: string; until: string } | null>(null);
  const [query, setQuery] = useState('');
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return findings.filter(
      (f) =>
        (severity === 'all' || f.severity === severity) &&
        (q === '' ||
          `${f.contact?.name ?? ''} ${f.contact?.company ?? ''} ${f.contact?.position ?? ''} ${findingMessage(lang, f)}`
            .toLowerCase()
            .includes(q)),
    );
  }, [findings, query, severity, lang]);
  // Muted findings stay visible, after the open ones and outside the paging.
  const openShown = shown.filter((f) => !f.muted);
  const mutedShown = shown.filter((f) => f.muted);
  const live = new Set(findings.map((f) => f.id));
  const selection = [...selected].filter((id) => live.has(id));

  const toggle = (id: string): void =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="card findings" aria-label={t(lang, 'findings')}>
      <div className="findings-head">
        <h2>
          {t(lang, 'findings')}{' '}
          <span className="count" data-testid="findings-count">
            {findings.length}
          </span>
        </h2>
        <div className="toolbar">
          <input
            type="search"
            placeholder={t(lang, 'search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-label={t(lang, 'search')}
          />
          <select
            value={severity}
            onChange={(e) => setSeverity(e.target.value as Severity | 'all')}
            aria-label={t(lang, 'severity')}
          >
            <option value="all">{t(lang, 'all')}</option>
            {(['high', 'medium', 'low'] as const).map((s) => (
              <option key={s} value={s}>
                {severityLabel(lang, s)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary"
            onClick={() => setSelected(new Set(shown.filter((f) => f.contact).map((f) => f.id)))}
            disabled={shown.length === 0}
          >
            {t(lang, 'selectAll')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy || selection.length === 0}
            onClick={() => {
              onRevoke(selection);
              setSelected(new Set());
            }}
          >
            {t(lang, 'revokeSelected')} ({selection.length})
          </button>
        </div>
      </div>
      {findings.length === 0 ? (
        <p className="muted">{t(lang, 'noFindings')}</p>
      ) : (
        <ul className="finding-list">
          {[...openShown.slice(0, limit), ...mutedShown].map((f) => (
            <li
              key={f.id}
              className={`finding sev-${f.severity}${f.muted ? ' muted-finding' : ''}`}
              data-testid="finding"
            >
              <input
                type="checkbox"
                checked={selected.has(f.id)}
                onChange={() => toggle(f.id)}
                aria-label={f.contact?.name ?? ruleTitle(lang, f.rule)}
                disabled={!f.contact}
              />
              <span className={`badge badge-${f.severity}`}>{severityLabel(lang, f.severity)}</span>
              <div className="finding-body">
                {f.contact ? (
                  <>
                    <div className="finding-title">
                      <strong>{f.contact.name}</strong>
                      <span className="muted">
                        {' '}
                        · {[f.contact.position, f.contact.company].filter(Boolean).join(' · ')}
                      </span>
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
                {f.muted && (
                  <div className="muted small" data-testid="muted-note">
                    {t(lang, 'mutedNote', { reason: f.muted.reason, until: f.muted.until })}{' '}
                    <button type="button" className="link" onClick={() => onUnmute(f.id)}>
                      {t(lang, 'unmute')}
                    </button>
                  </div>
                )}
                {muting?.id === f.id && (
                  <form
                    className="mute-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      onMute(f.id, muting.reason, muting.until || null);
                      setMuting(null);
                    }}
                  >
                    <input
                      required
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
                  </form>
                )}
                {open === f.id && (
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
              <button
                type="button"
                className="link"
                onClick={() => setOpen(open === f.id ? null : f.id)}
                aria-expanded={open === f.id}
              >
                {t(lang, 'evidence')}
              </button>
              {!f.muted && muting?.id !== f.id && (
                <button type="button" className="link" onClick={() => setMuting({ id: f.id, reason: '', until: '' })}>
                  {t(lang, 'mute')}
                </button>
              )}
              {f.contact ? (
                <button type="button" className="danger" disabled={busy} onClick={() => onRevoke([f.id])}>
                  {t(lang, 'revoke')}
                </button>
              ) : (
                <span />
              )}
            </li>
          ))}
        </ul>
      )}
      {openShown.length > limit && (
        <button type="button" className="secondary" onClick={() => setLimit(limit + PAGE)}>
          {t(lang, 'showMore')} ({openShown.length - limit})
        </button>
      )}
    </section>
  );
}
