import * as m0001 from './0001-initial';
import * as m0002 from './0002-address-books-and-identity';
import * as m0003 from './0003-settings';
import * as m0004 from './0004-mutes';
import * as m0005 from './0005-file-names-and-evidence-data';
import * as m0006 from './0006-application-id';
import * as m0007 from './0007-revocation-lifecycle';
import * as m0008 from './0008-audit-snapshots';
import * as m0009 from './0009-setting-revocations';
import * as m0010 from './0010-owed-import-snapshot';
import type { DB } from '../db';

/**
 * Every migration in order; the database's user_version is the number applied. `up` is SQL, or a
 * function where SQL cannot say it; either runs in the migration's transaction.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; up: string | ((db: DB) => void) }> = [
  { version: 1, name: 'initial', up: m0001.up },
  { version: 2, name: 'address-books-and-identity', up: m0002.up },
  { version: 3, name: 'settings', up: m0003.up },
  { version: 4, name: 'mutes', up: m0004.up },
  { version: 5, name: 'file-names-and-evidence-data', up: m0005.up },
  { version: 6, name: 'application-id', up: m0006.up },
  { version: 7, name: 'revocation-lifecycle', up: m0007.up },
  { version: 8, name: 'audit-snapshots', up: m0008.up },
  { version: 9, name: 'setting-revocations', up: m0009.up },
  { version: 10, name: 'owed-import-snapshot', up: m0010.up },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
export { APPLICATION_ID } from './0006-application-id';
