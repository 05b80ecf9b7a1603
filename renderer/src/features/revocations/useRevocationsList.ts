/**
 * The revocations screen's data: the search and group, the window of rows they show, and which
 * revocation's history is open.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Request } from '../../../../shared/contract';
import { useDebounced } from '../../api/client';
import { useRowWindow } from '../../api/windows';

export type Group = Request<'revocations:list'>['group'];

export function useRevocationsList() {
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState<Group>('all');
  const [range, setRange] = useState({ start: 0, end: 0 });
  const [open, setOpen] = useState<number | null>(null);
  // One request per pause in typing; a reply to an earlier query never shows for a later one.
  const settledQuery = useDebounced(query, 120);
  const filter = useMemo(() => ({ query: settledQuery, group }), [settledQuery, group]);
  const rows = useRowWindow('revocations:list', filter, range);
  const onRange = useCallback((r: { start: number; end: number }) => setRange(r), []);
  const toggle = (id: number): void => setOpen((o) => (o === id ? null : id));
  const filtered = settledQuery.trim() !== '' || group !== 'all';
  // Nothing to search or group before the first revocation.
  const tools = query !== '' || group !== 'all' || (rows.head?.live ?? 0) + (rows.head?.closed ?? 0) > 0;
  return { query, setQuery, group, setGroup, rows, onRange, open, toggle, filtered, tools };
}
