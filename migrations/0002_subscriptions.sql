-- Where each subscription (projector) is in the global log. Advanced in the same transaction
-- as the read-model writes of the batch it covers, so a batch is applied exactly once.
create table subscription_checkpoints (
  name text primary key,
  -- The adapter's cursor of the last applied event (null: nothing applied yet).
  checkpoint text,
  -- Its global position, for lag and read-your-writes waits without parsing the cursor.
  global_position bigint not null default 0,
  updated_at timestamptz not null default now()
);
