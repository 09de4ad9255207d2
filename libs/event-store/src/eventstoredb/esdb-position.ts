import type { Position } from '@eventstore/db-client';
import type { LogCheckpoint } from '../event-store.port.js';

// A checkpoint is the event's own $all position, "<commit>:<prepare>" in decimal. Reading
// "after" it skips that event. Positions are compared as (commit, prepare) pairs of bigints.
const CHECKPOINT_PATTERN = /^(\d+):(\d+)$/;

export function formatCheckpoint(position: Position): LogCheckpoint {
  return `${position.commit}:${position.prepare}`;
}

export function parseCheckpoint(checkpoint: LogCheckpoint): Position {
  const match = CHECKPOINT_PATTERN.exec(checkpoint);
  if (!match) throw new Error(`not an EventStoreDB checkpoint: ${JSON.stringify(checkpoint)}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function compareCheckpoints(a: LogCheckpoint, b: LogCheckpoint): number {
  return comparePositions(parseCheckpoint(a), parseCheckpoint(b));
}

// Commit positions are byte offsets in the transaction log: exact as a number below 2^53 (8 PiB).
export function globalPositionOf(position: Position): number {
  return Number(position.commit);
}

// System streams and events ($settings, $stats-*, link events "$>", ...) are not ours.
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}
