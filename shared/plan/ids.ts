/**
 * Numbers kept by person id. Ids are database row ids, small whole numbers: a table indexed by the
 * id finds them without hashing (tens of thousands of people, looked up per finding); any other id
 * goes to a map.
 */
export class IdIndex {
  /** Ids below this go to the table (at most 4 MiB of it per index). */
  private static readonly LIMIT = 1 << 20;
  private table = new Int32Array(0);
  private readonly others = new Map<number, number>();

  get(id: number): number | undefined {
    if (id >= 0 && id < this.table.length && (id | 0) === id) {
      const value = this.table[id]!;
      return value >= 0 ? value : undefined;
    }
    return this.others.get(id);
  }

  /** `value` ≥ 0. */
  set(id: number, value: number): void {
    if (!(id >= 0 && id < IdIndex.LIMIT && (id | 0) === id)) {
      this.others.set(id, value);
      return;
    }
    if (id >= this.table.length) {
      const grown = new Int32Array(Math.min(IdIndex.LIMIT, Math.max(1024, 2 * this.table.length, id + 1))).fill(-1);
      grown.set(this.table);
      this.table = grown;
    }
    this.table[id] = value;
  }
}
