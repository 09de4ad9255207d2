import { describe, expect, it } from '@jest/globals';
import { StreamTips } from './stream-tips.js';

const tip = (version: number, hash = `h${version}`) => ({ version, hash });

describe('StreamTips', () => {
  it('answers only for the exact version it knows, and follows the latest observation', () => {
    const tips = new StreamTips();
    tips.learn('s', tip(3));
    expect(tips.at('s', 3)).toEqual(tip(3));
    expect(tips.at('s', 2)).toBeUndefined();
    expect(tips.at('s', 4)).toBeUndefined();
    tips.learn('s', tip(3, 'other')); // the database now says otherwise (a restore, a failover)
    expect(tips.at('s', 3)).toEqual(tip(3, 'other'));
    tips.learn('s', tip(2)); // a read of an older prefix: true too, only less useful
    expect(tips.at('s', 3)).toBeUndefined();
    expect(tips.at('s', 2)).toEqual(tip(2));
    tips.forget('s');
    expect(tips.at('s', 2)).toBeUndefined();
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
