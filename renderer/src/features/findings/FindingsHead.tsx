/**
 * The findings screen's head: its heading with the counts, and the toolbar (search, severity, status).
 */
import type { RefObject } from 'react';
import type { Response } from '../../../../shared/contract';
import type { Lang, Severity } from '../../../../shared/domain';
import { formatNumber, severityLabel } from '../../../../shared/i18n';
import { t } from '../../i18n';
import type { FindingsFilterControls, Status } from './useFindingsList';

/** "Findings 1,234 · 5 planned · 2 muted". */
function FindingsHeading({ lang, head }: { lang: Lang; head: Response<'findings:list'> | undefined }) {
  const openCount = head?.open ?? 0;
  const plannedCount = head?.planned ?? 0;
  return (
    <h2 id="findings-heading">
      {t(lang, 'findings')} {/* Shown once known: no "0" while the first page loads. */}
      {head && (
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
      {(head?.muted ?? 0) > 0 && <span className="muted small"> · {t(lang, 'mutedCount', { n: head!.muted })}</span>}
    </h2>
  );
}

/** The heading, then search and the two filters. */
export function FindingsHead({
  lang,
  head,
  searchRef,
  controls: c,
}: {
  lang: Lang;
  head: Response<'findings:list'> | undefined;
  searchRef: RefObject<HTMLInputElement | null>;
  controls: FindingsFilterControls;
}) {
  return (
    <div className="findings-head">
      <FindingsHeading lang={lang} head={head} />
      <div className="toolbar">
        <input
          ref={searchRef}
          type="search"
          placeholder={t(lang, 'search')}
          value={c.query}
          onChange={(e) => c.onQuery(e.target.value)}
          aria-label={t(lang, 'search')}
        />
        <select
          value={c.severity}
          onChange={(e) => c.onSeverity(e.target.value as Severity | 'all')}
          aria-label={t(lang, 'severity')}
        >
          <option value="all">{t(lang, 'all')}</option>
          {(['high', 'medium', 'low'] as const).map((s) => (
            <option key={s} value={s}>
              {severityLabel(lang, s)}
            </option>
          ))}
        </select>
        <select value={c.status} onChange={(e) => c.onStatus(e.target.value as Status)} aria-label={t(lang, 'status')}>
          <option value="all">{t(lang, 'statusAll')}</option>
          <option value="open">{t(lang, 'statusOpen')}</option>
          <option value="muted">{t(lang, 'statusMuted')}</option>
        </select>
      </div>
    </div>
  );
}
