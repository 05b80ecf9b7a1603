/** What the page waits for comes first (electron/services/foreground.ts). */
import { describe, expect, it } from 'vitest';
import { beginServing, pageServed } from '../../electron/services/foreground';

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
