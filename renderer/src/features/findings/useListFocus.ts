/**
 * Where focus goes in the findings list when a row changes under it (muting moves a finding).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { RowWindow } from '../../api/windows';
import { focusLost } from '../../ui/focus';

/** Focus in the list, by place, and a finding's place kept while muting (or unmuting) moves it. */
export function useListFocus(
  section: RefObject<HTMLElement | null>,
  searchRef: RefObject<HTMLInputElement | null>,
  rows: RowWindow<'findings:list'>,
  range: { start: number; end: number },
) {
  // Focus in the list, by place: the list's row at `index`, or the one in its tab order.
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
  return { listRow, keepPlace };
}
