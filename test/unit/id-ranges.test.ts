import { describe, expect, it } from 'vitest';
import { fromIdRanges, toIdRanges } from '../../shared/id-ranges';

describe('ids as ranges', () => {
  it('makes one range of each run of consecutive ids, in their order, and gives them back', () => {
    const ids = [3, 4, 5, 9, 10, 12, 7];
    expect(toIdRanges(ids)).toEqual([
      [3, 5],
      [9, 10],
      [12, 12],
      [7, 7],
    ]);
    expect(fromIdRanges(toIdRanges(ids))).toEqual(ids);
    expect(toIdRanges([])).toEqual([]);
    expect(toIdRanges(Array.from({ length: 30_000 }, (_, i) => 101 + i))).toEqual([[101, 30_100]]);
  });
});
