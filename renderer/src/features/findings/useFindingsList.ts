/**
 * The findings screen's data: the filter (search, severity, status) and the window of rows it shows.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Request } from '../../../../shared/contract';
import type { Severity } from '../../../../shared/domain';
import { useDebounced } from '../../api/client';
import { useRowWindow } from '../../api/windows';

export type Status = Request<'findings:list'>['status'];

/** The toolbar's filter: what it shows, and a change to each part of it. */
export interface FindingsFilterControls {
  query: string;
  severity: Severity | 'all';
  status: Status;
  onQuery: (query: string) => void;
  onSeverity: (severity: Severity | 'all') => void;
  onStatus: (status: Status) => void;
}

/**
 * The filter as typed and chosen, the one the list asks for (search settled), and its rows.
 * `onFilterChange`: after each change of the filter (the selection does not outlive it).
 */
export function useFindingsList(onFilterChange: () => void) {
  const [query, setQuery] = useState('');
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [status, setStatus] = useState<Status>('all');
  const [range, setRange] = useState({ start: 0, end: 0 });
  const settledQuery = useDebounced(query, 120);
  const filter = useMemo(() => ({ query: settledQuery, severity, status }), [settledQuery, severity, status]);
  const rows = useRowWindow('findings:list', filter, range);
  const onRange = useCallback((r: { start: number; end: number }) => setRange(r), []);
  const changeFilter = (change: () => void): void => {
    change();
    onFilterChange();
  };
  const controls: FindingsFilterControls = {
    query,
    severity,
    status,
    onQuery: (next) => changeFilter(() => setQuery(next)),
    onSeverity: (next) => changeFilter(() => setSeverity(next)),
    onStatus: (next) => changeFilter(() => setStatus(next)),
  };
  return { controls, severity, status, settledQuery, range, onRange, rows };
}
