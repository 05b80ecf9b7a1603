/**
 * Issue 13 items 16–17: the desktop window's defences that do not need Electron to be decided
 * (electron/main/hardening.ts). The Electron binary cannot be downloaded everywhere, so these are the
 * tests that run on every machine; test/e2e/electron covers the window where Electron exists.
 */
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  APP_SCHEME_PRIVILEGES,
  appFilePath,
  appResponseHeaders,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedRequest,
  isAppFrame,
  unpackedPath,
  windowPreferences,
} from '../../electron/main/hardening';

const root = join(sep, 'opt', 'ShareAudit', 'resources', 'app.asar', 'out', 'renderer');
const packaged = { packaged: true };
const dev = { packaged: false, devServer: 'http://localhost:5173/' };

describe('the app:// scheme', () => {
  it('maps the app URL to a file inside the renderer folder', () => {
    expect(APP_ENTRY).toBe('app://shareaudit/index.html');
    expect(appFilePath(APP_ENTRY, root)).toBe(join(root, 'index.html'));
    expect(appFilePath('app://shareaudit/', root)).toBe(join(root, 'index.html'));
    expect(appFilePath('app://shareaudit/assets/index-B4QT.js?v=1#x', root)).toBe(
      join(root, 'assets', 'index-B4QT.js'),
    );
    expect(appFilePath('app://shareaudit/assets/a%20b.css', root)).toBe(join(root, 'assets', 'a b.css'));
    expect(appFilePath('app://SHAREAUDIT/index.html', root)).toBe(join(root, 'index.html'));
  });

  it('resolves dot segments inside the folder: `..` never leaves it', () => {
    for (const url of [
      'app://shareaudit/../../secret.txt',
      'app://shareaudit/%2e%2e/%2e%2e/secret.txt',
      'app://shareaudit/assets/../../../secret.txt',
    ])
      expect(appFilePath(url, root), url).toBe(join(root, 'secret.txt'));
  });

  it.each([
    ['an encoded slash and dots', 'app://shareaudit/assets%2f..%2f..%2f..%2fsecret.txt'],
    ['a backslash', 'app://shareaudit/..%5c..%5csecret.txt'],
    ['a NUL byte', 'app://shareaudit/index.html%00.js'],
    ['a malformed escape', 'app://shareaudit/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://shareaudit:8080/index.html'],
    ['credentials', 'app://user:pass@shareaudit/index.html'],
    ['file://', `file://${join(root, 'index.html')}`],
    ['https', 'https://shareaudit/index.html'],
    ['no URL at all', '../index.html'],
  ])('refuses %s', (_name, url) => {
    expect(appFilePath(url, root)).toBeNull();
  });

  it('is registered standard and secure, never bypassing the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false });
    expect(APP_SCHEME_PRIVILEGES.allowServiceWorkers).toBe(false);
  });

  it('serves files with their type, the CSP and nosniff', () => {
    expect(appResponseHeaders(join(root, 'index.html'))).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': expect.stringContaining("default-src 'none'") as unknown,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(appResponseHeaders('x.JS')['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(appResponseHeaders('x.exe')['Content-Type']).toBe('application/octet-stream');
  });
});

describe('requests the window may make', () => {
  it('the app scheme, its blobs and data: URLs, packaged or not', () => {
    for (const mode of [packaged, dev]) {
      expect(isAllowedRequest('app://shareaudit/assets/index.js', mode)).toBe(true);
      expect(isAllowedRequest('blob:app://shareaudit/0b7c6e4e-1d8a-4f1e-9c1a-2b3c4d5e6f70', mode)).toBe(true);
      expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', mode)).toBe(true);
    }
  });

  it('never file://, the network, another app:// host, or a blob of another origin', () => {
    for (const mode of [packaged, dev])
      for (const url of [
        'file:///etc/passwd',
        'FILE:///C:/Windows/win.ini',
        'https://www.linkedin.com/',
        'http://127.0.0.1:8080/',
        'ws://127.0.0.1:9229/',
        'app://evil/index.html',
        'blob:https://evil.example/0b7c6e4e',
        'chrome://settings',
        'javascript:alert(1)',
      ])
        expect(isAllowedRequest(url, mode), url).toBe(false);
  });

  it('devtools:// only in an unpackaged build', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', packaged)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', { packaged: false })).toBe(true);
  });

  it('the dev server and its hot-reload socket only when not packaged', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', { ...dev, packaged: true })).toBe(false);
  });
});

describe('IPC answers only the app itself', () => {
  it("the app's top frame, and the dev server's only when not packaged", () => {
    expect(isAppFrame({ url: APP_ENTRY, isTopFrame: true }, packaged)).toBe(true);
    expect(isAppFrame({ url: 'app://shareaudit/index.html#/people', isTopFrame: true }, packaged)).toBe(true);
    expect(isAppFrame({ url: 'http://localhost:5173/', isTopFrame: true }, dev)).toBe(true);
    expect(isAppFrame({ url: 'http://localhost:5173/', isTopFrame: true }, { ...dev, packaged: true })).toBe(false);
  });

  it.each([
    ['file://', { url: `file://${join(root, 'index.html')}`, isTopFrame: true }],
    ['a page the window navigated to', { url: 'https://evil.example/', isTopFrame: true }],
    ['another app:// host', { url: 'app://evil/index.html', isTopFrame: true }],
    ['a look-alike', { url: 'app://shareaudit.evil/index.html', isTopFrame: true }],
    ['a subframe of the app', { url: APP_ENTRY, isTopFrame: false }],
    ['about:blank', { url: 'about:blank', isTopFrame: true }],
    ['no frame', null],
  ])('refuses %s', (_name, frame) => {
    expect(isAppFrame(frame, packaged)).toBe(false);
    expect(isAppFrame(frame, { packaged: false })).toBe(false);
  });
});

describe('the window and its session', () => {
  it('isolated, sandboxed, without Node or webviews; DevTools only in an unpackaged build', () => {
    const prefs = windowPreferences('/app/preload.cjs', packaged);
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(windowPreferences('/app/preload.cjs', { packaged: false }).devTools).toBe(true);
  });

  it('denies every permission request and every permission check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      denyPermissionRequest(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(denyPermissionCheck()).toBe(false);
  });

  it('the main process wires all of it: no file:// load, the handlers beside each other', () => {
    const main = readFileSync(join(import.meta.dirname, '..', '..', 'electron', 'main', 'index.ts'), 'utf8');
    expect(main).not.toMatch(/loadFile\(|startsWith\('file:\/\/'\)/);
    for (const call of [
      'protocol.registerSchemesAsPrivileged(',
      'protocol.handle(APP_SCHEME',
      "protocol.handle('file'",
      'setPermissionRequestHandler(denyPermissionRequest)',
      'setPermissionCheckHandler(denyPermissionCheck)',
      'onBeforeRequest(',
      'isAllowedRequest(details.url, mode)',
      'isAppFrame(',
      'windowPreferences(',
      'app.enableSandbox()',
    ])
      expect(main, call).toContain(call);
  });

  it('loads the native module from beside the ASAR archive', () => {
    const inside = join(sep, 'opt', 'ShareAudit', 'resources', 'app.asar', 'native', 'electron-140', 'b.node');
    expect(unpackedPath(inside)).toBe(
      join(sep, 'opt', 'ShareAudit', 'resources', 'app.asar.unpacked', 'native', 'electron-140', 'b.node'),
    );
    expect(unpackedPath('/work/main/native/electron-140/b.node')).toBe('/work/main/native/electron-140/b.node');
  });
});
