/** What the page waits for comes first (electron/services/foreground.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  beginServing,
  pageLoadEnded,
  pageLoaded,
  pageLoading,
  pageServed,
  PAGE_LOAD_CAP_MS,
} from '../../electron/services/foreground';

describe('the page is served before the warm-up goes on', () => {
  it('waits until every file being served is served; ending twice ends once', async () => {
    await pageServed();
    const a = beginServing();
    const b = beginServing();
    let resumed = false;
    const waiting = pageServed().then(() => (resumed = true));
    a();
    a();
    await Promise.resolve();
    expect(resumed).toBe(false);
    b();
    await waiting;
    expect(resumed).toBe(true);
    await pageServed();
  });
});

describe('a page loading holds the warm-up back until it asks for more than its numbers', () => {
  afterEach(() => {
    pageLoadEnded();
    vi.useRealTimers();
  });

  it('from its document until its load is ended', async () => {
    await pageLoaded();
    pageLoading();
    let resumed = false;
    const waiting = pageLoaded().then(() => (resumed = true));
    for (let turn = 0; turn < 20; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(resumed).toBe(false);
    pageLoadEnded();
    await waiting;
    expect(resumed).toBe(true);
    // Ended again (a later request): nothing waits, nothing breaks.
    pageLoadEnded();
    await pageLoaded();
  });

  it('at most a while when the page never asks for more; a new document starts the while again', async () => {
    vi.useFakeTimers();
    pageLoading();
    let resumed = false;
    const waiting = pageLoaded().then(() => (resumed = true));
    await vi.advanceTimersByTimeAsync(PAGE_LOAD_CAP_MS - 100);
    expect(resumed).toBe(false);
    // Reloaded: the cap counts from the new document.
    pageLoading();
    await vi.advanceTimersByTimeAsync(PAGE_LOAD_CAP_MS - 100);
    expect(resumed).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    await waiting;
    expect(resumed).toBe(true);
  });
});
