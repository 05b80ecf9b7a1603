import { basename } from 'node:path';
import type { ImportNote } from '../../../shared/contract';
import type { ImportReason } from '../../../shared/i18n/parts/importer';

/**
 * An error's text for a message, without the folders of a path in it: Node's file errors name the
 * whole path ("ENOENT: no such file or directory, open '/home/…/Connections.csv'").
 */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const { path, dest } = (error ?? {}) as { path?: unknown; dest?: unknown };
  return [path, dest].reduce<string>(
    (text, p) => (typeof p === 'string' && p !== '' ? text.split(p).join(basename(p)) : text),
    message,
  );
}

/** Why a file or a line of it is refused or skipped, as data: a reason of the catalogue and its values. */
export type Reason = ImportReason | { reason: ImportReason; values: Record<string, string | number> };

/** A reason with values (`because('cannotRead', { detail })`); a reason without values is just its name. */
export function because(reason: ImportReason, values: Record<string, string | number>): Reason {
  return { reason, values };
}

/** The catalogue key and values of a reason found in `file` (at `line`, when known). */
export function noteOf(file: string, reason: Reason, line?: number | null): ImportNote {
  const { reason: id, values } = typeof reason === 'string' ? { reason, values: {} } : reason;
  return { messageId: `importer.${id}`, values: { ...values, file, line: line ?? 'none' } };
}
