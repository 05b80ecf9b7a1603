/**
 * The Electron main process: one window, locked down, talking to the same services as the
 * CLI and the browser host through the one contract in shared/contract.ts.
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHANNELS, type Events } from '../../shared/contract';
import { isAllowedExternalUrl } from '../../shared/platform';
import { AppService } from '../services/app-service';
import { importDialogOptions } from './dialogs';
import { DB_FILE_NAME } from '../services/paths';

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
let service: AppService | undefined;
let mainWindow: BrowserWindow | null = null;

/** better-sqlite3 built against Electron's ABI by scripts/postinstall.mjs, beside Node's own build. */
function electronNativeBinding(): string | undefined {
  const path = join(app.getAppPath(), 'native', `electron-${process.versions.modules}`, 'better_sqlite3.node');
  return existsSync(path) ? path : undefined;
}

function isOwnPage(url: string): boolean {
  return rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://');
}

function emit<E extends keyof Events>(event: E, payload: Events[E]): void {
  mainWindow?.webContents.send(`event:${event}`, payload);
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'ShareAudit',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (rendererUrl) void mainWindow.loadURL(rendererUrl);
  else void mainWindow.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

function registerIpc(svc: AppService): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => {
      // Only our own page may call: never a frame that navigated elsewhere.
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isOwnPage(frameUrl)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: `calls from ${frameUrl || 'an unknown frame'} are refused` },
        };
      }
      return svc.dispatch(channel, request);
    });
  }
}

app.on('web-contents-created', (_event, contents) => lockDown(contents));

void app.whenReady().then(() => {
  // Nothing ever leaves the machine: refuse every request that is not our own page.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    // Local only: the app's files, in-memory blobs (file exports) and data: URLs; never the network.
    const ok =
      details.url.startsWith('file://') ||
      details.url.startsWith('blob:') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('devtools://') ||
      (rendererUrl !== undefined && details.url.startsWith(new URL(rendererUrl).origin));
    callback({ cancel: !ok });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  try {
    service = new AppService(
      {
        dbPath: join(app.getPath('userData'), DB_FILE_NAME),
        nativeBinding: electronNativeBinding(),
        version: app.getVersion(),
      },
      {
        transport: 'electron',
        emit,
        openImportDialog: async (folders) => {
          const options = importDialogOptions(folders, app.getLocale().startsWith('de') ? 'de' : 'en');
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return result.canceled ? [] : result.filePaths;
        },
        saveReport: async (fileName, html) => {
          const options: Electron.SaveDialogOptions = {
            defaultPath: fileName,
            filters: [{ name: 'HTML', extensions: ['html'] }],
          };
          const result = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          if (result.canceled || !result.filePath) return null;
          await writeFile(result.filePath, html, 'utf8');
          return result.filePath;
        },
        openExternal: (url) => shell.openExternal(url),
      },
    );
  } catch (error) {
    dialog.showErrorBox('ShareAudit cannot open its database', (error as Error).message);
    app.exit(1);
    return;
  }
  registerIpc(service);
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
