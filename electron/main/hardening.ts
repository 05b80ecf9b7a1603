/**
 * The desktop window's defences that can be decided without Electron running (so they are unit
 * tested: test/unit/electron-shell.test.ts), used by electron/main/index.ts:
 *
 * - the app is served from its own scheme, `app://shareaudit/…`, never from `file://`: the page has
 *   an origin of its own, CSP `'self'` means the app's files only, and a URL maps to a file inside
 *   the renderer folder or to nothing;
 * - requests: only the app's own scheme (and blobs/data of the page) — no `file://`, no network, and
 *   `devtools://` only in an unpackaged (development) build;
 * - IPC is answered only for the app's own top frame;
 * - the window's web preferences (DevTools off when packaged) and the permission handlers (deny).
 */
import type { WebPreferences } from 'electron';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'shareaudit';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Registered before the app is ready: `standard` (an origin, relative URLs), `secure` (a secure
 * context, like https), fetch for the page's module scripts. Never `bypassCSP`, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The file an `app://shareaudit/…` URL names inside `root` (the built renderer), or null: another
 * scheme or host, credentials or a port, a malformed escape, a NUL or backslash, or a path that
 * leaves `root` (`..`, encoded or not) is nothing.
 */
export function appFilePath(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) return null;
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '' || path === '/') path = '/index.html';
  const file = normalize(join(root, path));
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}

/** The headers of a file served from the app's scheme: its type, the CSP, no sniffing. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
  };
}

export interface ShellMode {
  /** `app.isPackaged`: an installed build, not `npm start`/`npm run dev`. */
  packaged: boolean;
  /** electron-vite's dev server (`npm run dev`), honoured only when not packaged. */
  devServer?: string;
}

function devOrigin(mode: ShellMode): string | null {
  if (mode.packaged || mode.devServer === undefined) return null;
  try {
    return new URL(mode.devServer).origin;
  } catch {
    return null;
  }
}

function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.hostname.toLowerCase() === APP_HOST &&
      parsed.port === '' &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/**
 * Whether the window may make this request. Nothing ever leaves the machine and nothing is read
 * through `file://`: the app's scheme, blobs and `data:` of the page, and — in development only —
 * DevTools and the dev server.
 */
export function isAllowedRequest(url: string, mode: ShellMode): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith('devtools://')) return !mode.packaged;
  const dev = devOrigin(mode);
  if (dev === null) return false;
  if (url.startsWith('blob:')) return url.startsWith(`blob:${dev}/`);
  try {
    const parsed = new URL(url);
    // The dev server and its hot-reload socket.
    return parsed.origin === dev || `${parsed.protocol.replace(/^ws/, 'http')}//${parsed.host}` === dev;
  } catch {
    return false;
  }
}

/** Whether an IPC call comes from the app's own page: its top frame, on the app's origin. */
export function isAppFrame(frame: { url: string; isTopFrame: boolean } | null | undefined, mode: ShellMode): boolean {
  if (!frame?.isTopFrame) return false;
  if (isAppUrl(frame.url)) return true;
  const dev = devOrigin(mode);
  if (dev === null) return false;
  try {
    return new URL(frame.url).origin === dev;
  } catch {
    return false;
  }
}

/** The window's web preferences: isolated, sandboxed, no Node, no webviews; DevTools only unpackaged. */
export function windowPreferences(preload: string, mode: ShellMode): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: !mode.packaged,
  };
}

/** Every permission request (camera, notifications, geolocation, …) is refused… */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void) {
  callback(false);
}

/** …and every permission check answered "no" (what the page can query without asking). */
export function denyPermissionCheck(): boolean {
  return false;
}

/**
 * A native module inside the app's ASAR archive is loaded from beside it: electron-builder unpacks
 * it to `app.asar.unpacked` (electron-builder.yml `asarUnpack`), and a `.node` file cannot be loaded
 * from inside an archive.
 */
export function unpackedPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}
