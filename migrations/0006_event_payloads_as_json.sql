-- Event data and metadata are stored as json, the text exactly as the store sent it: the
-- canonical serialisation the hash chain covers (hash-chain.ts), rather than jsonb's re-encoding
-- of it. Reads are what an event store does most, and json goes out as the stored text while
-- jsonb is re-printed value by value: reading a 1,000-event project stream took 8.8-9.7 ms from json
-- against 12.0-13.0 ms from jsonb (same process, same rows, alternating). Nothing queries inside
-- the payloads in SQL, and the read models, not the log, are what is indexed. The store refuses
-- before sending what jsonb refused (NUL, lone surrogates), so what the log holds stays the same.
-- Upgrading: stop every API and projector process before the first one on this version starts.
-- It rewrites the events table, and processes still running the old version would fail on their
-- open connections ("cached plan must not change result type"; append_after_tips(jsonb[]) is gone).
alter table events
  alter column data type json using data::json,
  alter column metadata type json using metadata::json;

-- The canonical text parsed as json: `->` yields each part's own text (data and metadata stored
-- exactly as the single-event statements store them).
create or replace function append_events(
  p_stream_id text,
  p_expected_kind text,
  p_expected_version integer,
  p_canonical text[]
) returns table (
  global_position bigint,
  version integer,
  recorded_at timestamptz,
  hash bytea,
  transaction_id xid8
)
language plpgsql
as $$
declare
  v_last integer;
  v_hash bytea;
  v_recorded_at timestamptz;
  v_event json;
  v_metadata json;
begin
  -- A read, not the check: a concurrent writer of the same version fails on the unique key.
  select e.version, e.hash, e.recorded_at
    into v_last, v_hash, v_recorded_at
    from events e
   where e.stream_id = p_stream_id
   order by e.version desc
   limit 1;
  v_last := coalesce(v_last, 0);

  if (p_expected_kind = 'exact' and v_last is distinct from p_expected_version)
     or (p_expected_kind = 'no_stream' and v_last <> 0)
     or (p_expected_kind = 'stream_exists' and v_last = 0)
     or p_expected_kind not in ('exact', 'no_stream', 'stream_exists', 'any') then
    raise exception 'stream %: expected % %, actual %', p_stream_id, p_expected_kind, p_expected_version, v_last
      using errcode = 'P0001', constraint = 'events_expected_version', detail = v_last::text;
  end if;

  v_recorded_at := greatest(date_trunc('milliseconds', clock_timestamp()), v_recorded_at);

  for i in 1 .. coalesce(cardinality(p_canonical), 0) loop
    v_event := p_canonical[i]::json;
    v_metadata := v_event -> 'metadata';
    v_hash := sha256(coalesce(v_hash, ''::bytea) || convert_to(p_canonical[i], 'UTF8'));
    insert into events as e (
      stream_id, version, event_id, type, schema_version, data, metadata,
      actor, correlation_id, causation_id, occurred_at, recorded_at, hash
    ) values (
      p_stream_id, v_last + i, (v_event ->> 'eventId')::uuid, v_event ->> 'type',
      (v_event ->> 'schemaVersion')::integer, v_event -> 'data', v_metadata,
      v_metadata ->> 'actor', v_metadata ->> 'correlationId',
      v_metadata ->> 'causationId', (v_metadata ->> 'occurredAt')::timestamptz,
      v_recorded_at, v_hash
    )
    returning e.global_position, e.version, e.recorded_at, e.hash, e.transaction_id
      into global_position, version, recorded_at, hash, transaction_id;
    return next;
  end loop;
end;
$$;

-- The same function as in 0005, taking the payloads as json.
drop function append_after_tips(text[], integer[], uuid[], text[], integer[], jsonb[], jsonb[], text[], text[], text[], timestamptz[], bytea[], bytea[]);

create function append_after_tips(
  p_stream_ids text[], p_previous_versions integer[], p_event_ids uuid[], p_types text[],
  p_schema_versions integer[], p_data json[], p_metadata json[], p_actors text[],
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
