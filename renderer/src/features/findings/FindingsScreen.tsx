import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../../shared/domain';
import { useFeedback } from '../../app/toast';
import { FindingsHead } from './FindingsHead';
import { FindingsList } from './FindingsList';
import { RevokeDialog } from './RevokeDialog';
import { SelectionBar } from './SelectionBar';
import { EMPTY, type Selection } from './selection';
import { useFindingActions, useRevokeSelection } from './useFindingActions';
import { useFindingsList } from './useFindingsList';
import { useListFocus } from './useListFocus';

/** Every finding, a window at a time: search, filter, select (these, or all matching), revoke, mute. */
export function FindingsScreen({ lang, focusSearch = 0 }: { lang: Lang; focusSearch?: number }) {
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusSearch > 0) searchRef.current?.focus();
  }, [focusSearch]);
  const feedback = useFeedback();
  const [open, setOpen] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>(EMPTY);
  const list = useFindingsList(() => setSelection(EMPTY));
  const { rows } = list;
  const section = useRef<HTMLElement>(null);
  const { listRow, keepPlace } = useListFocus(section, searchRef, rows, list.range);
  const actions = useFindingActions(lang, feedback, setSelection, setOpen, keepPlace);
  const revoke = useRevokeSelection(lang, feedback, selection, setSelection, listRow);

  const selectable = (rows.head?.open ?? 0) - (rows.head?.planned ?? 0);
  return (
    <section ref={section} className="card findings" aria-labelledby="findings-heading">
      <FindingsHead lang={lang} head={rows.head} searchRef={searchRef} controls={list.controls} />
      <SelectionBar
        lang={lang}
        selection={selection}
        onSelection={setSelection}
        matching={{ query: list.settledQuery, severity: list.severity }}
        selectable={selectable}
        canSelectAll={list.status !== 'muted'}
        busy={feedback.busy}
        onRevoke={() => void revoke.askToRevoke()}
      />
      <FindingsList
        lang={lang}
        rows={rows}
        onRange={list.onRange}
        selection={selection}
        open={open}
        busy={feedback.busy}
        actions={actions}
      />
      {revoke.confirming && (
        <RevokeDialog
          lang={lang}
          confirming={revoke.confirming}
          onCancel={revoke.cancel}
          onConfirm={() => void revoke.confirmRevoke()}
        />
      )}
    </section>
  );
}
