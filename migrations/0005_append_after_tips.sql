-- The hot path's multi-row append (APPEND_AFTER_TIPS in libs/event-store/src/postgres/
-- event-store.queries.ts; what it checks and why is written there). A function, so that its plan
-- can be pinned to the (stream_id, version) index: a prepared statement's plan cached while the
-- table was still small would otherwise scan the whole table for every batch as the log grows.
create function append_after_tips(
  p_stream_ids text[], p_previous_versions integer[], p_event_ids uuid[], p_types text[],
  p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[], p_actors text[],
  p_correlation_ids text[], p_causation_ids text[], p_occurred_at timestamptz[],
  p_previous_hashes bytea[], p_hashes bytea[]
) returns table (event_id uuid, global_position bigint, version integer, recorded_at text, hash text, transaction_id xid8)
language sql
set enable_seqscan = off
set enable_hashjoin = off
set enable_mergejoin = off
as $$
  insert into events as e (
    stream_id, version, event_id, type, schema_version, data, metadata,
    actor, correlation_id, causation_id, occurred_at, recorded_at, hash)
  select r.stream_id, r.previous_version + 1, r.event_id, r.type, r.schema_version, r.data, r.metadata,
         r.actor, r.correlation_id, r.causation_id, r.occurred_at,
         greatest(date_trunc('milliseconds', clock_timestamp()), previous.recorded_at), r.hash
    from unnest(p_stream_ids, p_previous_versions, p_event_ids, p_types, p_schema_versions, p_data, p_metadata,
                p_actors, p_correlation_ids, p_causation_ids, p_occurred_at, p_previous_hashes, p_hashes)
         as r(stream_id, previous_version, event_id, type, schema_version, data, metadata,
              actor, correlation_id, causation_id, occurred_at, previous_hash, hash)
    left join events previous on previous.stream_id = r.stream_id and previous.version = r.previous_version
   where (r.previous_version = 0 and r.previous_hash is null) or previous.hash = r.previous_hash
   order by r.stream_id collate "C"
  on conflict (stream_id, version) do nothing
  returning e.event_id, e.global_position, e.version,
            to_char(e.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), encode(e.hash, 'hex'), e.transaction_id
$$;
