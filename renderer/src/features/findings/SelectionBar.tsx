/**
 * The findings' selection bar: how many are selected, "select all matching", clear, "Revoke selected".
 */
import type { Lang } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/i18n';
import { t } from '../../i18n';
import { EMPTY, selectedCount, type Selection } from './selection';

/** `selectable`: open findings matching the filter, less those already planned. */
export function SelectionBar({
  lang,
  selection,
  onSelection,
  matching,
  selectable,
  canSelectAll,
  busy,
  onRevoke,
}: {
  lang: Lang;
  selection: Selection;
  onSelection: (selection: Selection) => void;
  matching: Extract<Selection, { kind: 'matching' }>['filter'];
  selectable: number;
  canSelectAll: boolean;
  busy: boolean;
  onRevoke: () => void;
}) {
  const count = selectedCount(selection);
  return (
    <div className="selection-bar" data-testid="selection-bar">
      <span aria-live="polite">
        {selection.kind === 'matching'
          ? t(lang, 'selectedMatching', { n: count })
          : t(lang, 'selectedCount', { n: count })}
      </span>
      <button
        type="button"
        className="secondary"
        disabled={!canSelectAll || selectable === 0}
        onClick={() => onSelection({ kind: 'matching', filter: matching, total: selectable, except: new Set() })}
      >
        {t(lang, 'selectAllMatching', { n: selectable })}
      </button>
      {count > 0 && (
        <button type="button" className="link" onClick={() => onSelection(EMPTY)}>
          {t(lang, 'clearSelection')}
        </button>
      )}
      <button
        type="button"
        className="danger"
        disabled={count === 0}
        // While a write runs: not `disabled`, which would drop focus (the confirmation gives it back here).
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) onRevoke();
        }}
      >
        {t(lang, 'revokeSelected')} ({formatNumber(lang, count)})
      </button>
    </div>
  );
}
