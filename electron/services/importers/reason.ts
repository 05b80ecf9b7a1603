import { basename } from 'node:path';

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
