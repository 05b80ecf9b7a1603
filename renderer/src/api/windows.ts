/**
 * Long lists ask main for the rows they show: pages of PAGE rows, fetched for the visible range
 * only, cached per filter. A list of 60,000 findings downloads a few hundred rows, never all.
 */
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Request, Response } from '../../../shared/contract';
import { platform } from '../platform';
import { keyOf, WINDOWED } from './client';

export const PAGE = 100;

type Windowed = (typeof WINDOWED)[number];
type Row<C extends Windowed> = Response<C>['rows'][number];

export interface RowWindow<C extends Windowed> {
  /** Rows matching the filter (known once the first page arrived). */
  total: number | null;
  /** The first page's whole answer: counts that come with it (e.g. open and muted findings). */
  head: Response<C> | undefined;
  rowAt(index: number): Row<C> | undefined;
  /**
   * The row's key for the virtual list: its id once loaded, else a negative placeholder (ids are
   * positive numbers or strings). The same function while the loaded rows stay the same — the list
   * measures all its rows again whenever it changes (60,001 findings).
   */
  rowKey(index: number): string | number;
  /** True while the rows on screen belong to an earlier filter (a new answer is on its way). */
  stale: boolean;
}

export function useRowWindow<C extends Windowed>(
  channel: C,
  filter: Omit<Request<C>, 'offset' | 'limit'>,
  range: { start: number; end: number },
): RowWindow<C> {
  const first = Math.floor(range.start / PAGE);
  const last = Math.max(first, Math.floor(range.end / PAGE));
  const pages = [0];
  for (let p = Math.max(1, first); p <= last; p++) pages.push(p);
  const results = useQueries({
    queries: pages.map((page) => {
      const request = { ...filter, offset: page * PAGE, limit: PAGE } as Request<C>;
      return {
        queryKey: keyOf(channel, request),
        queryFn: () => platform.invoke(channel, request),
        // While a new filter's first page is on its way, the old one stays on screen.
        placeholderData: page === 0 ? keepPreviousData : undefined,
      };
    }),
  });
  const data = results.map((r) => r.data as Response<C> | undefined);
  // Which answers are on screen, by identity: the functions below change only when one does.
  const signature = pages.map((page, i) => `${page}:${identity(data[i])}`).join(',');
  const { rowAt, rowKey } = useMemo(
    () => {
      const byPage = new Map(pages.map((page, i) => [page, data[i]]));
      const at = (index: number): Row<C> | undefined =>
        byPage.get(Math.floor(index / PAGE))?.rows[index % PAGE] as Row<C> | undefined;
      const idOf = ROW_ID[channel] as (row: Row<C>) => string | number;
      const key = (index: number): string | number => {
        const row = at(index);
        return row === undefined ? -1 - index : idOf(row);
      };
      return { rowAt: at, rowKey: key };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pages and data are what the signature names
    [signature, channel],
  );
  // Page 0 always comes first: its answer carries the counts.
  const head = data[0];
  return { total: head?.total ?? null, head, rowAt, rowKey, stale: results[0]?.isPlaceholderData ?? false };
}

/** A number per answer object, to tell answers apart by identity. */
const identities = new WeakMap<object, number>();
let lastIdentity = 0;
function identity(value: object | undefined): number {
  if (value === undefined) return 0;
  let id = identities.get(value);
  if (id === undefined) {
    id = ++lastIdentity;
    identities.set(value, id);
  }
  return id;
}

/** A row's id, per list. */
const ROW_ID: { [C in Windowed]: (row: Row<C>) => string | number } = {
  'findings:list': (row) => row.id,
  'plan:get': (row) => row.key,
  'people:list': (row) => row.contact.id,
  'revocations:list': (row) => row.id,
};
