/**
 * Ids as inclusive ranges: the revocations one write creates have consecutive ids, so the 30,000 of
 * a bulk revoke travel as one pair instead of 180 kB of numbers.
 */
export type IdRanges = Array<[first: number, last: number]>;

/** The ranges of a list of ids, in their order (a run of consecutive ids is one range). */
export function toIdRanges(ids: readonly number[]): IdRanges {
  const ranges: IdRanges = [];
  for (const id of ids) {
    const last = ranges.at(-1);
    if (last && id === last[1] + 1) last[1] = id;
    else ranges.push([id, id]);
  }
  return ranges;
}

/** Every id of the ranges, in order. */
export function fromIdRanges(ranges: Readonly<IdRanges>): number[] {
  const ids: number[] = [];
  for (const [first, last] of ranges) for (let id = first; id <= last; id++) ids.push(id);
  return ids;
}
