-- The event store: the system of record. One row per event; rows are never updated or deleted.
create table events (
  global_position bigint generated always as identity primary key,
  -- The writing transaction, so readers can order the log by commit safety (see read_all in
  -- libs/event-store/src/postgres/event-store.queries.ts).
  transaction_id xid8 not null default pg_current_xact_id(),
  stream_id text not null,
  version integer not null check (version > 0),
  event_id uuid not null,
  type text not null,
  schema_version integer not null,
  data jsonb not null,
  metadata jsonb not null,
  actor text not null,
  correlation_id text not null,
  causation_id text,
  occurred_at timestamptz not null,
  -- Database time, millisecond precision (what a JavaScript Date holds), never decreasing
  -- within a stream, so "as of" reads are a prefix.
  recorded_at timestamptz not null,
  -- sha256(previous hash in the stream || canonical serialisation); see hash-chain.ts.
  hash bytea not null,
  -- THE concurrency check: two writers of the same next version cannot both commit.
  constraint events_stream_version_key unique (stream_id, version),
  constraint events_event_id_key unique (event_id)
);

-- The global log is read in (transaction_id, global_position) order.
create index events_transaction_position_idx on events (transaction_id, global_position);

-- Appends events to a stream in one statement (one round trip, one implicit transaction). The
-- store sends single events at an exact expected version through an equivalent plain INSERT
-- instead (APPEND_ONE_AT_VERSION in libs/event-store/src/postgres/event-store.queries.ts): a
-- plpgsql call costs more than the insert. Both must store the same; a test holds them to it.
-- p_expected_kind: 'exact' (p_expected_version = version of the last event, 0 = empty stream),
-- 'no_stream', 'stream_exists' or 'any'. p_canonical: the canonical serialisation of each event
-- (hash-chain.ts), the single source of the stored columns and of the hash.
-- Errors, mapped by the caller from their constraint name (no EXCEPTION block: it would cost a
-- subtransaction per call):
--   events_expected_version (P0001, detail = actual version): the stream is not as expected;
--   events_stream_version_key (23505): a concurrent writer took the version first;
--   events_event_id_key (23505): an event id is already stored (retry or reuse).
create function append_events(
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
  v_event jsonb;
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
    v_event := p_canonical[i]::jsonb;
    v_hash := sha256(coalesce(v_hash, ''::bytea) || convert_to(p_canonical[i], 'UTF8'));
    insert into events as e (
      stream_id, version, event_id, type, schema_version, data, metadata,
      actor, correlation_id, causation_id, occurred_at, recorded_at, hash
    ) values (
      p_stream_id, v_last + i, (v_event ->> 'eventId')::uuid, v_event ->> 'type',
      (v_event ->> 'schemaVersion')::integer, v_event -> 'data', v_event -> 'metadata',
      v_event -> 'metadata' ->> 'actor', v_event -> 'metadata' ->> 'correlationId',
      v_event -> 'metadata' ->> 'causationId', (v_event -> 'metadata' ->> 'occurredAt')::timestamptz,
      v_recorded_at, v_hash
    )
    returning e.global_position, e.version, e.recorded_at, e.hash, e.transaction_id
      into global_position, version, recorded_at, hash, transaction_id;
    return next;
  end loop;
end;
$$;
