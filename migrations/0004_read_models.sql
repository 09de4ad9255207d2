-- Read-model generations. Each generation is one schema (rm_g1, rm_g2, ...) holding every
-- projection's tables, fed by its own subscription (read-models@g<n>). A rebuild fills
-- generation n+1 beside the live one and switches over in one transaction, so readers
-- always see one complete generation. Rows are kept after the schema is dropped: history.
create table read_model_generations (
  generation integer primary key check (generation > 0),
  schema_name text not null unique check (schema_name ~ '^rm_g[0-9]+$'),
  status text not null check (status in ('building', 'live', 'retired')),
  -- The projections the generation was built with; a mismatch with the code means "rebuild".
  projections text[] not null default '{}',
  created_at timestamptz not null default now(),
  live_at timestamptz,
  retired_at timestamptz,
  dropped_at timestamptz
);

-- At most one live generation, enforced by the database rather than by the switch's care.
create unique index read_model_generations_one_live on read_model_generations ((true)) where status = 'live';
