import type pg from 'pg';
import type { ExpectedVersion } from '../event-store.port.js';
import { chainHash } from '../hash-chain.js';
import type { AppendBatch, AppendedRow } from './append-batch.js';
import type { AppendCoalescer, TipAppendValues } from './append-coalescer.js';
import { appendConflictOf, type AppendConflict } from './append-conflict.js';
import { APPEND_EVENTS, APPEND_ONE_AT_VERSION } from './event-store.queries.js';
import type { StreamTips } from './stream-tips.js';

export type WriteOutcome = { rows: AppendedRow[]; conflict?: never } | { rows?: never; conflict: AppendConflict };

// The write of an append: one statement, one round trip, its own implicit transaction (shared
// with other appends on the hot path). `tips` null: the ordinary path only.
export async function writeBatch(
  pool: pg.Pool,
  tips: StreamTips | null,
  coalescer: AppendCoalescer,
  batch: AppendBatch,
  expected: ExpectedVersion,
): Promise<WriteOutcome> {
  const atVersion = expected === 'no_stream' ? 0 : expected;
  const single = batch.events.length === 1 && typeof atVersion === 'number';
  if (single && tips) {
    // Version 0 has no previous event: its hash needs no tip.
    const previousHash = atVersion === 0 ? null : tips.at(batch.streamId, atVersion)?.hash;
    if (previousHash !== undefined) {
      const hash = chainHash(previousHash, batch.canonicals[0]);
      const values: TipAppendValues = [...oneEventValues(batch, atVersion), previousHash === null ? null : Buffer.from(previousHash, 'hex'), Buffer.from(hash, 'hex')];
      return coalescer.write(values);
    }
  }
  try {
    const { rows } = await pool.query<AppendedRow>(
      single ? { ...APPEND_ONE_AT_VERSION, values: [...oneEventValues(batch, atVersion), batch.canonicals[0]] } : { ...APPEND_EVENTS, values: batchValues(batch, expected) },
    );
    // Only APPEND_ONE_AT_VERSION inserts nothing: no event at the expected version, the stream is shorter.
    return rows.length > 0 ? { rows } : { conflict: { kind: 'expected_version', actual: null } };
  } catch (error) {
    const conflict = appendConflictOf(error);
    if (conflict) return { conflict };
    throw error;
  }
}

function oneEventValues({ streamId, events: [event], data, metadata }: AppendBatch, atVersion: number): [string, number, string, ...unknown[]] {
  const { actor, correlationId, causationId, occurredAt } = event.metadata;
  return [streamId, atVersion, event.eventId, event.type, event.schemaVersion, data[0], metadata[0], actor, correlationId, causationId, occurredAt];
}

function batchValues({ streamId, canonicals }: AppendBatch, expected: ExpectedVersion): unknown[] {
  return typeof expected === 'number' ? [streamId, 'exact', expected, canonicals] : [streamId, expected, null, canonicals];
}
