/**
 * Issue 13 items 12–15: the database file. Only ShareAudit's own database (or an empty file) is
 * opened; a damaged one is refused; deleted data is overwritten; "Forget everything" removes it all;
 * SQLite's errors become one line naming the file and the remedy.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { APPLICATION_ID, databaseError, forgetDatabase, openDatabase } from '../../electron/services/db';
import { resolvePaths } from '../../electron/services/importers/source';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/services/migrations';
import { message } from '../../shared/i18n';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const bin = join(import.meta.dirname, '..', '..', 'bin', 'shareaudit.mjs');

function cli(args: string[], options: { asNobody?: boolean; lang?: string } = {}) {
  // Root writes every file whatever its mode: a read-only database is read-only only for another user.
  const asNobody = options.asNobody === true && process.getuid?.() === 0;
  const [command, ...rest] = asNobody
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...args]
    : [process.execPath, bin, ...args];
  const result = spawnSync(command!, rest, {
    encoding: 'utf8',
    env: { ...process.env, LANG: options.lang ?? 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', HOME: '/tmp' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** What each refusal must leave: the file byte for byte, and no -wal, -shm or -journal beside it. */
function expectUntouched(path: string, before: string): void {
  expect(sha(path)).toBe(before);
  for (const suffix of ['-wal', '-shm', '-journal']) expect(existsSync(path + suffix), path + suffix).toBe(false);
}

function demoService(path: string): AppService {
  return new AppService({ dbPath: path, now: () => new Date('2026-11-01T12:00:00Z') }, { transport: 'browser' });
}

