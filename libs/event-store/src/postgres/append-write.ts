import type pg from 'pg';
import type { ExpectedVersion } from '../event-store.port.js';
import { chainHash } from '../hash-chain.js';
import type { AppendBatch, AppendedRow } from './append-batch.js';
import { appendConflictOf, type AppendConflict } from './append-conflict.js';
import { APPEND_EVENTS, APPEND_ONE_AFTER_TIP, APPEND_ONE_AT_VERSION } from './event-store.queries.js';
import type { StreamTips } from './stream-tips.js';
import type { AppendCoalescer, TipAppendValues } from './append-coalescer.js';

export type WriteOutcome = { rows: AppendedRow[]; conflict?: never } | { rows?: never; conflict: AppendConflict };

// The write of an append: one statement, one round trip, its own implicit transaction.
// Single events after a known tip go through the coalescer, which may share the transaction.
export async function writeBatch(
  pool: pg.Pool,
  tips: StreamTips,
  coalescer: AppendCoalescer,
  batch: AppendBatch,
  expected: ExpectedVersion,
): Promise<WriteOutcome> {
  const statement = statementFor(tips, batch, expected);
  if (statement.name === APPEND_ONE_AFTER_TIP.name) return coalescer.write(statement.values as TipAppendValues);
  try {
    const { rows } = await pool.query<AppendedRow>(statement);
    // Only APPEND_ONE_AT_VERSION inserts nothing: no event at the expected version, the stream is shorter.
    return rows.length > 0 ? { rows } : { conflict: { kind: 'expected_version', actual: null } };
  } catch (error) {
    const conflict = appendConflictOf(error);
    if (conflict) return { conflict };
    throw error;
  }
}

function statementFor(tips: StreamTips, batch: AppendBatch, expected: ExpectedVersion): pg.QueryConfig & { values: unknown[] } {
  const atVersion = expected === 'no_stream' ? 0 : expected;
  if (batch.events.length !== 1 || typeof atVersion !== 'number') return { ...APPEND_EVENTS, values: batchValues(batch, expected) };
  const tip = atVersion === 0 ? { hash: null, recordedAt: null } : tips.at(batch.streamId, atVersion);
  if (!tip) return { ...APPEND_ONE_AT_VERSION, values: [...oneEventValues(batch, atVersion), batch.canonicals[0]] };
  const hash = Buffer.from(chainHash(tip.hash, batch.canonicals[0]), 'hex');
  return { ...APPEND_ONE_AFTER_TIP, values: [...oneEventValues(batch, atVersion), tip.recordedAt, hash] };
}

function oneEventValues({ streamId, events: [event], data, metadata }: AppendBatch, atVersion: number): unknown[] {
  const { actor, correlationId, causationId, occurredAt } = event.metadata;
  return [streamId, atVersion, event.eventId, event.type, event.schemaVersion, data[0], metadata[0], actor, correlationId, causationId, occurredAt];
}

function batchValues({ streamId, canonicals }: AppendBatch, expected: ExpectedVersion): unknown[] {
  return typeof expected === 'number' ? [streamId, 'exact', expected, canonicals] : [streamId, expected, null, canonicals];
}
