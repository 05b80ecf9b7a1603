/** A transaction beginning, as an event: tests wait for it instead of polling `db.inTransaction`. */
import type { DB } from '../../electron/services/db';

/**
 * Settles right after the statement that opens the next transaction on `db` has run through
 * `db.exec` (as the import's `BEGIN IMMEDIATE` does): `db.inTransaction` is true then.
 */
export function nextTransaction(db: DB): Promise<void> {
  return new Promise((resolve) => {
    const exec = db.exec;
    const own = Object.hasOwn(db, 'exec');
    db.exec = function (this: DB, source: string) {
      const result = exec.call(this, source);
      if (db.inTransaction) {
        if (own) db.exec = exec;
        else Reflect.deleteProperty(db, 'exec');
        resolve();
      }
      return result;
    };
  });
}
