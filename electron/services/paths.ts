import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'ShareAudit';
export const DB_FILE_NAME = 'shareaudit.db';

/**
 * The per-user app-data folder, the same one Electron's app.getPath('userData') returns
 * for productName "ShareAudit", so the CLI and the desktop app share one database.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

export function defaultDbPath(): string {
  return join(defaultDataDir(), DB_FILE_NAME);
}
