/** What the service is told by whoever runs it: the desktop app, the browser host or the CLI. */
import type { AppInfo, Events, ThemeChoice } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import type { ReportFormat } from './report';

/** What differs between the desktop app, the browser host and the CLI. */
export interface PlatformHooks {
  transport: AppInfo['transport'];
  openImportDialog?: (folders: boolean) => Promise<string[]>;
  /** Asks where to save the report (in its format) and writes it; null when the user cancels. */
  saveReport?: (fileName: string, data: Uint8Array, format: ReportFormat) => Promise<string | null>;
  openExternal?: (url: string) => Promise<void>;
  /** "Forget everything": what the platform keeps beside the database (the desktop app's web storage). */
  forgetPlatformData?: () => Promise<void>;
  /** The browser host maps an upload id to the temporary file it wrote. */
  resolveUpload?: (id: string) => string | undefined;
  emit?: <E extends keyof Events>(event: E, payload: Events[E]) => void;
  /** The desktop app rebuilds its menu in the page's language. */
  setLanguage?: (lang: Lang) => void;
  /** The desktop app's own parts (title bar, menus, dialogs) take the page's theme choice. */
  setTheme?: (theme: ThemeChoice) => void;
}

export interface AppServiceOptions {
  dbPath: string;
  nativeBinding?: string;
  /** How long to wait for another program's lock on the database (ms). */
  busyTimeoutMs?: number;
  version?: string;
  now?: () => Date;
}
