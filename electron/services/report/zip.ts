/**
 * A ZIP of the CSV tables without holding main's event loop: a large file is deflated by fflate's
 * worker thread (AsyncZipDeflate) and handed over a megabyte at a time, with a pause between (its
 * CRC is computed on main as it is fed); fflate's one-call `zip` computes the CRC of all files at
 * once (≈0.5 s for a heavy user's 73 MiB of tables). Small files are deflated on main.
 */
import { AsyncZipDeflate, Zip, ZipDeflate } from 'fflate';
import { runInSlices, type Slicing } from '../../../shared/report/slices';

/** What one push hands over: a copy (the worker takes its buffer). */
const CHUNK = 1 << 20;

export async function zipInSlices(files: ReadonlyArray<[string, Uint8Array]>, slicing: Slicing): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let fail: (error: Error) => void = () => undefined;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    done = resolve;
    fail = reject;
  });
  const zipper = new Zip((error, data, final) => {
    if (error) return fail(error);
    parts.push(data);
    if (final) done();
  });
  function* feed(): Generator<void, void> {
    for (const [name, data] of files) {
      const entry = data.length > CHUNK ? new AsyncZipDeflate(name, { level: 6 }) : new ZipDeflate(name, { level: 6 });
      zipper.add(entry);
      if (data.length === 0) entry.push(new Uint8Array(0), true);
      for (let at = 0; at < data.length; at += CHUNK) {
        entry.push(data.slice(at, at + CHUNK), at + CHUNK >= data.length);
        yield;
      }
    }
    zipper.end();
  }
  await runInSlices(feed(), { ...slicing, budgetMs: 0 });
  await finished;
  return concatBytes(parts);
}

/** The parts one after another, as one array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
