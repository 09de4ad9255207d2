// Every statement the PostgreSQL event store runs. Hot-path statements carry a `name` so pg
// prepares them once per connection (no parse/plan per call), and those returning events use
// rowMode 'array' (see event-row.mapper.ts), their columns in the order given here.

// recorded_at and hash come as the strings RecordedEvent holds: parsing them into a Date and a
// Buffer only to format them again costs more than the rest of a stream read. Formatting the time
// in Node instead (from epoch milliseconds) measured slower: PostgreSQL formats it while Node is
// still parsing the rows before, and a stream read is bound by Node.
const EVENT_COLUMNS = `global_position, transaction_id, stream_id, version, event_id, type, schema_version,
       data, metadata, ${isoText('recorded_at')} as recorded_at, encode(hash, 'hex') as hash`;

function isoText(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

const APPENDED_COLUMNS = `global_position, version, ${isoText('recorded_at')} as recorded_at, encode(hash, 'hex') as hash,
       transaction_id`;

// The general append, one round trip: append_events (migrations/0001_event_store.sql) checks the
// expected version against the stream's last event, chains the hashes and inserts the batch.
export const APPEND_EVENTS = {
  name: 'event_store_append',
  rowMode: 'array' as const,
  text: `select ${APPENDED_COLUMNS} from append_events($1::text, $2::text, $3::integer, $4::text[])`,
};

// One event at an exact expected version, without a tip, as one plain INSERT:
// a plpgsql call costs more than the insert itself. The row at the expected version gives the
// previous hash and recorded-at. None there (the stream is shorter) inserts nothing; a stream
// already longer fails on events_stream_version_key. Stores exactly what append_events would.
export const APPEND_ONE_AT_VERSION = {
  name: 'event_store_append_one',
  rowMode: 'array' as const,
  text: `insert into events (
           stream_id, version, event_id, type, schema_version, data, metadata,
           actor, correlation_id, causation_id, occurred_at, recorded_at, hash)
         select $1::text, $2::integer + 1, $3::uuid, $4::text, $5::integer, $6::json, $7::json,
                $8::text, $9::text, $10::text, $11::timestamptz,
                greatest(date_trunc('milliseconds', clock_timestamp()), previous.recorded_at),
                sha256(coalesce(previous.hash, ''::bytea) || convert_to($12::text, 'UTF8'))
           from (select) as one
           left join events previous on previous.stream_id = $1::text and previous.version = $2::integer
          where (previous.version is null) = ($2::integer = 0)
         returning ${APPENDED_COLUMNS}`,
};

// The hot path: single-event appends at a version whose event the writer has seen (StreamTips),
// or at 0, several to different streams in one statement and one transaction (AppendCoalescer),
// one row per stream. The caller computes each hash from the tip's hash; the tip is only a hint:
// a row is inserted only if the stored event at its previous version still has that hash, so a
// stale tip can never break a chain or leave a gap. A row that fails that check, or meets a
// concurrent writer's version, is left out, not the statement; its caller then takes the ordinary
// path (APPEND_ONE_AT_VERSION), which names the conflict. Rows go in stream order ("C" collation,
// the same in every process), so two such statements waiting on each other's rows cannot deadlock.
// An event id that is already stored fails the statement as a whole (no conflict target for it):
// the coalescer then sends each append alone.
export const APPEND_AFTER_TIPS = {
  name: 'event_store_append_after_tips',
  rowMode: 'array' as const,
  // migrations/0005_append_after_tips.sql: the same INSERT, its plan pinned to the index.
  text: `select * from append_after_tips($1::text[], $2::integer[], $3::uuid[], $4::text[], $5::integer[], $6::json[],
           $7::json[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::bytea[], $13::bytea[])`,
};

// APPEND_AFTER_TIPS for one row, without the arrays and the function call: what an append arriving
// alone sends. Kept beside it because it is cheaper: through the function alone-sent appends ran
// at about two thirds of this rate (16 in flight, same run).
export const APPEND_ONE_AFTER_TIP = {
  name: 'event_store_append_one_after_tip',
  rowMode: 'array' as const,
  text: `insert into events (
           stream_id, version, event_id, type, schema_version, data, metadata,
           actor, correlation_id, causation_id, occurred_at, recorded_at, hash)
         select $1::text, $2::integer + 1, $3::uuid, $4::text, $5::integer, $6::json, $7::json,
                $8::text, $9::text, $10::text, $11::timestamptz,
                greatest(date_trunc('milliseconds', clock_timestamp()), previous.recorded_at), $13::bytea
           from (select) as one
           left join events previous on previous.stream_id = $1::text and previous.version = $2::integer
          where ($2::integer = 0 and $12::bytea is null) or previous.hash = $12::bytea
         on conflict (stream_id, version) do nothing
         returning event_id, ${APPENDED_COLUMNS}`,
};

export const READ_STREAM = {
  name: 'event_store_read_stream',
  rowMode: 'array' as const,
  text: `select ${EVENT_COLUMNS}
           from events
          where stream_id = $1 and version between $2 and $3
            and ($4::timestamptz is null or recorded_at <= $4::timestamptz)
          order by version`,
};

// READ_STREAM for a fold: no metadata to parse, no hash to encode, no log position.
export const READ_STREAM_FOR_FOLD = {
  name: 'event_store_read_stream_for_fold',
  rowMode: 'array' as const,
  text: `select version, type, schema_version, data, ${isoText('recorded_at')} as recorded_at
           from events
          where stream_id = $1 and version between $2 and $3
            and ($4::timestamptz is null or recorded_at <= $4::timestamptz)
          order by version`,
};

// Gap-safe read of the global log. Positions are taken at insert time, not at commit, so a
// reader checkpointing by position alone would skip an event whose transaction took a lower
// position but committed after the reader had passed it. Instead the log is ordered by
// (transaction_id, global_position) and cut below the snapshot's xmin: every transaction with
// a lower id has finished (so its rows are all visible or rolled back), and any transaction
// that writes later is assigned a larger id, so nothing can appear behind the checkpoint.
// The cost: a transaction left open anywhere in the cluster holds the log back until it ends.
export const READ_ALL = {
  name: 'event_store_read_all',
  rowMode: 'array' as const,
  text: `select ${EVENT_COLUMNS}
           from events
          where (transaction_id, global_position) > ($1::xid8, $2::bigint)
            and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          order by transaction_id, global_position
          limit $3`,
};

// A part of the log up to a checkpoint `head` returned, so no visibility cut is needed: every
// transaction up to it had ended when it was read. A part is a range of stream ids (SAMPLE_STREAMS
// draws the bounds), read in stream order on the unique index (stream_id, version), keyset-
// paginated, so a reader fetches its own events and no others. Each event costs a heap page of its
// own (a page holds events of many streams) where log order reads a page once for all its events:
// PostgreSQL's price for the rebuild's stream order (see parallel-bulk.ts). Splitting by a hash of
// the stream id instead made every reader fetch every event to test the hash (it is no index
// condition): twice the heap reads for two parts (3.0 s against 1.6 s a part, EXPLAIN ANALYZE on
// the benchmark's history). The statements run in a read-only transaction with SLICE_PLAN, so the
// planner never trades the index for a sort of the whole range.
export const SLICE_PLAN = 'set local enable_seqscan = off; set local enable_bitmapscan = off; set local enable_sort = off; set local jit = off';

const sliceRead = (name: string, upperBound: string) => ({
  name,
  rowMode: 'array' as const,
  text: `select ${EVENT_COLUMNS}
           from events
          where (stream_id, version) > ($1::text, $2::integer)${upperBound}
            and (transaction_id, global_position) <= ($3::xid8, $4::bigint)
          order by stream_id, version
          limit $5`,
});
// The last slice has no upper bound; a bound `stream_id < $6 or $6 is null` would be no index
// condition, and every other slice's last read would run on to the end of the index.
export const READ_SLICE = sliceRead('event_store_read_slice', '\n            and stream_id < $6::text');
export const READ_LAST_SLICE = sliceRead('event_store_read_last_slice', '');

export const COUNT_UP_TO = `select count(*) as n from events where (transaction_id, global_position) <= ($1::xid8, $2::bigint)`;

// Stream ids of a sample of about $1 heap pages (every page of a smaller table), in the order the
// index keeps them: the bounds of slices about equal in events. REPEATABLE: the same table gives
// the same sample.
export const SAMPLE_STREAMS = `
  select stream_id
    from events tablesample system (least(100, 100.0 * $1::integer / greatest(1, pg_relation_size('events') / current_setting('block_size')::integer))) repeatable (0)
   order by stream_id`;

export const HEAD = {
  name: 'event_store_head',
  text: `select transaction_id, global_position, ${isoText('recorded_at')} as recorded_at
           from events
          where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          order by transaction_id desc, global_position desc
          limit 1`,
};

export const CHECKPOINT_OF = `select transaction_id, global_position from events where global_position = $1`;

export const CURRENT_VERSION = `select coalesce(max(version), 0) as version from events where stream_id = $1`;

// Conflict path only: the stored events carrying the ids of a refused append, each with the
// hash before it, to tell an idempotent retry from a reuse of ids.
export const EVENTS_BY_ID = {
  rowMode: 'array' as const,
  text: `select encode(previous.hash, 'hex') as previous_hash,
       e.global_position, e.transaction_id, e.stream_id, e.version, e.event_id, e.type,
       e.schema_version, e.data, e.metadata, ${isoText('e.recorded_at')} as recorded_at, encode(e.hash, 'hex') as hash
  from events e
  left join events previous on previous.stream_id = e.stream_id and previous.version = e.version - 1
 where e.event_id = any($1::uuid[])
 order by e.stream_id, e.version`,
};

// Sent on its own, never inside an append: a transaction that notifies serialises commits.
export const NOTIFY = `select pg_notify($1, '')`;
