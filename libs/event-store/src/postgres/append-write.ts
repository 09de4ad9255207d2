import type pg from 'pg';
import type { ExpectedVersion } from '../event-store.port.js';
import type { AppendBatch, AppendedRow } from './append-batch.js';
import { appendConflictOf, type AppendConflict } from './append-conflict.js';
import { APPEND_EVENTS, APPEND_ONE_AT_VERSION } from './event-store.queries.js';

export type WriteOutcome = { rows: AppendedRow[]; conflict?: never } | { rows?: never; conflict: AppendConflict };

// The write of an append: one statement, one round trip, its own implicit transaction.
export async function writeBatch(pool: pg.Pool, batch: AppendBatch, expected: ExpectedVersion): Promise<WriteOutcome> {
  const atVersion = expected === 'no_stream' ? 0 : expected;
  const hotPath = batch.events.length === 1 && typeof atVersion === 'number';
  try {
    const { rows } = await pool.query<AppendedRow>(
      hotPath ? { ...APPEND_ONE_AT_VERSION, values: oneEventValues(batch, atVersion) } : { ...APPEND_EVENTS, values: batchValues(batch, expected) },
    );
    // Only the hot path inserts nothing: no event at the expected version, the stream is shorter.
    return rows.length > 0 ? { rows } : { conflict: { kind: 'expected_version', actual: null } };
  } catch (error) {
    const conflict = appendConflictOf(error);
    if (conflict) return { conflict };
    throw error;
  }
}

function oneEventValues({ streamId, events: [event], canonicals: [canonical] }: AppendBatch, atVersion: number): unknown[] {
  const { actor, correlationId, causationId, occurredAt } = event.metadata;
  const data = JSON.stringify(event.data);
  const metadata = JSON.stringify(event.metadata);
  return [streamId, atVersion, event.eventId, event.type, event.schemaVersion, data, metadata, actor, correlationId, causationId, occurredAt, canonical];
}

function batchValues({ streamId, canonicals }: AppendBatch, expected: ExpectedVersion): unknown[] {
  return typeof expected === 'number' ? [streamId, 'exact', expected, canonicals] : [streamId, expected, null, canonicals];
}
