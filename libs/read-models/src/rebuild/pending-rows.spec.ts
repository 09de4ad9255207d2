import { PendingRows, PendingRowsBySchema } from './pending-rows.js';

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

  it('per schema: refuses rows for a bulk load not begun, hands the rest back at the end, and forgets what a failed one left', () => {
    const bySchema = new PendingRowsBySchema<number>('test', 10);
    expect(() => bySchema.of('rm_g2')).toThrow('test bulk load into rm_g2 was not begun');
    bySchema.begin('rm_g2');
    bySchema.of('rm_g2').set([['a', 1]]);
    bySchema.begin('rm_g3'); // rm_g2's rebuild failed: its rows are dropped
    expect(() => bySchema.of('rm_g2')).toThrow(/was not begun/);
    bySchema.of('rm_g3').set([['b', 2], ['c', 3]]);
    expect(bySchema.end('rm_g3')).toEqual([2, 3]);
    expect(() => bySchema.of('rm_g3')).toThrow(/was not begun/);
  });
});
