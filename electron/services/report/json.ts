/**
 * The JSON document's bytes (shared/report/document.ts, docs/report.schema.json), written in slices:
 * a heavy user's document is 52 MiB, and one JSON.stringify of it held main's event loop for a second.
 * The text is exactly JSON.stringify's; only the long lists and tables are written a slice at a time.
 */
import { documentInSlices, reportDocument } from '../../../shared/report/document';
import { runInSlices, type Slicing } from '../../../shared/report/slices';
import type { ReportModel } from '../../../shared/report/types';

/** Items of a list (or entries of a table) written between two chances to pause. */
const SLICE = 2000;

/** The next turn of Node's event loop: pending I/O and the window's requests are answered first. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The document as one string, at once (the CLI's and the tests'). */
export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(reportDocument(model))}\n`;
}

/** A list or table with more items than one slice. */
const isLarge = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && (Array.isArray(value) ? value : Object.keys(value)).length > SLICE;

function* pieces(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.length > SLICE) {
    for (let i = 0; i < value.length; i += SLICE)
      yield (
        (i === 0 ? '[' : ',') +
        value
          .slice(i, i + SLICE)
          .map((v: unknown) => JSON.stringify(v) ?? 'null')
          .join(',')
      );
    yield ']';
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length <= SLICE && !entries.some(([, v]) => isLarge(v))) {
      yield JSON.stringify(value);
      return;
    }
    for (let i = 0; i < entries.length; i++) {
      yield `${i === 0 ? '{' : ','}${JSON.stringify(entries[i]![0])}:`;
      yield* pieces(entries[i]![1]);
    }
    yield entries.length === 0 ? '{}' : '}';
  } else yield JSON.stringify(value);
}

/** The document's UTF-8 bytes, written in slices with `pause()` between them. */
export async function renderJsonInSlices(model: ReportModel, slicing: Slicing): Promise<Uint8Array> {
  const { pause, budgetMs = 15 } = slicing;
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  const doc = await runInSlices(documentInSlices(model), slicing);
  let start = Date.now();
  for (const piece of pieces(doc)) {
    const bytes = encoder.encode(piece);
    parts.push(bytes);
    size += bytes.length;
    if (Date.now() - start >= budgetMs) {
      await pause();
      start = Date.now();
    }
  }
  parts.push(encoder.encode('\n'));
  const out = new Uint8Array(size + 1);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
