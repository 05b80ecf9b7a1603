/**
 * Main keeps the current audit: computed once per change of the database, not once per request.
 * A change is anything that moves SQLite's own counters — `total_changes()` of this connection
 * (every insert, update and delete, ours included) and `PRAGMA data_version` (commits by another
 * connection, e.g. the CLI importing while the app is open) — or the day (mutes expire at midnight).
 * So no write can forget to invalidate it.
 *
 * The audit has two phases (shared/audit-state.ts): the rules over every person (≈ 0.5 s for 30,000
 * connections), and the user's mutes and revocations over their findings (milliseconds). A write
 * that changes only mutes or revocations runs through `stateWrite`, which keeps the first phase: the
 * next read reloads mutes and revocations and runs the second phase only. Any other change — or a
 * state write while something else changed too — computes both again.
 */
import {
  applyAuditState,
  auditBaseSteps,
  previewSteps,
  computeAuditBase,
  warmFamiliarity,
  type AuditBase,
  type AuditInput,
  type AuditState,
} from '../../shared/audit';
import type { AuditResult, Finding, Lang } from '../../shared/domain';
import type { Policy } from '../../shared/policy';
import type { DB } from './db';
import { getPolicy, loadAuditInput, loadAuditInputSteps, loadMutes } from './store';
import { listRevocations } from './revocation-store';
import { pageLoadEnded, pageLoaded, pageServed } from './foreground';

interface Entry {
  /** The database's counters the whole entry describes (null: its state must be read again). */
  key: string | null;
  /** The counters at which the first phase is still the database's (after state writes only). */
  baseKey: string;
  revision: number;
  input: AuditInput;
  policy: Policy;
  base: AuditBase;
  audit: AuditResult;
  byId: ReadonlyMap<string, Finding> | null;
}

function byIdOf(audit: AuditResult): ReadonlyMap<string, Finding> {
  return new Map(audit.findings.map((f) => [f.id, f]));
}

/**
 * Lets the event loop run between two steps of a warm-up, and waits while the page's own files are
 * being served (foreground.ts): the page gets its code first.
 */
const pause = async (): Promise<void> => {
  await new Promise((resolve) => setImmediate(resolve));
  await pageServed();
};

/**
 * Between two steps of the full audit, once the numbers are counted: also while a page is loading,
 * until it asks for more than its numbers (foreground.ts). That request computes the full audit itself.
 */
const pauseForPage = async (): Promise<void> => {
  await pageLoaded();
  await pause();
};

/** What a warm-up has read, and — once begun — its full audit's steps (see AuditCache.pending). */
interface Pending {
  key: string;
  input: AuditInput;
  policy: Policy;
  building?: { steps: Generator<void, AuditBase>; now: Date };
}

export class AuditCache {
  private entry: Entry | null = null;
  /**
   * What a warm-up has read so far, and the counters it describes — with its full audit's steps once it
   * has begun them: a request that comes first uses what it read and finishes what it began.
   */
  private pending: Pending | null = null;
  private revision = 0;
  private readonly changes: () => number;

