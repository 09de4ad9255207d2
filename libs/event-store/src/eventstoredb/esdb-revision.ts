import { NO_STREAM, type AppendExpectedRevision, type CurrentRevision } from '@eventstore/db-client';
import type { ExpectedVersion } from '../event-store.port.js';

// Our versions are 1-based (version n = the n-th event); ESDB revisions are 0-based.
export function revisionOf(version: number): bigint {
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`invalid stream version ${version}`);
  return BigInt(version - 1);
}

export function versionOf(revision: bigint): number {
  return Number(revision) + 1;
}

// The stream's version from an ESDB "current revision" (0 when the stream does not exist).
export function versionOfCurrent(current: CurrentRevision): number {
  return current === NO_STREAM ? 0 : versionOf(current);
}

// The appended batch is always pinned to the revision just read (so the hash chain cannot
// fork), once our own check of `expected` against that version has passed. null: conflict.
export function expectedRevisionFor(expected: ExpectedVersion, currentVersion: number): AppendExpectedRevision | null {
  const satisfied =
    expected === 'any' ||
    (expected === 'no_stream' && currentVersion === 0) ||
    (expected === 'stream_exists' && currentVersion > 0) ||
    (typeof expected === 'number' && expected === currentVersion);
  if (!satisfied) return null;
  return currentVersion === 0 ? NO_STREAM : revisionOf(currentVersion);
}
