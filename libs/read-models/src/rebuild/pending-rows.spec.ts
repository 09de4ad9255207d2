import { BulkStateBySchema, PendingRows } from './pending-rows.js';

describe('PendingRows', () => {
  it('keeps the latest row per key and pushes out the least recently changed beyond its limit', () => {
    const pending = new PendingRows<string>(2);
    expect(pending.set([['a', 'a1'], ['b', 'b1']])).toEqual([]);
    expect(pending.set([['a', 'a2']])).toEqual([]); // a is now the most recent
    expect(pending.set([['c', 'c1']])).toEqual(['b1']);
    expect(pending.set([['d', 'd1'], ['e', 'e1'], ['d', 'd2']])).toEqual(['a2', 'c1']);
    expect(pending.size).toBe(2);
    expect(pending.drain()).toEqual(['e1', 'd2']);
    expect(pending.size).toBe(0);
  });

  it('hands back the rows of the keys taken, and forgets them', () => {
    const pending = new PendingRows<number>(10);
    pending.set([['a', 1], ['b', 2], ['c', 3]]);
    expect(pending.take(['c', 'x', 'a'])).toEqual([3, 1]);
    expect(pending.drain()).toEqual([2]);
  });

  it('with a limit of 0 holds nothing: every row goes out at once', () => {
    const pending = new PendingRows<number>(0);
    expect(pending.set([['a', 1], ['b', 2]])).toEqual([1, 2]);
    expect(pending.drain()).toEqual([]);
    expect(() => new PendingRows(-1)).toThrow(TypeError);
  });

  it('per schema: made on first use, handed back at the end, and what a failed bulk load left is forgotten at the next begin', () => {
    const bySchema = new BulkStateBySchema(() => new PendingRows<number>(10));
    bySchema.of('rm_g2').set([['a', 1]]);
    bySchema.begin(); // rm_g2's rebuild failed: its rows are dropped
    expect(bySchema.of('rm_g2').size).toBe(0);
    bySchema.of('rm_g3').set([['b', 2], ['c', 3]]);
    bySchema.of('rm_g4').set([['d', 4]]); // another schema's rows are its own
    expect(bySchema.end('rm_g3').drain()).toEqual([2, 3]);
    expect(bySchema.of('rm_g3').size).toBe(0);
    expect(bySchema.end('rm_g4').drain()).toEqual([4]);
  });
});
