import { describe, expect, it } from '@jest/globals';
import { StreamTips } from './stream-tips.js';

const tip = (version: number) => ({ version, hash: `h${version}`, recordedAt: '2026-01-01T00:00:00.000Z' });

describe('StreamTips', () => {
  it('answers only for the exact version it knows, and never goes back to an older one', () => {
    const tips = new StreamTips();
    tips.learn('s', tip(3));
    expect(tips.at('s', 3)).toEqual(tip(3));
    expect(tips.at('s', 2)).toBeUndefined();
    expect(tips.at('s', 4)).toBeUndefined();
    tips.learn('s', tip(2)); // a read of an older prefix
    expect(tips.at('s', 3)).toEqual(tip(3));
    tips.learn('s', tip(5));
    expect(tips.at('s', 3)).toBeUndefined();
    expect(tips.at('s', 5)).toEqual(tip(5));
  });

  it('forgets the stream learnt least recently beyond its capacity', () => {
    const tips = new StreamTips(2);
    tips.learn('a', tip(1));
    tips.learn('b', tip(1));
    tips.learn('a', tip(2)); // a is now the most recent
    tips.learn('c', tip(1));
    expect(tips.at('b', 1)).toBeUndefined();
    expect(tips.at('a', 2)).toEqual(tip(2));
    expect(tips.at('c', 1)).toEqual(tip(1));
  });
});
