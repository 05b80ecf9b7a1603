import { describe, expect, it } from 'vitest';
import { HOST_TOKEN_KEY, takeHostToken } from '../../shared/host-token';

function storage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('the browser host token in the page', () => {
  const token = 'ab'.repeat(32);

  it('is taken from the fragment once, kept in sessionStorage, and removed from the address', () => {
    const s = storage();
    let cleared = 0;
    expect(takeHostToken(`#token=${token}`, s, () => cleared++)).toBe(token);
    expect(s.items.get(HOST_TOKEN_KEY)).toBe(token);
    expect(cleared).toBe(1);
    // A reload: the address has no fragment any more, the tab's storage still has the token.
    expect(takeHostToken('', s, () => cleared++)).toBe(token);
    expect(cleared).toBe(1);
  });

  it('ignores anything but a whole token in the fragment', () => {
    for (const hash of ['#token=abc', `#token=${token}x`, `#x=1&token=${token}`, `?token=${token}`, '']) {
      const s = storage();
      expect(
        takeHostToken(hash, s, () => undefined),
        hash,
      ).toBe('');
      expect(s.items.size).toBe(0);
    }
  });
});
