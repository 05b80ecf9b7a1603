/** The import runs recorded in the database (import_run), as the import history shows them. */
import type { ImportNote, ImportRun } from '../../shared/contract';
import type { DB } from './db';

/** A run's warning: data since warnings are kept as data; as the text it was, for runs of older versions. */
function recordedNote(warning: ImportNote | string): ImportNote {
  return typeof warning === 'string' ? { messageId: 'importer.recorded', values: { text: warning } } : warning;
}

/** Past import runs, newest first. */
export function listImportRuns(db: DB, limit = 200): ImportRun[] {
  return db
    .prepare<
      [number],
      {
        id: number;
        started_at: string;
        origin: 'file' | 'demo';
        files_json: string;
        ignored_json: string;
        added: number;
        updated: number;
        unchanged: number;
        removed: number;
        warnings_json: string;
        duration_ms: number;
      }
    >(`SELECT * FROM import_run ORDER BY id DESC LIMIT ?`)
    .all(limit)
    .map((r) => ({
      id: r.id,
      startedAt: r.started_at,
      origin: r.origin,
      // Runs recorded before file hashes were kept have no sha256.
      files: (JSON.parse(r.files_json) as ImportRun['files']).map((f) => ({ ...f, sha256: f.sha256 ?? '' })),
      ignored: JSON.parse(r.ignored_json) as string[],
      added: r.added,
      updated: r.updated,
      unchanged: r.unchanged,
      removed: r.removed,
      warnings: (JSON.parse(r.warnings_json) as Array<ImportNote | string>).map(recordedNote),
      durationMs: r.duration_ms,
    }));
}
