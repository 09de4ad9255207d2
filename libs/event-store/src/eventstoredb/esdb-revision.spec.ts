import { describe, expect, it } from '@jest/globals';
import { NO_STREAM } from '@eventstore/db-client';
import type { ExpectedVersion } from '../event-store.port.js';
import { expectedRevisionFor, revisionOf, versionOf, versionOfCurrent } from './esdb-revision.js';

describe('EventStoreDB revisions', () => {
  it('maps 1-based versions to 0-based revisions and back', () => {
    expect(revisionOf(1)).toBe(0n);
    expect(revisionOf(42)).toBe(41n);
    expect(versionOf(0n)).toBe(1);
    expect(versionOf(41n)).toBe(42);
    expect(() => revisionOf(0)).toThrow(RangeError);
    expect(() => revisionOf(1.5)).toThrow(RangeError);
  });

  it('reads the actual version of a WrongExpectedVersion error', () => {
    expect(versionOfCurrent(NO_STREAM)).toBe(0);
    expect(versionOfCurrent(4n)).toBe(5);
  });

  // Every accepted append is pinned to the revision just read; kinds only decide acceptance.
  const cases: Array<[ExpectedVersion, number, ReturnType<typeof expectedRevisionFor>]> = [
    [0, 0, NO_STREAM],
    [0, 3, null],
    [3, 3, 2n],
    [2, 3, null],
    [4, 3, null],
    [1, 0, null],
    ['no_stream', 0, NO_STREAM],
    ['no_stream', 1, null],
    ['stream_exists', 0, null],
    ['stream_exists', 1, 0n],
    ['stream_exists', 7, 6n],
    ['any', 0, NO_STREAM],
    ['any', 7, 6n],
  ];
  it.each(cases)('expected %p on a stream at version %p appends at %p', (expected, current, revision) => {
    expect(expectedRevisionFor(expected, current)).toBe(revision);
  });
});