  constructor(
    private readonly db: DB,
    private readonly now: () => Date,
  ) {
    const statement = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
    this.changes = () => statement.get()!.n;
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private key(): string {
    return `${this.changes()}:${this.dataVersion()}:${this.now().toISOString().slice(0, 10)}`;
  }

  private current(): Entry {
    const key = this.key();
    const entry = this.entry;
    if (entry?.key === key) return entry;
    if (entry?.baseKey === key) return this.withState(entry);
    const pending = this.pending?.key === key ? this.pending : null;
    this.pending = null;
    // Computed here: a loading page asks for more than its numbers, or the warm-up's work is stale or
    // absent. Either way a warm-up held back for the page is overtaken, and sees it once it goes on.
    pageLoadEnded();
    if (pending?.building) {
      // The steps the warm-up took of the full audit are kept: the rest is taken here, at once.
      const { steps, now } = pending.building;
      let step = steps.next();
      while (!step.done) step = steps.next();
      return this.install(pending.input, pending.policy, step.value, now);
    }
    const input = pending?.input ?? loadAuditInput(this.db);
    const policy = pending?.policy ?? getPolicy(this.db);
    const now = this.now();
    return this.install(input, policy, computeAuditBase(input, 'en', now, policy), now);
  }

  /** A new entry from a first phase just computed, with the second phase over it. */
  private install(input: AuditInput, policy: Policy, base: AuditBase, now: Date): Entry {
    // Taken after reading: should reading ever write (a default stored on first use), the key
    // still describes what was read.
    const after = this.key();
    this.entry = {
      key: after,
      baseKey: after,
      revision: ++this.revision,
      input,
      policy,
      base,
      audit: applyAuditState(base, input, now),
      byId: null,
    };
    this.indexWhenIdle(this.entry);
    return this.entry;
  }

  /**
   * Indexes the findings by id once the event loop is idle (≈ 10–35 ms for 60,000): the next revoke or
   * mute looks its findings up there, and should not pay for the index itself. Unreferenced: a CLI
   * command does not wait for it before it exits.
   */
  private indexWhenIdle(entry: Entry): void {
    setImmediate(() => {
      if (this.entry === entry) entry.byId ??= byIdOf(entry.audit);
    }).unref();
  }

  /** Only mutes or revocations changed since the entry: the second phase over the kept first one. */
  private withState(entry: Entry): Entry {
    const state: AuditState = { mutes: loadMutes(this.db), revocations: listRevocations(this.db) };
    const input = { ...entry.input, ...state };
    const after = this.key();
    this.entry = {
      ...entry,
      key: after,
      baseKey: after,
      revision: ++this.revision,
      input,
      audit: applyAuditState(entry.base, state, this.now()),
      byId: null,
    };
    this.indexWhenIdle(this.entry);
    return this.entry;
  }

  /**
   * Computes the audit ahead of the first request (at start), in steps — each query, familiarity,
   * exposures, each rule, the sort — with the event loop free between them, so the page's own files
   * are served meanwhile and the first view finds its numbers ready. The numbers are counted first;
   * while a page loads, the full audit's steps wait until it asks for more than its numbers, and that
   * request computes the rest at once. A request that comes first takes over what was read and the
   * steps taken; a change meanwhile ends the warm-up (the next request computes).
   */
  async warm(): Promise<void> {
    if (this.warming) return this.warming;
    this.warming = this.warmSteps().finally(() => {
      this.warming = null;
      this.early = null;
      this.notify();
    });
    return this.warming;
  }

  /** A warm-up under way (numbers() waits for it rather than computing the audit in one block). */
  private warming: Promise<void> | null = null;
  /** The warm-up's count of the numbers, before its full audit is ready (null once it is, or stale). */
  private early: { key: string; audit: AuditResult } | null = null;
  private waiting: Array<() => void> = [];

  private notify(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  /**
   * The audit for its numbers (summary, score, exposure by detail), and its revision: the full audit's
   * if computed; while the warm-up is under way, its count as soon as it has one (the same numbers —
   * the what-if's count, which a test holds equal to the full audit's) or else the full audit once it
   * is done. Without a warm-up, the audit is computed here.
   */
  async numbers(): Promise<{ audit: AuditResult; revision: number }> {
    for (;;) {
      const key = this.key();
      if (this.entry?.key === key) return { audit: this.entry.audit, revision: this.entry.revision };
      // The full audit, when installed, takes the next revision: the count is of the same state.
      if (this.early?.key === key) return { audit: this.early.audit, revision: this.revision + 1 };
      // Counted, then something changed: the warm-up may be held for a loading page; computed here
      // (which ends its load).
      if (this.warming === null || this.early !== null) {
        const entry = this.current();
        return { audit: entry.audit, revision: entry.revision };
      }
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  private async warmSteps(): Promise<void> {
    const policy = getPolicy(this.db);
    const before = this.key();
    if (this.entry?.key === before) return;
    // Query by query, outside a transaction: what was read is used only if nothing was written meanwhile.
    const reading = loadAuditInputSteps(this.db);
    let read = reading.next();
    // A request meanwhile computes the audit itself (and the warm-up is over).
    const stale = (): boolean => this.key() !== before || this.entry?.key === before;
    while (!read.done) {
      await pause();
      if (stale()) return;
      read = reading.next();
    }
    if (stale()) return;
    const input = read.value;
    const pending: Pending = { key: before, input, policy };
    this.pending = pending;
    await pause();
    if (this.pending !== pending || pending.key !== this.key()) return;
    const now = this.now();
    const judging = warmFamiliarity(input, policy, now);
    while (!judging.next().done) {
      await pause();
      if (this.pending !== pending || pending.key !== this.key()) return;
    }
    // The numbers first, counted as the what-if counts them (no findings built): the page's first view
    // shows them while the findings are built.
    const counting = previewSteps(input, 'en', now, policy);
    for (let count = counting.next(); ; count = counting.next()) {
      await pause();
      if (this.pending !== pending || pending.key !== this.key()) return;
      if (count.done) {
        this.early = { key: before, audit: count.value };
        break;
      }
    }
    this.notify();
    const steps = auditBaseSteps(input, 'en', now, policy);
    pending.building = { steps, now };
    for (;;) {
      await pauseForPage();
      if (this.pending !== pending || pending.key !== this.key()) return;
      const step = steps.next();
      if (step.done) {
        this.pending = null;
        this.early = null;
        this.install(input, policy, step.value, now);
        return;
      }
    }
  }

  /**
   * Runs a write that changes nothing but mutes and revocations (finding_mute, revocation,
   * revocation_event): if the first phase was current before it, it stays current after it. Should
   * another connection commit meanwhile (data_version moves), both phases are computed again.
   */
  stateWrite<T>(write: () => T): T {
    return this.keepThrough(write, 'first phase');
  }

  /**
   * Runs a write to tables the audit does not read (e.g. the audit snapshots of the history): what
   * was current before it stays current after it.
   */
  unrelatedWrite<T>(write: () => T): T {
    return this.keepThrough(write, 'both phases');
  }

  private keepThrough<T>(write: () => T, keep: 'first phase' | 'both phases'): T {
    const before = this.key();
    const entry = this.entry;
    const whole = entry?.key === before;
    const first = whole || entry?.baseKey === before;
    const version = this.dataVersion();
    try {
      return write();
    } finally {
      if (entry && entry === this.entry && first && this.dataVersion() === version) {
        const after = this.key();
        entry.key = keep === 'both phases' && whole ? after : null;
        entry.baseKey = after;
      }
    }
  }

  /** Whether the audit of the database as it is now is computed (a read answers at once). */
  get isCurrent(): boolean {
    return this.entry !== null && this.entry.key === this.key();
  }

  /** The audit of the database as it is now (findings in one order for every language). */
  audit(lang: Lang): AuditResult {
    const { audit } = this.current();
    return audit.lang === lang ? audit : { ...audit, lang };
  }

  /** Increases whenever the audit had to be computed again: views compare it to what they show. */
  get currentRevision(): number {
    return this.current().revision;
  }

  finding(id: string): Finding | undefined {
    const entry = this.current();
    entry.byId ??= byIdOf(entry.audit);
    return entry.byId.get(id);
  }

  /** What the audit was computed from: the what-if preview re-runs the rules on it with a change. */
  base(): { input: AuditInput; policy: Policy; audit: AuditResult; first: AuditBase } {
    const { input, policy, audit, base } = this.current();
    return { input, policy, audit, first: base };
  }
}
