/**
 * Work in slices: a long computation written as a generator that yields between slices runs either at
 * once (`runAtOnce`) or with the caller's `pause()` between slices (`runInSlices`), so main's event
 * loop keeps answering while a heavy user's audit or report is built. Pure: the pause is the caller's.
 */
export interface Slicing {
  /** Lets the event loop run (main: the next turn). */
  pause: () => Promise<void>;
  /** Work longer than this goes on only after a pause. */
  budgetMs?: number;
}

/** Items handled between two chances to pause. */
export const SLICE = 500;

export function runAtOnce<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function runInSlices<T>(steps: Generator<void, T>, { pause, budgetMs = 15 }: Slicing): Promise<T> {
  let start = Date.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (Date.now() - start >= budgetMs) {
      await pause();
      start = Date.now();
    }
  }
}

/** `list.map(f)`, yielding after every `slice` items. */
export function* mapInSlices<T, U>(list: readonly T[], f: (item: T) => U, slice = SLICE): Generator<void, U[]> {
  const out: U[] = [];
  for (let i = 0; i < list.length; i++) {
    out.push(f(list[i]!));
    if (i % slice === slice - 1) yield;
  }
  return out;
}
