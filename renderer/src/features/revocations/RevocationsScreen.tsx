import { useCallback, useMemo, useState } from 'react';
import type { Request } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/domain';
import { fieldLabel, formatDate, formatNumber, message } from '../../../../shared/i18n';
import { revocationSubject, settingStepOf, stepInstruction } from '../../../../shared/plan/text';
import { useContract, useDebounced, write } from '../../api/client';
import { useRowWindow } from '../../api/windows';
import { useFeedback } from '../../app/toast';
import { t } from '../../i18n';
import { VirtualList } from '../../ui/VirtualList';

type Group = Request<'revocations:list'>['group'];

/** What happened to one revocation, each change with its date (and what proved it). */
function RevocationHistory({ id, lang, domId, name }: { id: number; lang: Lang; domId: string; name: string }) {
  const { data } = useContract('revocation:history', { id });
  if (!data)
    return (
      <p className="revocation-history muted small" id={domId}>
        …
      </p>
    );
  return (
    <ol
      className="revocation-history small"
      id={domId}
      data-testid="revocation-history"
      aria-label={`${t(lang, 'revocationHistory')}: ${name}`}
    >
      {data.events.map((e, i) => (
        <li key={i}>
          {formatDate(lang, e.at)} · {t(lang, `revocationStatus_${e.status}`)}
          {e.note && <span className="muted"> · {e.note}</span>}
        </li>
      ))}
    </ol>
  );
}

/**
 * Every revocation, a window at a time — searched by name, still to do or prove, or done — with the
 * step to take on the platform, Undo, and (Enter, or "History") what happened to it since.
 */
export function RevocationsScreen({ lang }: { lang: Lang }) {
  const feedback = useFeedback();
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState<Group>('all');
  const [range, setRange] = useState({ start: 0, end: 0 });
  const [open, setOpen] = useState<number | null>(null);
  // One request per pause in typing; a reply to an earlier query never shows for a later one.
  const settledQuery = useDebounced(query, 120);
  const filter = useMemo(() => ({ query: settledQuery, group }), [settledQuery, group]);
  const rows = useRowWindow('revocations:list', filter, range);
  const onRange = useCallback((r: { start: number; end: number }) => setRange(r), []);
  const total = rows.total ?? 0;
  const head = rows.head;
  const toggle = (id: number): void => setOpen((o) => (o === id ? null : id));
  const filtered = settledQuery.trim() !== '' || group !== 'all';
  // Nothing to search or group before the first revocation.
  const tools = query !== '' || group !== 'all' || (head?.live ?? 0) + (head?.closed ?? 0) > 0;
  return (
    <section className="card revocations" aria-labelledby="revocations-heading">
      <div className="findings-head">
        <h2 id="revocations-heading">
          {t(lang, 'revocations')}{' '}
          <span className="count" data-testid="revocations-count">
            {formatNumber(lang, total)}
          </span>
        </h2>
        {tools && (
          <div className="toolbar">
            <input
              type="search"
              placeholder={t(lang, 'searchName')}
              aria-label={t(lang, 'searchName')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <select
              value={group}
              onChange={(e) => setGroup(e.target.value as Group)}
              aria-label={t(lang, 'revocationGroup')}
              data-testid="revocation-group"
            >
              <option value="all">{t(lang, 'revocationGroup_all')}</option>
              <option value="live">{t(lang, 'revocationGroup_live', { n: head?.live ?? 0 })}</option>
              <option value="closed">{t(lang, 'revocationGroup_closed', { n: head?.closed ?? 0 })}</option>
            </select>
          </div>
        )}
      </div>
      <p className="muted">{t(lang, 'revocationsHint')}</p>
      {rows.total === 0 ? (
        <p className="muted">{t(lang, filtered ? 'noMatchingRevocations' : 'noRevocations')}</p>
      ) : (
        <VirtualList
          count={total}
          label={t(lang, 'revocations')}
          estimateSize={64}
          rowKey={rows.rowKey}
          onRange={onRange}
          onOpen={(i) => {
            const r = rows.rowAt(i);
            if (r) toggle(r.id);
          }}
          renderRow={(i) => {
            const r = rows.rowAt(i);
            if (!r) return <div className="revocation placeholder" aria-busy="true" />;
            const setting = settingStepOf(r.target);
            const step = stepInstruction(lang, setting?.action ?? r.action, setting?.to ?? null, r.contactProfileUrl);
            const live = r.status === 'planned' || r.status === 'applied' || r.status === 'not-applied';
            const name = r.contactName ?? revocationSubject(lang, r);
            const historyId = `revocation-history-${r.id}`;
            const nameId = `revocation-name-${r.id}`;
            return (
              <div className="revocation" data-testid="revocation">
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
                  {live && (
                    <div>
                      <a href={step.url} target="_blank" rel="noreferrer noopener">
                        {step.label}
                      </a>
                    </div>
                  )}
                </div>
                <div className="actions">
                  <button
                    type="button"
                    className="link"
                    aria-expanded={open === r.id}
                    aria-controls={open === r.id ? historyId : undefined}
                    aria-describedby={nameId}
                    onClick={() => toggle(r.id)}
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
                {/* After its button in the page's order, below the row on screen. */}
                {open === r.id && <RevocationHistory id={r.id} lang={lang} domId={historyId} name={name} />}
              </div>
            );
          }}
        />
      )}
    </section>
  );
}
