import type pg from 'pg';
import { IdempotencyConflictError } from '../errors.js';
import type { AppendResult, RecordedEvent } from '../event-store.port.js';
import { chainHash } from '../hash-chain.js';
import { resultOf, type AppendBatch } from './append-batch.js';
import { toRecordedEvent, type EventRow } from './event-row.mapper.js';
import { EVENTS_BY_ID } from './event-store.queries.js';

// EVENTS_BY_ID: the hash of the event before it in its stream, then the event row.
type StoredRow = [previousHash: string | null, ...EventRow];

// Conflict path of an append. Returns the original result when the batch is already stored
// as a whole in this stream, contiguous, in the same order and with the same content (the
// chain recomputed from the hash before it matches); null when none of its ids is stored;
// throws IdempotencyConflictError for anything in between.
export async function findReplay(pool: pg.Pool, batch: AppendBatch): Promise<AppendResult | null> {
  const { rows } = await pool.query<StoredRow>({ ...EVENTS_BY_ID, values: [batch.eventIds] });
  if (rows.length === 0) return null;
  const stored = rows.map(([previousHash, ...row]) => ({ event: toRecordedEvent(row), previousHash }));
  if (!isSameBatch(batch, stored)) throw new IdempotencyConflictError(batch.streamId, stored.map(({ event }) => event.eventId));
  return resultOf(batch.streamId, stored.map(({ event }) => event), true);
}

function isSameBatch(batch: AppendBatch, stored: { event: RecordedEvent; previousHash: string | null }[]): boolean {
  if (stored.length !== batch.eventIds.length) return false;
  const first = stored[0];
  let hash = first.previousHash;
  if (hash === null && first.event.version !== 1) return false;
  return stored.every(({ event }, index) => {
    hash = chainHash(hash, batch.canonicals[index]);
    return (
      event.streamId === batch.streamId &&
      event.eventId === batch.eventIds[index] &&
      event.version === first.event.version + index &&
      event.hash === hash
    );
  });
}
