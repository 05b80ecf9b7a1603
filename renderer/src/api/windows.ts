/**
 * Long lists ask main for the rows they show: pages of PAGE rows, fetched for the visible range
 * only, cached per filter. A list of 60,000 findings downloads a few hundred rows, never all.
 */
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { Request, Response } from '../../../shared/contract';
import { platform } from '../platform';
import { keyOf } from './client';

export const PAGE = 100;

type Windowed = 'findings:list' | 'people:list' | 'revocations:list';
type Row<C extends Windowed> = Response<C>['rows'][number];

export interface RowWindow<C extends Windowed> {
  /** Rows matching the filter (known once the first page arrived). */
  total: number | null;
  /** The first page's whole answer: counts that come with it (e.g. open and muted findings). */
  head: Response<C> | undefined;
  rowAt(index: number): Row<C> | undefined;
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
  const byPage = new Map(pages.map((page, i) => [page, results[i]?.data as Response<C> | undefined]));
  const head = byPage.get(0);
  const rowAt = (index: number): Row<C> | undefined =>
    byPage.get(Math.floor(index / PAGE))?.rows[index % PAGE] as Row<C> | undefined;
  return { total: head?.total ?? null, head, rowAt, stale: results[0]?.isPlaceholderData ?? false };
}
