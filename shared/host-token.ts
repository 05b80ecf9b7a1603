/**
 * How the page finds the local browser host's token (see electron/host.ts): the printed address
 * carries it in its fragment (`#token=…`), which browsers never send to a server. The page moves it
 * to this tab's sessionStorage (per origin, so per port: no other local server can read it), takes it
 * out of the address bar, and sends it as a header with every call. A reload finds it in storage.
 */
export const HOST_TOKEN_KEY = 'shareaudit.token';
export const HOST_TOKEN_HEADER = 'X-ShareAudit-Token';

export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The token from `hash` (then stored, and `clearHash` called), else the one stored before, else ''. */
export function takeHostToken(hash: string, storage: TokenStorage, clearHash: () => void): string {
  const fromAddress = /^#token=([0-9a-f]{64})$/.exec(hash)?.[1];
  if (fromAddress !== undefined) {
    storage.setItem(HOST_TOKEN_KEY, fromAddress);
    clearHash();
    return fromAddress;
  }
  return storage.getItem(HOST_TOKEN_KEY) ?? '';
}
