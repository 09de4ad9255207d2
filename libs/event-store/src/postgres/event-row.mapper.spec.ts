import { describe, expect, it } from '@jest/globals';
import { isoFromEpochMs } from './event-row.mapper.js';

describe('isoFromEpochMs', () => {
  it('formats exactly as Date.prototype.toISOString', () => {
    const edges = [0, -1, 1, 999, 1000, 86_399_999, 86_400_000, -86_400_000, 951_782_400_000 /* 2000-02-29 */, 1_795_793_472_641, 253_402_300_799_999, 253_402_300_800_000 /* year 10000 */, -62_135_596_800_000];
    for (const ms of edges) expect(isoFromEpochMs(ms)).toBe(new Date(ms).toISOString());
    // Events one after another on the same day, then across days, in and out of order.
    let ms = Date.UTC(2026, 10, 27, 23, 59, 58, 990);
    for (let i = 0; i < 5_000; i++) {
      ms += i % 7 === 0 ? -3_599_999 : 1_234;
      expect(isoFromEpochMs(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
