/**
 * The importers' worker threads: parse workers (parse-worker.ts, for big LinkedIn message files) and
 * inflate workers (inflate-worker.ts, for big ZIP entries). A worker takes tens of milliseconds of CPU
 * to start; workers of a coming import are started ahead, while the files are still being sniffed,
 * and taken when their file is read. Idle, they keep nothing alive; one nobody takes ends with the
 * process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export type WorkerScript = 'parse-worker' | 'inflate-worker';

/** Parse workers beside the main thread, which reads chunks too whenever they are all busy. */
export const PARSE_WORKERS = Math.min(3, availableParallelism() - 1);

interface WorkerSource {
  script: string | URL;
  eval: boolean;
}

/** How to start a worker of a script: the built script beside the bundle, or the TypeScript source through tsx. */
export function workerSource(name: WorkerScript): WorkerSource | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const url = new URL(`./${name}.ts`, here).href;
    return {
      script: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`,
      eval: true,
    };
  }
  for (const relative of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(relative, here);
    if (existsSync(fileURLToPath(url))) return { script: url, eval: false };
  }
  return null;
}

function startWorker(source: WorkerSource): Worker {
  return new Worker(source.script, {
    eval: source.eval,
    // A small young generation: what a chunk leaves dies young, and RSS stays low.
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
}

/** Workers started ahead, per script, waiting for their file. */
const waiting = new Map<WorkerScript, Array<{ worker: Worker; alive: boolean; gone: () => void }>>();

/** Starts workers of a script ahead, up to `count` waiting. */
export function prestartWorkers(name: WorkerScript, count: number): void {
  const source = workerSource(name);
  if (source === null) return;
  const pool = waiting.get(name) ?? [];
  waiting.set(name, pool);
  for (let i = pool.filter((w) => w.alive).length; i < count; i++) {
    const entry = {
      worker: startWorker(source),
      alive: true,
      gone: (): void => {
        entry.alive = false;
      },
    };
    entry.worker.on('error', entry.gone).on('exit', entry.gone).unref();
    pool.push(entry);
  }
}

/** Starts the parse workers of a coming import of a big messages file. */
export function prestartParseWorkers(count = PARSE_WORKERS): void {
  prestartWorkers('parse-worker', count);
}

/** Starts the inflate worker of a coming import of a ZIP with a big entry. */
export function prestartInflateWorker(): void {
  prestartWorkers('inflate-worker', 1);
}

/** How many workers of a script started ahead are waiting. */
export function workersWaiting(name: WorkerScript = 'parse-worker'): number {
  return (waiting.get(name) ?? []).filter((w) => w.alive).length;
}

/** A worker started ahead, if one is still alive, else a new one. Throws without the script. */
export function takeWorker(name: WorkerScript): Worker {
  const pool = waiting.get(name) ?? [];
  for (let entry = pool.shift(); entry !== undefined; entry = pool.shift()) {
    if (!entry.alive) continue;
    entry.worker.off('error', entry.gone).off('exit', entry.gone).ref();
    return entry.worker;
  }
  const source = workerSource(name);
  if (source === null) throw new Error(`no ${name} script`);
  return startWorker(source);
}
