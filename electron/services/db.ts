import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from './errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type DB = Database.Database;

export interface OpenOptions {
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron passes the
   * binary built against its own ABI (see scripts/postinstall.mjs); plain Node uses the default.
   */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openDatabase(path: string, options: OpenOptions = {}): DB {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // WAL: readers never block the writer (the UI keeps reading while an import writes).
    db.pragma('journal_mode = WAL');
    // SQLite ships with foreign keys off for compatibility; we rely on them for cascades.
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A 64 MB page cache (the default is 2 MB): a big import's transaction then never spills pages
    // to the log before it commits. Memory is only taken as pages are used.
    db.pragma('cache_size = -65536');
    // Durable at every checkpoint, and a crash can lose at most the last commit: the WAL default.
    db.pragma('synchronous = NORMAL');
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function migrate(db: DB, path = 'database'): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new AppError('DB_FROM_FUTURE', 'error.dbFromFuture', { path, found: current, known: SCHEMA_VERSION });
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