describe('only ShareAudit databases are opened (item 12)', () => {
  it('a new database carries ShareAudit application_id, and so does one written before the mark', () => {
    const dir = tempDir();
    const fresh = openDatabase(join(dir, 'new.db'));
    expect(fresh.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(fresh.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    fresh.close();

    // A database as ShareAudit 5 left it: no mark, its tables, user_version 5.
    const old = join(dir, 'old.db');
    const raw = new Database(old);
    for (const m of MIGRATIONS.filter((m) => m.version <= 5))
      if (typeof m.up === 'string') raw.exec(m.up);
      else m.up(raw);
    raw.pragma('user_version = 5');
    raw.exec(`INSERT INTO my_detail (field, value, source) VALUES ('mobile', '+49', 'test')`);
    raw.close();
    const upgraded = openDatabase(old);
    expect(upgraded.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(upgraded.prepare('SELECT value FROM my_detail').all()).toEqual([{ value: '+49' }]);
    upgraded.close();
  });

  it('an empty file, or an empty SQLite database, becomes a ShareAudit database', () => {
    const dir = tempDir();
    const empty = write(dir, 'empty.db', '');
    const db = openDatabase(empty);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
    const blank = join(dir, 'blank.db');
    new Database(blank).exec('VACUUM');
    openDatabase(blank).close();
  });

  /** Databases that are not ShareAudit's: each refused, untouched, with its path named. */
  const foreign: Record<string, (db: Database.Database) => void> = {
    "a browser's places.sqlite (user_version 0, its own tables)": (db) => {
      db.exec(`CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url LONGVARCHAR, title LONGVARCHAR);
               INSERT INTO moz_places (url, title) VALUES ('https://example.org/', 'Example');`);
    },
    'an app whose user_version is in our range': (db) => {
      db.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('x');`);
      db.pragma('user_version = 3');
    },
    'a partial ShareAudit schema (user_version 0)': (db) => {
      db.exec(MIGRATIONS[0]!.up as string);
    },
    'a ShareAudit schema 3 with a table of another program': (db) => {
      for (const m of MIGRATIONS.filter((m) => m.version <= 3)) db.exec(m.up as string);
      db.exec('CREATE TABLE someone_elses (x INTEGER)');
      db.pragma('user_version = 3');
    },
    'an empty database with another application_id': (db) => {
      db.pragma('application_id = 1598903374');
    },
    'another application_id with our user_version': (db) => {
      db.exec('CREATE TABLE t (x INTEGER)');
      db.pragma('application_id = 1598903374');
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    },
  };

  it.each(Object.keys(foreign))('refuses %s, untouched, naming the path', (name) => {
    const path = join(tempDir(), 'places.sqlite');
    const raw = new Database(path);
    foreign[name]!(raw);
    raw.close();
    const before = sha(path);
    expect(() => openDatabase(path)).toThrow(
      expect.objectContaining({ code: 'DB_FOREIGN', message: expect.stringContaining(path) as unknown }),
    );
    expectUntouched(path, before);
    // Neither the app nor the CLI writes into it.
    expect(() => demoService(path)).toThrow(expect.objectContaining({ code: 'DB_FOREIGN' }));
    const result = cli(['audit', '--db', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`shareaudit audit: ${message('en', 'error.dbForeign', { path })}\n`);
    expectUntouched(path, before);
  });

  it('refuses a file that is not a database at all, untouched', () => {
    const path = write(tempDir(), 'notes.db', 'These are my notes, not a database.\n'.repeat(200));
    const before = sha(path);
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'DB_NOT_A_DATABASE' }));
    expectUntouched(path, before);
  });
});

/** Overwrites one page of the file (numbered from 1) with bytes that are no b-tree page. */
function overwritePage(path: string, page: number): void {
  const bytes = readFileSync(path);
  const size = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  bytes.fill(0x5a, (page - 1) * size, page * size);
  writeFileSync(path, bytes);
}

describe('a damaged database is refused (item 13)', () => {
  it('a page overwritten: opening it and every CLI command refuse it, naming the path and what to do', async () => {
    const path = join(tempDir(), 'shareaudit.db');
    const svc = demoService(path);
    await svc.handlers['demo:load']({});
    // The page of a table that the audit never reads: before, import, audit and report all went on.
    const { rootpage } = svc.db
      .prepare<[], { rootpage: number }>(`SELECT rootpage FROM sqlite_schema WHERE name = 'import_run'`)
      .get()!;
    svc.close();
    overwritePage(path, rootpage);

    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'DB_CORRUPT', values: { path } });
    expect((error as Error).message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged`));
    expect((error as Error).message).toContain('Restore it from a backup');
    for (const command of [['audit'], ['history'], ['import', write(tempDir(), 'Connections.csv', CONNECTIONS_2024)]]) {
      const result = cli([...command, '--db', path]);
      expect(result.code, command[0]).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^shareaudit ${command[0]}: .*${path.split('/').pop()!} is damaged`));
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const german = cli(['audit', '--db', path], { lang: 'de_DE.UTF-8' });
    expect(german.stderr).toContain('ist beschädigt');
  });
});

describe('deleted data is overwritten (item 14)', () => {
  it('an address-book entry that a newer copy dropped is no longer readable in the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'shareaudit.db');
    const card = (name: string, email: string, phone: string): string =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nN:${name.split(' ').reverse().join(';')};;;\r\nEMAIL:${email}\r\nTEL;TYPE=CELL:${phone}\r\nEND:VCARD\r\n`;
    const keep = card('Erika Musterfrau', 'erika@example.org', '+49 171 5550100');
    const secret = card('Gesine Geheimnis', 'gesine.geheimnis@example.org', '+49 171 5559876');
    const book = join(dir, 'contacts.vcf');
    writeFileSync(book, keep + secret);
    let svc = demoService(path);
    await svc.importFiles(() => resolvePaths([book]), 'file');
    svc.close();
    expect(readFileSync(path).includes('gesine.geheimnis@example.org')).toBe(true);

    writeFileSync(book, keep);
    svc = demoService(path);
    expect(svc.db.pragma('secure_delete', { simple: true })).toBe(1);
    const summary = await svc.importFiles(() => resolvePaths([book]), 'file');
    expect(summary.removed).toBe(1);
    svc.close();
    const bytes = readFileSync(path);
    for (const trace of ['Gesine', 'Geheimnis', 'gesine.geheimnis@example.org', '5559876'])
      expect(bytes.includes(trace), trace).toBe(false);
    expect(bytes.includes('erika@example.org')).toBe(true);
  });
});

describe('"Forget everything" (item 14)', () => {
  it('data:forget removes the database, its WAL and SHM files and every setting; the app starts empty', async () => {
    const path = join(tempDir(), 'shareaudit.db');
    let platformForgot = 0;
    const svc = new AppService(
      { dbPath: path },
      {
        transport: 'electron',
        forgetPlatformData: () => {
          platformForgot++;
          return Promise.resolve();
        },
      },
    );
    await svc.dispatch('demo:load', {});
    await svc.dispatch('settings:set', { phoneRegion: 'AT' });
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(existsSync(`${path}-shm`)).toBe(true);
    // Closing the database folds its log in and removes it: what is left is the file itself.
    expect(await svc.dispatch('data:forget', {})).toEqual({ ok: true, value: { removed: 1 } });
    expect(platformForgot).toBe(1);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(existsSync(file), file).toBe(false);
    // The next request finds a new, empty database with the default settings.
    expect(await svc.dispatch('settings:get', {})).toEqual({ ok: true, value: { phoneRegion: 'DE' } });
    expect(await svc.dispatch('import:history', {})).toEqual({ ok: true, value: { runs: [] } });
    svc.close();
  });

  it('waits for a running import, and refuses a file that is not ShareAudit database', async () => {
    const dir = tempDir();
    const path = join(dir, 'places.sqlite');
    const raw = new Database(path);
    raw.exec('CREATE TABLE moz_places (id INTEGER PRIMARY KEY)');
    raw.close();
    const before = sha(path);
    expect(() => forgetDatabase(path)).toThrow(expect.objectContaining({ code: 'DB_FOREIGN' }));
    expectUntouched(path, before);
    const result = cli(['forget', '--yes', '--db', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path} is not a ShareAudit database`);
    expectUntouched(path, before);

    const ours = join(dir, 'shareaudit.db');
    const svc = demoService(ours);
    const importing = svc.dispatch('demo:load', {});
    await expect(svc.forget()).rejects.toMatchObject({ code: 'IMPORT_BUSY' });
    await importing;
    svc.close();
  });

  it('shareaudit forget wants --yes, then removes the database; a damaged one too', async () => {
    const dir = tempDir();
    const path = join(dir, 'shareaudit.db');
    expect(cli(['demo', '--db', path])).toMatchObject({ code: 0, stderr: '' });
    const refused = cli(['forget', '--db', path]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes');
    expect(existsSync(path)).toBe(true);
    // Damaged, with the log files a crash leaves behind.
    overwritePage(path, 3);
    writeFileSync(`${path}-wal`, 'log');
    writeFileSync(`${path}-shm`, 'shared memory');
    const done = cli(['forget', '--yes', '--db', path]);
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toBe(`Forgot everything: ${path} is deleted (3 files).\n`);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(existsSync(file), file).toBe(false);
    expect(cli(['forget', '--yes', '--db', path]).stdout).toContain('Nothing to forget');
  });
});

describe("SQLite's errors name the database and the remedy, in English and German (item 15)", () => {
  it('database is locked', async () => {
    const path = join(tempDir(), 'shareaudit.db');
    openDatabase(path).close();
    const other = new Database(path);
    other.exec("BEGIN IMMEDIATE; INSERT INTO setting (key, value) VALUES ('x', 'y');");
    const svc = new AppService({ dbPath: path, busyTimeoutMs: 50 }, { transport: 'browser' });
    const answer = await svc.dispatch('settings:set', { phoneRegion: 'AT' });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'DB_LOCKED', messageId: 'error.dbLocked', values: { path } },
    });
    expect(message('en', 'error.dbLocked', { path })).toBe(
      `${path} is in use by another program (another ShareAudit window or shareaudit command?): close that, then try again.`,
    );
    expect(message('de', 'error.dbLocked', { path })).toContain(`${path} wird von einem anderen Programm benutzt`);
    other.exec('ROLLBACK');
    other.close();
    svc.close();
  });

  it('database or disk is full: the import fails whole, naming the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'shareaudit.db');
    const svc = demoService(path);
    const pages = svc.db.pragma('page_count', { simple: true }) as number;
    svc.db.pragma(`max_page_count = ${pages + 2}`);
    const answer = await svc.dispatch('demo:load', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'DB_FULL', values: { path } } });
    expect(message('en', 'error.dbFull', { path })).toMatch(/^cannot write .* the disk is full/);
    expect(await svc.dispatch('import:history', {})).toEqual({ ok: true, value: { runs: [] } });
    svc.close();
  });

  it('unable to open database file: a folder, or a folder inside a file', () => {
    const dir = tempDir();
    const folder = join(dir, 'a-folder.db');
    mkdirSync(folder);
    const inFile = join(write(dir, 'plain.txt', 'x'), 'shareaudit.db');
    for (const path of [folder, inFile]) {
      expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'DB_CANT_OPEN', values: { path } }));
      const result = cli(['history', '--db', path], { lang: 'de_DE.UTF-8' });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`shareaudit history: ${message('de', 'error.dbCantOpen', { path })}\n`);
    }
  });

  it('every SQLite error code of the issue has its line, in both languages', () => {
    const path = '/data/shareaudit.db';
    const codes = {
      SQLITE_BUSY: 'DB_LOCKED',
      SQLITE_FULL: 'DB_FULL',
      SQLITE_READONLY: 'DB_READONLY',
      SQLITE_READONLY_DIRECTORY: 'DB_READONLY',
      SQLITE_NOTADB: 'DB_NOT_A_DATABASE',
      SQLITE_CANTOPEN: 'DB_CANT_OPEN',
      SQLITE_CORRUPT: 'DB_CORRUPT',
      SQLITE_IOERR_WRITE: 'DB_IO',
    };
    for (const [sqlite, code] of Object.entries(codes)) {
      const error = databaseError(Object.assign(new Error('x'), { code: sqlite }), path)!;
      expect(error.code, sqlite).toBe(code);
      for (const lang of ['en', 'de'] as const) {
        const line = message(lang, error.messageId, error.values);
        expect(line).toContain(path);
        expect(line).not.toContain('\n');
      }
    }
    expect(databaseError(new Error('ENOENT'), path)).toBeUndefined();
  });

  it('a read-only database still allows audit, history and report; an import says it is read-only', () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const path = join(dir, 'shareaudit.db');
    expect(cli(['demo', '--db', path])).toMatchObject({ code: 0, stderr: '' });
    chmodSync(path, 0o444);
    const audit = cli(['audit', '--db', path], { asNobody: true });
    expect(audit).toMatchObject({ code: 0, stderr: '' });
    expect(audit.stdout).toContain('344 connections');
    expect(cli(['history', '--db', path], { asNobody: true })).toMatchObject({ code: 0, stderr: '' });
    const out = join(dir, 'report.html');
    expect(cli(['report', '--db', path, '--out', out], { asNobody: true })).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(out, 'utf8')).toContain('ShareAudit');
    const before = sha(path);
    const csv = write(dir, 'Connections.csv', CONNECTIONS_2024);
    chmodSync(csv, 0o644);
    const imported = cli(['import', csv, '--db', path], { asNobody: true });
    expect(imported.code).toBe(1);
    expect(imported.stderr).toBe(`shareaudit import: ${message('en', 'error.dbReadonly', { path })}\n`);
    expect(sha(path)).toBe(before);
  });
});
