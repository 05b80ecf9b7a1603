/**
 * The Electron main process: one window, locked down, talking to the same services as the
 * CLI and the browser host through the one contract in shared/contract.ts. The defences that can be
 * decided without Electron live in ./hardening.ts (unit tested); docs/security.md lists them all.
 */
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  ipcMain,
  nativeTheme,
  protocol,
  session,
  shell,
  type WebContents,
} from 'electron';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CHANNELS, type Events } from '../../shared/contract';
import { isAllowedExternalUrl } from '../../shared/platform';
import { AppService } from '../services/app-service';
import { importDialogOptions } from './dialogs';
import { menuTemplate } from './menu';
import {
  APP_ENTRY,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appFilePath,
  appResponseHeaders,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedRequest,
  isAppFrame,
  unpackedPath,
  windowPreferences,
  type ShellMode,
} from './hardening';
import { DB_FILE_NAME } from '../services/paths';
import { beginServing, pageLoading } from '../services/foreground';

// React renders the report's HTML with its production build (loaded when a report is first made): the
// development build is about twice as slow. Nothing sets NODE_ENV for a desktop app or a CLI.
process.env.NODE_ENV ??= 'production';

/** electron-vite's dev server (`npm run dev`): never in a packaged build. */
const mode: ShellMode = {
  packaged: app.isPackaged,
  ...(!app.isPackaged && process.env.ELECTRON_RENDERER_URL ? { devServer: process.env.ELECTRON_RENDERER_URL } : {}),
};
const rendererDir = join(import.meta.dirname, '../renderer');
let service: AppService | undefined;
let mainWindow: BrowserWindow | null = null;

// The app's own scheme, before the app is ready: its page never runs from file://.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Every renderer sandboxed, whatever its web preferences say.
app.enableSandbox();

/** better-sqlite3 built against Electron's ABI by scripts/postinstall.mjs, beside Node's own build. */
function electronNativeBinding(): string | undefined {
  const path = unpackedPath(
    join(app.getAppPath(), 'native', `electron-${process.versions.modules}`, 'better_sqlite3.node'),
  );
  return existsSync(path) ? path : undefined;
}

function emit<E extends keyof Events>(event: E, payload: Events[E]): void {
  mainWindow?.webContents.send(`event:${event}`, payload);
}

/** The application menu in the page's language (the page says which when it starts and on change). */
function setMenu(lang: 'de' | 'en'): void {
  const template = menuTemplate({
    lang,
    mac: process.platform === 'darwin',
    appName: app.name,
    packaged: mode.packaged,
    run: (id) => emit('command', id),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // DevTools are off in packaged builds (windowPreferences); should they open anyway, they close.
  if (mode.packaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'ShareAudit',
    show: false,
    webPreferences: windowPreferences(join(import.meta.dirname, '../preload/index.cjs'), mode),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(mode.devServer ?? APP_ENTRY);
}

function registerIpc(svc: AppService): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => {
      // Only our own page may call: its top frame, on the app's origin — never a frame that
      // navigated elsewhere, an iframe, or a page of another scheme.
      const frame = event.senderFrame;
      if (!isAppFrame(frame && { url: frame.url, isTopFrame: frame.parent === null }, mode)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: `calls from ${frame?.url || 'an unknown frame'} are refused` },
        };
      }
      return svc.dispatch(channel, request);
    });
  }
}

app.on('web-contents-created', (_event, contents) => lockDown(contents));

/**
 * The services, opened as the process starts (the user-data path and the native binding need no ready
 * app): main's warm-up computes the audit while Electron gets ready and the window loads. Should the
 * database not open, the app says so once it is ready, and quits.
 */
function openService(): AppService | undefined {
  try {
    return new AppService(
      {
        dbPath: join(app.getPath('userData'), DB_FILE_NAME),
        nativeBinding: electronNativeBinding(),
        version: app.getVersion(),
      },
      {
        transport: 'electron',
        emit,
        setLanguage: setMenu,
        // 'system' gives the choice back to the OS; the page's prefers-color-scheme follows this too.
        setTheme: (theme) => {
          nativeTheme.themeSource = theme;
        },
        openImportDialog: async (folders) => {
          const options = importDialogOptions(folders, app.getLocale().startsWith('de') ? 'de' : 'en');
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return result.canceled ? [] : result.filePaths;
        },
        saveReport: async (fileName, data, format) => {
          const extension = format === 'csv' ? 'zip' : format;
          const options: Electron.SaveDialogOptions = {
            defaultPath: fileName,
            filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
          };
          const result = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          if (result.canceled || !result.filePath) return null;
          await writeFile(result.filePath, data);
          return result.filePath;
        },
        openExternal: (url) => shell.openExternal(url),
        // "Forget everything": the page's web storage (language, theme) and caches go with the database.
        forgetPlatformData: () => session.defaultSession.clearStorageData(),
      },
    );
  } catch (error) {
    // Shown once the app is ready: before, Linux writes an error box to stderr only.
    void app.whenReady().then(() => {
      dialog.showErrorBox('ShareAudit cannot open its database', (error as Error).message);
      app.exit(1);
    });
    return undefined;
  }
}

service = openService();
// In steps, with the event loop free between them: the window is created and paints meanwhile, and
// its numbers find the audit counted.
service?.warmUp();

void app.whenReady().then(() => {
  const ses = session.defaultSession;
  // The renderer's files, from the app's scheme: a URL maps to a file inside the renderer folder or
  // to nothing (hardening.ts appFilePath).
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appFilePath(request.url, rendererDir);
    if (file === null) return new Response('not found', { status: 404 });
    // Read before main's warm-up takes its next step (foreground.ts); the document starts a page load.
    if (basename(file) === 'index.html') pageLoading();
    const served = beginServing();
    try {
      return new Response(await readFile(file), { headers: appResponseHeaders(file) });
    } catch {
      return new Response('not found', { status: 404 });
    } finally {
      served();
    }
  });
  // No file:// request at all: the page has no business reading the disk.
  protocol.handle('file', () => new Response('file:// is not served', { status: 403 }));
  // Nothing ever leaves the machine: refuse every request that is not the app's own.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, mode) }));
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);

  if (!service) return;
  registerIpc(service);
  setMenu(app.getLocale().startsWith('de') ? 'de' : 'en');
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  service?.close();
  service = undefined;
});
