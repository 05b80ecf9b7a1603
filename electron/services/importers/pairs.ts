/**
 * Messages counted per (sender, recipient) pair of participant ids, with the first and last date:
 * an open-addressing table over typed arrays. Counting 300,000 messages allocates nothing, and a
 * worker hands its table over by moving the arrays (no copy, see parallel.ts).
 */

/** A table's entries as plain arrays of length `size`: what goes between threads. */
export interface PairColumns {
  size: number;
  from: Int32Array;
  to: Int32Array;
  count: Int32Array;
  /** Dates as messageDateKey() writes them; NaN: none. */
  first: Float64Array;
  last: Float64Array;
}

const hashPair = (from: number, to: number): number => Math.imul(from, 0x9e3779b1) ^ Math.imul(to, 0x85ebca6b);

export class PairTable {
  /** Entry index + 1 per slot; 0: empty. */
  private slots: Int32Array;
  private columns: PairColumns;

  /** `capacity` (a power of two): by default room for a heavy user's pairs (30,000 people, both ways) without growing (2 MB). */
  constructor(capacity = 64 * 1024) {
    this.slots = new Int32Array(capacity * 2);
    this.columns = PairTable.allocate(capacity);
  }

  get size(): number {
    return this.columns.size;
  }

  /** One message from → to on `date` (null: without a readable date). */
  add(from: number, to: number, date: number | null): void {
    const d = date ?? NaN;
    this.merge(from, to, 1, d, d);
  }

  /** `count` messages from → to, dated first … last (NaN: no date). */
  merge(from: number, to: number, count: number, first: number, last: number): void {
    const c = this.columns;
    const mask = this.slots.length - 1;
    for (let i = hashPair(from, to) & mask; ; i = (i + 1) & mask) {
      const entry = this.slots[i]! - 1;
      if (entry < 0) {
        if (c.size === c.from.length) this.grow();
        const cols = this.columns;
        const e = cols.size++;
        cols.from[e] = from;
        cols.to[e] = to;
        cols.count[e] = count;
        cols.first[e] = first;
        cols.last[e] = last;
        this.slots[i] = e + 1;
        if (cols.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
        return;
      }
      if (c.from[entry] === from && c.to[entry] === to) {
        c.count[entry]! += count;
        // NaN compares false: a missing date never wins, and any date replaces a missing one.
        if (first < c.first[entry]! || c.first[entry] !== c.first[entry]) c.first[entry] = first;
        if (last > c.last[entry]! || c.last[entry] !== c.last[entry]) c.last[entry] = last;
        return;
      }
    }
  }

  /** A table over the entries of export() (taken over, not copied). */
  static from(columns: PairColumns): PairTable {
    const table = new PairTable(1);
    table.columns = columns;
    let length = table.slots.length;
    while (columns.size * 2 > length) length *= 2;
    table.rehash(length);
    return table;
  }

  /** The entries, trimmed to size (the arrays can then be moved to another thread). */
  export(): PairColumns {
    const c = this.columns;
    return {
      size: c.size,
      from: c.from.slice(0, c.size),
      to: c.to.slice(0, c.size),
      count: c.count.slice(0, c.size),
      first: c.first.slice(0, c.size),
      last: c.last.slice(0, c.size),
    };
  }

  /** Every entry: from, to, count, first, last (null: no date). */
  forEach(fn: (from: number, to: number, count: number, first: number | null, last: number | null) => void): void {
    PairTable.each(this.columns, fn);
  }

  static each(
    c: PairColumns,
    fn: (from: number, to: number, count: number, first: number | null, last: number | null) => void,
  ): void {
    for (let e = 0; e < c.size; e++) {
      const first = c.first[e]!;
      const last = c.last[e]!;
      fn(c.from[e]!, c.to[e]!, c.count[e]!, Number.isNaN(first) ? null : first, Number.isNaN(last) ? null : last);
    }
  }

  private static allocate(capacity: number): PairColumns {
    return {
      size: 0,
      from: new Int32Array(capacity),
      to: new Int32Array(capacity),
      count: new Int32Array(capacity),
      first: new Float64Array(capacity),
      last: new Float64Array(capacity),
    };
  }

  private grow(): void {
    const old = this.columns;
    const next = PairTable.allocate(old.from.length * 2);
    next.size = old.size;
    next.from.set(old.from);
    next.to.set(old.to);
    next.count.set(old.count);
    next.first.set(old.first);
    next.last.set(old.last);
    this.columns = next;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let i = hashPair(this.columns.from[entry]!, this.columns.to[entry]!) & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = entry + 1;
  }

  private rehash(length: number): void {
    this.slots = new Int32Array(length);
    for (let e = 0; e < this.columns.size; e++) this.place(e);
  }
}
