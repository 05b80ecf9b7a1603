import * as m0001 from './0001-initial';

/** Every migration in order; the database's user_version is the number applied. */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; up: string }> = [
  { version: 1, name: 'initial', up: m0001.up },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
