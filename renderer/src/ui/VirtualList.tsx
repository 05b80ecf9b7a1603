import { useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';

export interface VirtualListProps {
  count: number;
  label: string;
  testId?: string;
  estimateSize?: number;
  rowKey: (index: number) => string | number;
  renderRow: (index: number) => ReactNode;
  /** The rows in view (with some overscan): the list asks for their data. */
  onRange: (range: { start: number; end: number }) => void;
  onSelect?: (index: number) => void;
  onOpen?: (index: number) => void;
}

/**
 * A long list that renders only the rows in view (TanStack Virtual, scrolling with the page), with
 * the keyboard of a desktop list: ↑/↓ move, Home/End jump, Space selects, Enter opens. One row is
 * in the tab order at a time (roving tabindex); the rows' own buttons stay reachable with Tab.
 */
export function VirtualList({
  count,
  label,
  testId,
  estimateSize = 88,
  rowKey,
  renderRow,
  onRange,
  onSelect,
  onOpen,
}: VirtualListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const { virtualizer, items, offset, covered } = useRowsInView({ listRef, count, estimateSize, rowKey, onRange });
  const { current, setActive, onKeyDown } = useListKeys({
    count,
    visible: items.length,
    listRef,
    covered,
    virtualizer,
    onSelect,
    onOpen,
  });

  return (
    <ul
      ref={listRef}
      className="virtual-list"
      aria-label={label}
      data-testid={testId}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <li
          key={item.key}
          ref={virtualizer.measureElement}
          data-index={item.index}
          aria-posinset={item.index + 1}
          aria-setsize={count}
          tabIndex={item.index === current ? 0 : -1}
          onFocus={(e) => {
            if (e.target === e.currentTarget) setActive(item.index);
          }}
          className="virtual-row"
          style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start - offset}px)` }}
        >
          {renderRow(item.index)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The rows in view, placed on the page (below what is above the list, scrolled clear of the sticky
 * header); the list is told which they are whenever they change.
 */
function useRowsInView({
  listRef,
  count,
  estimateSize,
  rowKey,
  onRange,
}: Pick<VirtualListProps, 'count' | 'rowKey' | 'onRange'> & {
  listRef: RefObject<HTMLUListElement | null>;
  estimateSize: number;
}) {
  const { offset, covered } = usePlacement(listRef);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => estimateSize,
    overscan: 8,
    scrollMargin: offset,
    scrollPaddingStart: covered,
    getItemKey: rowKey,
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = items[items.length - 1]?.index ?? 0;
  useEffect(() => onRange({ start, end }), [start, end, onRange]);
  return { virtualizer, items, offset, covered };
}

/**
 * Where the list starts on the page — what is above it (a toolbar, a banner) can change height — and
 * how much of the window's top the page's sticky header covers: a row scrolled to the top of the window
 * goes below it, not under it.
 */
function usePlacement(listRef: RefObject<HTMLUListElement | null>): { offset: number; covered: number } {
  const [offset, setOffset] = useState(0);
  const [covered, setCovered] = useState(0);
  useLayoutEffect(() => {
    const measure = (): void => {
      const top = (listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setOffset((current) => (Math.abs(top - current) > 0.5 ? top : current));
      const header = document.querySelector('header');
      const sticky = header !== null && ['sticky', 'fixed'].includes(getComputedStyle(header).position);
      const height = sticky ? header.getBoundingClientRect().height : 0;
      setCovered((current) => (Math.abs(height - current) > 0.5 ? height : current));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [listRef]);

  return { offset, covered };
}

/**
 * The list's keyboard: ↑/↓, Page Up/Down, Home/End move the one row in the tab order (and focus it once
 * drawn), Space selects, Enter opens.
 */
function useListKeys({
  count,
  visible,
  listRef,
  covered,
  virtualizer,
  onSelect,
  onOpen,
}: {
  count: number;
  /** Rows drawn: a page's move is that many less two. */
  visible: number;
  listRef: RefObject<HTMLUListElement | null>;
  covered: number;
  virtualizer: Virtualizer<Window, Element>;
  onSelect?: (index: number) => void;
  onOpen?: (index: number) => void;
}) {
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const current = Math.min(active, Math.max(0, count - 1));
  useEffect(() => {
    if (!focusPending.current) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const move = (index: number): void => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    focusPending.current = true;
    // TanStack scrolls the last row to the page's very end, as if the list ended the page; a list with
    // more below it (History's events above its imports) would scroll past itself. The last row, when
    // not in full view already, is brought to the top instead (below the sticky header; at the page's
    // end that is clamped to the same place as before).
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.getBoundingClientRect();
    const inView = row !== undefined && row.top >= covered && row.bottom <= window.innerHeight;
    if (next === count - 1 && next > 0) {
      if (!inView) virtualizer.scrollToIndex(next, { align: 'start' });
    } else virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    // Keys typed into a field or on a button inside a row belong to them.
    const target = event.target as HTMLElement;
    if (target.tagName !== 'LI') return;
    const page = Math.max(1, visible - 2);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      PageDown: () => move(current + page),
      PageUp: () => move(current - page),
      Home: () => move(0),
      End: () => move(count - 1),
      ' ': () => onSelect?.(current),
      Enter: () => onOpen?.(current),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  return { current, setActive, onKeyDown };
}
