/**
 * The findings as a virtual list (Space selects a finding, Enter opens its evidence), or "no findings".
 */
import type { Lang } from '../../../../shared/domain';
import { t } from '../../i18n';
import type { RowWindow } from '../../api/windows';
import { VirtualList } from '../../ui/VirtualList';
import { FindingRow, type FindingActions } from './FindingRow';
import { isSelected, type Selection } from './selection';

export function FindingsList({
  lang,
  rows,
  onRange,
  selection,
  open,
  busy,
  actions,
}: {
  lang: Lang;
  rows: RowWindow<'findings:list'>;
  onRange: (range: { start: number; end: number }) => void;
  selection: Selection;
  open: string | null;
  busy: boolean;
  actions: FindingActions;
}) {
  if (rows.total === 0) return <p className="muted">{t(lang, 'noFindings')}</p>;
  return (
    <VirtualList
      count={rows.total ?? 0}
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
            busy={busy}
            actions={actions}
          />
        ) : (
          <div className="finding placeholder" aria-busy="true" />
        );
      }}
    />
  );
}
