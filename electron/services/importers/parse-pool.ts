/**
 * The parse workers of one big messages file (parallel.ts): each worker's queue of chunks, the chunk
 * buffers that come back to be filled again, how many lines each chunk held, and the first failure.
 */
import type { Worker } from 'node:worker_threads';
import type { FromWorker, MessagesPart, ToWorker, WorkerProblem, WorkerSetup } from './parallel-protocol';
import { takeWorker } from './workers';

/**
 * Chunks waiting in one worker's queue: enough to keep it busy while the import's thread reads another
 * file of the import, few enough to bound memory (4 MB) whatever the file size.
 */
export const MAX_IN_FLIGHT = 64;

export interface Outcome {
  result: MessagesPart;
  problems: WorkerProblem[];
}

export interface Slot {
  worker: Worker;
  inFlight: number;
  /** Rows it has read so far. */
  rows: number;
  outcome: Outcome | null;
  /** It has stopped (answered with its result, failed or exited). */
  done: boolean;
  finished: Promise<void>;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  /** The lines of each chunk a worker has read, by its number. */
  readonly lines = new Map<number, number>();
  /** The first thing that went wrong in a worker (the caller then reads the file the ordinary way). */
  failure: string | null = null;
  /** Chunk buffers come back from the workers and are used again: memory stays flat. */
  private readonly spare: ArrayBuffer[] = [];
  /** Wakes a wait for a worker's answer. */
  private wake: (() => void) | null = null;

  constructor(
    count: number,
    setup: WorkerSetup,
    private readonly chunkBytes: number,
  ) {
    for (let i = 0; i < count; i++) this.slots.push(this.start(setup));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Rows the workers have read so far. */
  get rows(): number {
    return this.slots.reduce((n, s) => n + s.rows, 0);
  }

  /** Whether a worker is still at work (an answer may come). */
  get working(): boolean {
    return this.slots.some((s) => !s.done);
  }

  /** A worker with room in its queue. */
  withRoom(): Slot | undefined {
    return this.slots.find((s) => s.inFlight < MAX_IN_FLIGHT);
  }

  /**
   * A worker with room whose queue holds less than its share of what is left — queued or `toCome` chunks
   * still to be dealt — with the import's own thread counted as one more parser: near the end that
   * thread reads the last chunks itself, and all finish about together (a full queue, 4 MB, had left it
   * waiting ≈ 40–60 ms for a worker's last chunks).
   */
  withShare(toCome: number): Slot | undefined {
    const queued = this.slots.reduce((n, s) => n + s.inFlight, 0);
    const share = (queued + toCome + 1) / (this.slots.length + 1);
    return this.slots.find((s) => s.inFlight < MAX_IN_FLIGHT && s.inFlight < share);
  }

  /** Until a worker answers: a chunk done (room in its queue), its result, or its end. */
  answer(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** Sends chunk `seq` (`head`, then `bytes`) to `slot`, copied into a buffer that is moved, not cloned. */
  send(slot: Slot, seq: number, bytes: Buffer, head?: Buffer): void {
    const length = (head?.length ?? 0) + bytes.length;
    let buffer = this.spare.pop();
    if (buffer === undefined || buffer.byteLength < length) buffer = new ArrayBuffer(Math.max(length, this.chunkBytes));
    const copy = new Uint8Array(buffer, 0, length);
    if (head) copy.set(head);
    copy.set(bytes, head?.length ?? 0);
    slot.inFlight++;
    slot.worker.postMessage({ type: 'chunk', seq, bytes: copy } satisfies ToWorker, [buffer]);
  }

  /** Tells every worker the file has ended; their outcomes, or null when one failed. */
  async finish(): Promise<Outcome[] | null> {
    for (const slot of this.slots) slot.worker.postMessage({ type: 'end' } satisfies ToWorker);
    await Promise.all(this.slots.map((s) => s.finished));
    return this.failure === null ? this.slots.map((s) => s.outcome!) : null;
  }

  terminate(): Promise<unknown> {
    return Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private woken(): void {
    this.wake?.();
    this.wake = null;
  }

  private start(setup: WorkerSetup): Slot {
    const worker = takeWorker('parse-worker');
    worker.postMessage({ type: 'setup', setup } satisfies ToWorker);
    const slot: Slot = { worker, inFlight: 0, rows: 0, outcome: null, done: false, finished: Promise.resolve() };
    slot.finished = new Promise<void>((resolve) => {
      const settle = (): void => {
        slot.done = true;
        this.woken();
        resolve();
      };
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ack') {
          this.lines.set(message.seq, message.lines);
          slot.rows = message.rows;
          this.spare.push(message.buffer);
          slot.inFlight--;
          this.woken();
        } else if (message.type === 'result') {
          slot.outcome = { result: message.result, problems: message.problems };
          settle();
        } else {
          this.failure ??= message.reason;
          settle();
        }
      });
      worker.on('error', (error) => {
        this.failure ??= error.message;
        settle();
      });
      worker.on('exit', () => {
        if (slot.outcome === null) this.failure ??= 'worker stopped';
        settle();
      });
    });
    return slot;
  }
}
