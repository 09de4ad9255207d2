import type { LogCheckpoint } from '../event-store.port.js';

// A place in the global log: "<xid8>:<position>", ordered by transaction id, then position.
export type LogPosition = { transactionId: bigint; globalPosition: number };

const CHECKPOINT_PATTERN = /^(\d+):(\d+)$/;

export const START_OF_LOG: LogPosition = { transactionId: 0n, globalPosition: 0 };

export function formatCheckpoint(transactionId: string | bigint, globalPosition: number): LogCheckpoint {
  return `${transactionId}:${globalPosition}`;
}

export function parseCheckpoint(checkpoint: LogCheckpoint): LogPosition {
  const match = CHECKPOINT_PATTERN.exec(checkpoint);
  if (!match) throw new TypeError(`not a PostgreSQL log checkpoint: ${JSON.stringify(checkpoint)}`);
  return { transactionId: BigInt(match[1]), globalPosition: Number(match[2]) };
}

export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  return a.globalPosition - b.globalPosition;
}
