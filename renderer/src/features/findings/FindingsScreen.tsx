import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Request, Response, RevocationPreview } from '../../../../shared/contract';
import type { Finding, Lang, Severity } from '../../../../shared/domain';
import { formatNumber, severityLabel } from '../../../../shared/i18n';
import { fromIdRanges } from '../../../../shared/id-ranges';
import { platformStep } from '../../../../shared/platform';
import { useDebounced, write } from '../../api/client';
import { useRowWindow } from '../../api/windows';
import { useFeedback } from '../../app/toast';
import { t } from '../../i18n';
import { platform } from '../../platform';
import { Dialog } from '../../ui/Dialog';
import { VirtualList } from '../../ui/VirtualList';
import { FindingRow, type FindingActions } from './FindingRow';
import { focusLost } from '../../ui/focus';
import { EMPTY, isSelected, revocationTarget, selectedCount, toggle, type Selection } from './selection';

type Status = Request<'findings:list'>['status'];

/** Every finding, a window at a time: search, filter, select (these, or all matching), revoke, mute. */
export function FindingsScreen({ lang, focusSearch = 0 }: { lang: Lang; focusSearch?: number }) {
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusSearch > 0) searchRef.current?.focus();
  }, [focusSearch]);
  const feedback = useFeedback();
  const [query, setQuery] = useState('');
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [status, setStatus] = useState<Status>('all');
  const [range, setRange] = useState({ start: 0, end: 0 });
  const [open, setOpen] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>(EMPTY);
  const [confirming, setConfirming] = useState<{
    target: Request<'revocation:create'>;
    preview: RevocationPreview;
  } | null>(null);
  const settledQuery = useDebounced(query, 120);
  const filter = useMemo(() => ({ query: settledQuery, severity, status }), [settledQuery, severity, status]);
  const rows = useRowWindow('findings:list', filter, range);
  const total = rows.total ?? 0;
  const onRange = useCallback((r: { start: number; end: number }) => setRange(r), []);

  // Focus in the list, by place: the list's row at `index`, or the one in its tab order.
  const section = useRef<HTMLElement>(null);
  const listRow = (index?: number): HTMLElement | null =>
    section.current?.querySelector<HTMLElement>(
      `[data-testid="finding-list"] > li[${index === undefined ? 'tabindex="0"' : `data-index="${index}"`}]`,
    ) ?? null;
  // Muting (or unmuting) moves a finding elsewhere in the list (muted ones go last): focus stays at
  // its place, on the row that takes it — once the list shows the change, not before.
  const moving = useRef<{ id: string; index: number; muted: boolean } | null>(null);
  useLayoutEffect(() => {
    const pending = moving.current;
    if (!pending || rows.total === null) return;
    const index = Math.min(pending.index, rows.total - 1);
    const row = rows.rowAt(index);
    if (row?.id === pending.id && (row.muted !== null) !== pending.muted) return;
    if (index >= 0 && !row) return;
    moving.current = null;
    if (focusLost()) (listRow(index) ?? searchRef.current)?.focus();
  });
  const keepPlace = (id: string, muted: boolean, change: () => Promise<unknown>): void => {
    let index = -1;
    for (let i = range.start; i <= range.end && index < 0; i++) if (rows.rowAt(i)?.id === id) index = i;
    if (index >= 0) {
      listRow(index)?.focus();
      moving.current = { id, index, muted };
    }
    void change().then((done) => {
      if (done === undefined) moving.current = null;
    });
  };

  const changeFilter = (change: () => void): void => {
    change();
    setSelection(EMPTY);
  };

  const revoked = (result: Response<'revocation:create'>, finding?: Finding) => ({
    text: t(lang, 'revokedToast', { n: result.created }),
    undo: fromIdRanges(result.ids),
    steps: finding ? finding.actions.map((a) => platformStep(a, lang, finding.contact?.profileUrl ?? null)) : [],
  });

  const actions: FindingActions = {
    onToggle: (id) => setSelection((s) => toggle(s, id)),
    onOpen: (id) => setOpen((o) => (o === id ? null : id)),
    onRevoke: (finding) =>
      void feedback.run(
        () => write('revocation:create', { findingIds: [finding.id] }),
        (result) => revoked(result, finding),
      ),
    onMute: (id, reason, until) =>
      keepPlace(id, true, () =>
        feedback.run(
          () => write('finding:mute', { findingId: id, reason, until }),
          () => ({ text: t(lang, 'muted') }),
        ),
      ),
    onUnmute: (id) => keepPlace(id, false, () => feedback.run(() => write('finding:unmute', { findingId: id }))),
    onUndo: (revocationId) => void feedback.undo([revocationId]),
  };

  const askToRevoke = async (): Promise<void> => {
    const target = revocationTarget(selection);
    if (!target) return;
    const preview = await feedback.run(() => platform.invoke('revocation:preview', target));
    if (preview) setConfirming({ target, preview });
  };

  const confirmRevoke = async (): Promise<void> => {
    if (!confirming) return;
    const { target } = confirming;
    setConfirming(null);
    const result = await feedback.run(
      () => write('revocation:create', target),
      (result) => revoked(result),
    );
    // Not revoked: the selection stays, to try again (focus is back on "Revoke selected").
    if (result === undefined) return;
    // "Revoke selected" has nothing to revoke now: focus goes to the list (its row in the tab order),
    // or to the toast with Undo when that row is not on screen.
    const row = listRow();
    if (row) row.focus();
    else feedback.focus();
    setSelection(EMPTY);
  };

  const count = selectedCount(selection);
  const openCount = rows.head?.open ?? 0;
  const plannedCount = rows.head?.planned ?? 0;
  const selectable = openCount - plannedCount;
  return (
    <section ref={section} className="card findings" aria-labelledby="findings-heading">
      <div className="findings-head">
        <h2 id="findings-heading">
          {t(lang, 'findings')} {/* Shown once known: no "0" while the first page loads. */}
          {rows.head && (
            <span className="count" data-testid="findings-count">
              {formatNumber(lang, openCount)}
            </span>
          )}
          {plannedCount > 0 && (
            <span className="muted small" data-testid="planned-count">
              {' '}
              · {t(lang, 'plannedCount', { n: plannedCount })}
            </span>
          )}
          {(rows.head?.muted ?? 0) > 0 && (
            <span className="muted small"> · {t(lang, 'mutedCount', { n: rows.head!.muted })}</span>
          )}
        </h2>
        <div className="toolbar">
          <input
            ref={searchRef}
            type="search"
            placeholder={t(lang, 'search')}
            value={query}
            onChange={(e) => changeFilter(() => setQuery(e.target.value))}
            aria-label={t(lang, 'search')}
          />
          <select
            value={severity}
            onChange={(e) => changeFilter(() => setSeverity(e.target.value as Severity | 'all'))}
            aria-label={t(lang, 'severity')}
          >
            <option value="all">{t(lang, 'all')}</option>
            {(['high', 'medium', 'low'] as const).map((s) => (
              <option key={s} value={s}>
                {severityLabel(lang, s)}
              </option>
            ))}
          </select>
          <select
            value={status}
            onChange={(e) => changeFilter(() => setStatus(e.target.value as Status))}
            aria-label={t(lang, 'status')}
          >
            <option value="all">{t(lang, 'statusAll')}</option>
            <option value="open">{t(lang, 'statusOpen')}</option>
            <option value="muted">{t(lang, 'statusMuted')}</option>
          </select>
        </div>
      </div>
      <div className="selection-bar" data-testid="selection-bar">
        <span aria-live="polite">
          {selection.kind === 'matching'
            ? t(lang, 'selectedMatching', { n: count })
            : t(lang, 'selectedCount', { n: count })}
        </span>
        <button
          type="button"
          className="secondary"
          disabled={status === 'muted' || selectable === 0}
          onClick={() =>
            setSelection({
              kind: 'matching',
              filter: { query: settledQuery, severity },
              total: selectable,
              except: new Set(),
            })
          }
        >
          {t(lang, 'selectAllMatching', { n: selectable })}
        </button>
        {count > 0 && (
          <button type="button" className="link" onClick={() => setSelection(EMPTY)}>
            {t(lang, 'clearSelection')}
          </button>
        )}
        <button
          type="button"
          className="danger"
          disabled={count === 0}
          // While a write runs: not `disabled`, which would drop focus (the confirmation gives it back here).
          aria-disabled={feedback.busy || undefined}
          onClick={() => {
            if (!feedback.busy) void askToRevoke();
          }}
        >
          {t(lang, 'revokeSelected')} ({formatNumber(lang, count)})
        </button>
      </div>
      {rows.total === 0 ? (
        <p className="muted">{t(lang, 'noFindings')}</p>
      ) : (
        <VirtualList
          count={total}
          label={t(lang, 'findings')}
          testId="finding-list"
          rowKey={rows.rowKey}
          onRange={onRange}
          onSelect={(i) => {
            const f = rows.rowAt(i);
            if (f?.contact && !f.muted && !f.revocation) actions.onToggle(f.id);
          }}
          onOpen={(i) => {
            const f = rows.rowAt(i);
            if (f) actions.onOpen(f.id);
          }}
          renderRow={(i) => {
            const f = rows.rowAt(i);
            return f ? (
              <FindingRow
                finding={f}
                lang={lang}
                selected={!f.muted && !f.revocation && f.contact !== null && isSelected(selection, f.id)}
                open={open === f.id}
                busy={feedback.busy}
                actions={actions}
              />
            ) : (
              <div className="finding placeholder" aria-busy="true" />
            );
          }}
        />
      )}
      {confirming && (
        <Dialog name="revoke" title={t(lang, 'confirmRevokeTitle')} onClose={() => setConfirming(null)}>
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
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              {t(lang, 'cancel')}
            </button>
            <button type="button" className="danger" autoFocus onClick={() => void confirmRevoke()}>
              {t(lang, 'revokeNow')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
