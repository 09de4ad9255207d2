import { describe, expect, it } from '@jest/globals';
import { compareCheckpoints, formatCheckpoint, globalPositionOf, isSystemEvent, parseCheckpoint } from './esdb-position.js';

describe('EventStoreDB checkpoints', () => {
  it('formats and parses "<commit>:<prepare>" without losing precision', () => {
    const position = { commit: 18_446_744_073_709_551_615n, prepare: 9_007_199_254_740_993n };
    expect(formatCheckpoint(position)).toBe('18446744073709551615:9007199254740993');
    expect(parseCheckpoint(formatCheckpoint(position))).toEqual(position);
    expect(parseCheckpoint('0:0')).toEqual({ commit: 0n, prepare: 0n });
  });

  it.each(['', '12', '12:', ':3', '-1:2', '1:2:3', ' 1:2', '1.5:2', 'abc'])('refuses %p', (text) => {
    expect(() => parseCheckpoint(text)).toThrow('not an EventStoreDB checkpoint');
  });

  it('orders by commit, then prepare, numerically (not as strings)', () => {
    expect(compareCheckpoints('9:9', '10:10')).toBeLessThan(0);
    expect(compareCheckpoints('100:100', '100:120')).toBeLessThan(0);
    expect(compareCheckpoints('100:120', '100:100')).toBeGreaterThan(0);
    expect(compareCheckpoints('200:200', '100:300')).toBeGreaterThan(0);
    expect(compareCheckpoints('42:57', '42:57')).toBe(0);
  });

  it('uses the commit position as the global position', () => {
    expect(globalPositionOf({ commit: 1234n, prepare: 1300n })).toBe(1234);
  });

  it('treats $-prefixed streams and types as system events', () => {
    expect(isSystemEvent('$stats-127.0.0.1:2113', 'statsCollected')).toBe(true);
    expect(isSystemEvent('pursuit-1', '$>')).toBe(true);
    expect(isSystemEvent('pursuit-1', 'PursuitOpened')).toBe(false);
  });
});
