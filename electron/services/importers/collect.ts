import type { CountryCode } from 'libphonenumber-js';
import type { ImportProgress } from '../../../shared/contract';
import { AppError, ImportError } from '../errors';
import { Gathered, MAX_WARNINGS, type Collected } from './gather';
import { DEFAULT_REGION } from './normalise';
import {
  PARALLEL_DEFAULTS,
  planParallel,
  readMessagesInParallel,
  type ParallelOptions,
  type ParallelResult,
} from './parallel';
import { Progress } from './progress';
import { readFile, type ReadContext } from './read-file';
import { reading } from './recognise';
import type { SourceFile } from './source';

export interface ImportOptions {
  origin: 'file' | 'demo';
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  now?: Date;
  /** Region for phone numbers written without a country code. */
  region?: CountryCode;
  /** Worker threads for big message files; false reads everything on the main thread. */
  parallel?: ParallelOptions | false;
  /**
   * Told when the import holds the database across awaits (a transaction open while big message
   * files are read): nothing else may use the connection until `during` settles.
   */
  hold?: (during: Promise<unknown>) => void;
}

/** Big message files read in the background, and how to stop them. */
interface Background {
  reads: Map<SourceFile, Promise<ParallelResult | null>>;
  /** Whether this thread may read chunks of them too (deferred: once it has nothing else to do). */
  helping: boolean;
  stop: AbortController;
}

/**
 * Big LinkedIn message files are read at once, in chunks spread over worker threads and this
 * thread, beside the other files (parallel.ts); their results are taken in file order.
 */
async function readInBackground(
  files: readonly SourceFile[],
  options: ImportOptions & { defer?: boolean },
  progress: Progress,
): Promise<Background> {
  const parallel = options.parallel === false ? null : { ...PARALLEL_DEFAULTS, ...options.parallel };
  const background: Background = { reads: new Map(), helping: false, stop: new AbortController() };
  const stop = background.stop;
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  if (!parallel) return background;
  for (const file of files) {
    if (file.size < parallel.minBytes || (!file.explicit && !/\.csv$/i.test(file.name))) continue;
    // A file that cannot even be sniffed is reported by the ordinary reader, in file order.
    const plan = await planParallel(file).catch(() => null);
    if (plan === null) continue;
    const read = reading(file, () =>
      readMessagesInParallel(file, plan, {
        ...parallel,
        signal,
        help: options.defer ? () => background.helping : undefined,
        onProgress: (bytes, fileRows) => progress.report(file, bytes, fileRows),
      }),
    );
    // Awaited in turn by readFile; until then a failure must not count as unhandled.
    read.catch(() => undefined);
    background.reads.set(file, read);
  }
  return background;
}

/** A file read in the background, taken after the others; where its results go in file order. */
interface Deferred {
  file: SourceFile;
  at: Record<Spliced, number>;
  /** Entries put before it since (by deferred files before it). */
  shift: Record<Spliced, number>;
}
type Spliced = 'files' | 'warnings' | 'messages' | 'ignored';
const SPLICED: readonly Spliced[] = ['files', 'warnings', 'messages', 'ignored'];

function deferredAt(out: Collected, file: SourceFile): Deferred {
  const at = { files: out.files.length, warnings: out.warnings.length, messages: 0, ignored: 0 };
  at.messages = out.messages.length;
  at.ignored = out.ignored.length;
  return { file, at, shift: { files: 0, warnings: 0, messages: 0, ignored: 0 } };
}

/** Reads the deferred files, from the first; their results go where they belong in file order. */
async function readDeferred(ctx: ReadContext, deferred: Deferred[], upTo: number): Promise<void> {
  const out = ctx.gathered.out;
  const batch = deferred.splice(0, upTo);
  for (const [i, d] of batch.entries()) {
    const kept = { files: out.files, warnings: out.warnings, messages: out.messages, ignored: out.ignored };
    Object.assign(out, { files: [], warnings: [], messages: [], ignored: [] });
    try {
      await readFile(ctx, d.file);
    } finally {
      const read = { files: out.files, warnings: out.warnings, messages: out.messages, ignored: out.ignored };
      Object.assign(out, kept);
      for (const key of SPLICED) {
        (out[key] as unknown[]).splice(d.at[key] + d.shift[key], 0, ...read[key]);
        for (const later of [...batch.slice(i + 1), ...deferred]) later.shift[key] += read[key].length;
      }
    }
  }
  out.warnings.length = Math.min(out.warnings.length, MAX_WARNINGS);
}

/**
 * Reads every file. With `options.defer`, big message files being read in the background are left
 * to `rest`, which completes `data` with them: everything else can be written meanwhile.
 */
export async function collect(
  files: readonly SourceFile[],
  options: ImportOptions & { defer?: boolean },
): Promise<{ data: Collected; rest: (() => Promise<void>) | null; abandon: () => Promise<void> }> {
  const gathered = new Gathered(options.region ?? DEFAULT_REGION);
  const out = gathered.out;
  const progress = new Progress(files, options.onProgress);
  const background = await readInBackground(files, options, progress);
  const ctx: ReadContext = { gathered, progress, background: background.reads, signal: options.signal };

  // A big messages file being read in the background is taken last (and its results put in file
  // order): the caller can write everything else meanwhile (see runImport).
  const deferred: Deferred[] = [];
  const readLater = async (): Promise<void> => {
    // Nothing else to do here now: this thread helps reading them.
    background.helping = true;
    await readDeferred(ctx, deferred, deferred.length);
  };
  /** Stops what is still read in the background, and waits until it has stopped. */
  const abandon = async (): Promise<void> => {
    background.stop.abort();
    await Promise.allSettled(background.reads.values());
  };
  const stop = async (error: unknown): Promise<never> => {
    await abandon();
    throw error;
  };
  const noFiles = (): ImportError => new ImportError(files.map((f) => f.display).join(', ') || 'import', 'noFiles');

  for (const file of files) {
    try {
      if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
      if (background.reads.has(file) && options.defer) {
        deferred.push(deferredAt(out, file));
        continue;
      }
      await readFile(ctx, file);
    } catch (error) {
      // A file before this one may have failed first: that is the error to report.
      try {
        await readLater();
      } catch (earlier) {
        return stop(earlier);
      }
      return stop(error);
    }
  }
  if (deferred.length === 0) {
    if (out.files.length === 0) throw noFiles();
    return { data: out, rest: null, abandon };
  }
  const rest = async (): Promise<void> => {
    try {
      await readLater();
    } catch (error) {
      return stop(error);
    }
    if (out.files.length === 0) throw noFiles();
  };
  return { data: out, rest, abandon };
}
