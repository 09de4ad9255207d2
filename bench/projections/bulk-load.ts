import type { Pool } from 'pg';
import type { GeneratedEvent } from './history-generator.js';

// Straight into the events table, one statement per chunk, in log order (one chunk per
// transaction, so transaction ids rise with the log). The hashes come precomputed. The rows
// travel as one JSON document (pg's escaped array literals cost far more to build and parse).
const INSERT_EVENTS = `
  insert into events (stream_id, version, event_id, type, schema_version, data, metadata, actor, correlation_id, causation_id, occurred_at, recorded_at, hash)
  select stream_id, version, event_id, type, schema_version, data, metadata, metadata ->> 'actor', metadata ->> 'correlationId', null,
         recorded_at, recorded_at, decode(hash, 'hex')
    from json_to_recordset($1::json) as e(stream_id text, version integer, event_id uuid, type text, schema_version integer, data json,
                                          metadata json, recorded_at timestamptz, hash text)`;

export async function insertEvents(pool: Pool, events: readonly GeneratedEvent[]): Promise<void> {
  const rows = events.map((e) => ({
    stream_id: e.streamId,
    version: e.version,
    event_id: e.event.eventId,
    type: e.event.type,
    schema_version: e.event.schemaVersion,
    data: e.event.data,
    metadata: e.event.metadata,
    recorded_at: e.recordedAt, // = occurredAt: the history is simulated in business time
    hash: e.hash,
  }));
  await pool.query(INSERT_EVENTS, [JSON.stringify(rows)]);
}

// The raw baseline: the same events with a plain SELECT in batches (rows parsed by pg, json
// included, as the store's readAll also gets them).
const SELECT_BATCH = `
  select global_position, transaction_id, stream_id, version, event_id, type, schema_version, data, metadata, recorded_at, hash
    from events where global_position > $1 order by global_position limit $2`;

export async function readAllRaw(pool: Pool, batchSize: number): Promise<number> {
  let after = 0;
  let count = 0;
  for (;;) {
    const { rows } = await pool.query<{ global_position: number }>(SELECT_BATCH, [after, batchSize]);
    if (rows.length === 0) return count;
    count += rows.length;
    after = Number(rows.at(-1)!.global_position);
  }
}
