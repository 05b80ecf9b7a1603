/**
 * The renderer's one data layer: TanStack Query over the contract. Every query is keyed per domain;
 * every write invalidates what the database feeds (the whole cache: all of it is derived from the
 * database), so views refetch what they show — and only the views on screen.
 */
import { keepPreviousData, QueryClient, useQuery, type Query } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Channel, Request, Response } from '../../../shared/contract';
import { platform } from '../platform';

/** The channels whose answers are windows of rows: a screen's list (windows.ts). */
export const WINDOWED = ['findings:list', 'people:list', 'revocations:list', 'plan:get'] as const;
const LISTS = new Set<string>(WINDOWED);

export const queryClient = new QueryClient({
  defaultOptions: {
    // Data changes only through writes, which invalidate: no refetch on focus, no timers, no retries
    // of a refused request (its error is the answer).
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
  },
});

/** The query key of a channel and its request: the domain comes first (`audit`, `people`, …). */
export function keyOf<C extends Channel>(channel: C, request: Request<C>): readonly unknown[] {
  const [domain, verb] = channel.split(':');
  return [domain, verb, request];
}

/**
 * One request per view state; a reply to an older state never shows for a newer one (the cache
 * is keyed by the request), so out-of-order replies cannot put the wrong list on screen.
 */
export function useContract<C extends Channel>(channel: C, request: Request<C>, enabled = true) {
  return useQuery<Response<C>>({
    queryKey: keyOf(channel, request),
    queryFn: () => platform.invoke(channel, request),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * Asks for what a view will show before the view is rendered (the opening screen's numbers, as the app's
 * code starts): its `useContract` finds the request under way, or answered.
 */
export function prefetch<C extends Channel>(channel: C, request: Request<C>): void {
  void queryClient.prefetchQuery({
    queryKey: keyOf(channel, request),
    queryFn: () => platform.invoke(channel, request),
  });
}

/** Runs a write, then marks everything read from the database as stale. */
export async function write<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
  try {
    return await platform.invoke(channel, request);
  } finally {
    // The lists on screen are asked first: main answers in turn, and a write's effect is seen in the
    // list it was made from (the row revoked, its count) — the numbers beside it come next.
    const list = (query: Query): boolean => LISTS.has(`${String(query.queryKey[0])}:${String(query.queryKey[1])}`);
    await Promise.all([
      queryClient.invalidateQueries({ predicate: list }),
      queryClient.invalidateQueries({ predicate: (query) => !list(query) }),
    ]);
  }
}

/**
 * The value, at most one change per `ms`: a change after a pause (a choice in a list, the first key
 * typed) goes at once; changes in quick succession (typing on) wait until they pause for `ms`. One
 * request per pause in typing, not per key — and none waits for a pause that already happened.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const lastChange = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    const now = performance.now();
    const quiet = now - lastChange.current >= ms;
    lastChange.current = now;
    if (quiet) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
