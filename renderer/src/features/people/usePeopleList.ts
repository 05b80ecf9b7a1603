/**
 * The people screen's data: the search and network, the window of rows they show, and the XING
 * contacts selected for a bulk change.
 */
import { useCallback, useMemo, useState } from 'react';
import { useDebounced } from '../../api/client';
import { useRowWindow } from '../../api/windows';

export type Network = 'linkedin' | 'xing' | null;

export function usePeopleList() {
  const [query, setQuery] = useState('');
  const [network, setNetwork] = useState<Network>(null);
  const [range, setRange] = useState({ start: 0, end: 0 });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // One request per pause in typing; a reply to an earlier query never shows for a later one.
  const settledQuery = useDebounced(query, 120);
  const filter = useMemo(() => ({ query: settledQuery, network }), [settledQuery, network]);
  const rows = useRowWindow('people:list', filter, range);
  const onRange = useCallback((r: { start: number; end: number }) => setRange(r), []);

  const toggle = (id: number): void =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const clear = (): void => setSelected(new Set());

  return { query, setQuery, network, setNetwork, rows, onRange, selected, toggle, clear };
}
