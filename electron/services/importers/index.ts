import type { ImportSummary } from '../../../shared/contract';
import type { DB } from '../db';
import { AppError } from '../errors';
import { collect, type ImportOptions } from './collect';
import { interactionsByParticipant, type Interactions } from './interactions';
import type { SourceFile } from './source';
import { writeImport, writeImportWhileReading } from './write';

export { collect, type ImportOptions } from './collect';
export { xingKey, type Collected } from './gather';
export { inspect } from './inspect';
export { Interactions, interactionsByParticipant, type InteractionStats } from './interactions';

/** Reads every file, then writes everything in one transaction: all or nothing. */
export async function runImport(db: DB, files: readonly SourceFile[], options: ImportOptions): Promise<ImportSummary> {
  const run = { origin: options.origin, started: Date.now(), now: options.now ?? new Date() };
  const { data, rest, abandon } = await collect(files, { ...options, defer: true });
  const cancelled = (): AppError => new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
  if (options.signal?.aborted) {
    await rest?.().catch(() => undefined);
    throw cancelled();
  }
  if (rest === null) return writeImport(db, data, interactionsByParticipant(data.messages), run);
  // Big message files are still being read: everything else is written meanwhile.
  const interactions = async (): Promise<Interactions> => {
    await rest();
    if (options.signal?.aborted) throw cancelled();
    return interactionsByParticipant(data.messages);
  };
  try {
    return await writeImportWhileReading(db, data, interactions, run, options.hold);
  } catch (error) {
    // Writing failed while the messages were still read: they are not needed any more.
    await abandon();
    throw error;
  }
}
