import Database from 'better-sqlite3';
import {
  accessSync,
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from './errors';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type DB = Database.Database;

/**
 * ShareAudit's mark in the database header (`PRAGMA application_id`), written by migration 6: the
 * file is ShareAudit's, and nothing else is written into.
 */
export { APPLICATION_ID };
/** The schema version that first wrote APPLICATION_ID; databases below it are recognised by their tables. */
export const APPLICATION_ID_VERSION = 6;

export interface OpenOptions {
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron passes the
   * binary built against its own ABI (see scripts/postinstall.mjs); plain Node uses the default.
   */
  nativeBinding?: string;
  /** Open for reading only. Without it, a file this user cannot write is opened read-only anyway. */
  readonly?: boolean;
  /** How long to wait for another program's lock before "database is locked" (ms). */
  busyTimeoutMs?: number;
}

/** The files SQLite keeps for one database: the file, its write-ahead log and its shared memory. */
export function databaseFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];
}

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * One clear line for an error of SQLite's, naming the database and what to do (in the catalogue,
 * `error.db*`); undefined for any other error. SQLite's own text ("database is locked") names neither.
 */
export function databaseError(error: unknown, path: string): AppError | undefined {
  if (error instanceof AppError) return undefined;
  const code = sqliteCode(error);
  if (code === undefined) return undefined;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError('DB_LOCKED', 'error.dbLocked', { path });
  if (code === 'SQLITE_FULL') return new AppError('DB_FULL', 'error.dbFull', { path });
  if (code === 'SQLITE_READONLY_DIRECTORY') return new AppError('DB_READONLY', 'error.dbReadonlyFolder', { path });
  if (code.startsWith('SQLITE_READONLY')) return new AppError('DB_READONLY', 'error.dbReadonly', { path });
  if (code === 'SQLITE_NOTADB') return new AppError('DB_NOT_A_DATABASE', 'error.dbNotADatabase', { path });
  if (code.startsWith('SQLITE_CORRUPT'))
    return new AppError('DB_CORRUPT', 'error.dbCorrupt', { path, detail: (error as Error).message });
  if (code.startsWith('SQLITE_CANTOPEN')) return new AppError('DB_CANT_OPEN', 'error.dbCantOpen', { path });
  if (code.startsWith('SQLITE_IOERR')) return new AppError('DB_IO', 'error.dbIo', { path });
  return undefined;
}

/** The tables each schema version has: what migrations 1…N create (computed once, in memory). */
const tablesAt = new Map<number, string>();
function expectedTables(version: number): string {
  let tables = tablesAt.get(version);
  if (tables === undefined) {
    const scratch = new Database(':memory:');
    try {
      for (const migration of MIGRATIONS.filter((m) => m.version <= version)) {
        if (typeof migration.up === 'string') scratch.exec(migration.up);
        else migration.up(scratch);
      }
      tables = tableNames(scratch);
    } finally {
      scratch.close();
    }
    tablesAt.set(version, tables);
  }
  return tables;
}

function tableNames(db: DB): string {
  return db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all()
    .map((t) => t.name)
    .join(',');
}

/**
 * Whether an existing file may be used, decided before anything is written to it: an empty
 * database, or ShareAudit's (its application_id, or — written before migration 6 — exactly the
 * tables of its user_version) of a version this ShareAudit knows. Anything else is refused untouched.
 */
function recognise(db: DB, path: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const objects = (db.prepare(`SELECT COUNT(*) AS n FROM sqlite_schema`).get() as { n: number }).n;
  if (applicationId === 0 && version === 0 && objects === 0) return;
  const ours =
    applicationId === APPLICATION_ID
      ? version >= APPLICATION_ID_VERSION
      : applicationId === 0 &&
        version >= 1 &&
        version < APPLICATION_ID_VERSION &&
        tableNames(db) === expectedTables(version);
  if (!ours) throw new AppError('DB_FOREIGN', 'error.dbForeign', { path });
  if (version > SCHEMA_VERSION) {
    throw new AppError('DB_FROM_FUTURE', 'error.dbFromFuture', { path, found: version, known: SCHEMA_VERSION });
  }
}

/**
 * SQLite's quick integrity check: every page and every record well formed (not the indexes against
 * their tables). About 40 ms at 30,000 contacts (docs/security.md), so it runs at every open.
 */
function checkIntegrity(db: DB, path: string): void {
  const rows = db.pragma('quick_check(5)') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw new AppError('DB_CORRUPT', 'error.dbCorrupt', { path, detail: problems.join('; ') });
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function openDatabase(path: string, options: OpenOptions = {}): DB {
  try {
    return open(path, options);
  } catch (error) {
    throw databaseError(error, path) ?? error;
  }
}

function open(path: string, options: OpenOptions): DB {
  const memory = path === ':memory:';
  let existing = false;
  try {
    existing = !memory && statSync(path).size > 0;
  } catch {
    // No file yet: a new database.
  }
  // A file this user cannot write (or on a read-only disk) is read: audit, history and report work.
  const readonly = options.readonly === true || (existing && !writable(path));
  if (!memory && !readonly) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch {
      throw new AppError('DB_CANT_OPEN', 'error.dbCantOpen', { path });
    }
  }
  const db = new Database(path, {
    readonly,
    fileMustExist: readonly,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // Before anything is written: is this file ShareAudit's, and sound?
    if (existing) {
      recognise(db, path);
      checkIntegrity(db, path);
    }
    // Deleted rows are overwritten with zeros, not left readable in free pages and the log.
    db.pragma('secure_delete = ON');
    // SQLite ships with foreign keys off for compatibility; we rely on them for cascades.
    db.pragma('foreign_keys = ON');
    if (readonly) {
      if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION)
        throw new AppError('DB_READONLY', 'error.dbReadonlyOutdated', { path });
      return db;
    }
    // WAL: readers never block the writer (the UI keeps reading while an import writes).
    db.pragma('journal_mode = WAL');
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

/** Whether the header of the file at `path` carries ShareAudit's application_id (read without SQLite). */
function headerSaysShareAudit(path: string): boolean {
  const header = Buffer.alloc(100);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (readSync(fd, header, 0, 100, 0) < 100) return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return header.toString('latin1', 0, 16) === 'SQLite format 3\0' && header.readInt32BE(68) === APPLICATION_ID;
}

/**
 * Whether the file at `path` is a ShareAudit database: its header says so (even when damaged), or it
 * was written before the header did and has exactly ShareAudit's tables.
 */
export function isShareAuditDatabase(path: string): boolean {
  if (headerSaysShareAudit(path)) return true;
  let db: DB | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    recognise(db, path);
    return (db.prepare(`SELECT COUNT(*) AS n FROM sqlite_schema`).get() as { n: number }).n > 0;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * "Forget everything": removes the database with its WAL, shared-memory and journal files. Only a
 * ShareAudit database (or nothing at all) is removed; anything else at that path is refused untouched.
 * Returns the files removed.
 */
export function forgetDatabase(path: string): string[] {
  const stat = lstatOrNull(path);
  if (stat !== null && !stat.isFile()) throw new AppError('DB_CANT_OPEN', 'error.dbCantOpen', { path });
  if (stat !== null && stat.size > 0 && !isShareAuditDatabase(path))
    throw new AppError('DB_FOREIGN', 'error.dbForeign', { path });
  const removed: string[] = [];
  for (const file of databaseFiles(path)) {
    if (!lstatOrNull(file)?.isFile()) continue;
    rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
