/**
 * Marks the file as ShareAudit's: `PRAGMA application_id` in the database header. From now on a file
 * without it (and not an older ShareAudit database, recognised by its tables) is refused untouched
 * (db.ts), so no other program's database is ever written into.
 */

/** "ShAu": ShareAudit's mark in the database header. */
export const APPLICATION_ID = 0x53684175;

export const up = `PRAGMA application_id = ${APPLICATION_ID};`;
