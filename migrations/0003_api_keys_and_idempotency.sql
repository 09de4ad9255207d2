-- API keys: only a sha256 of the secret is stored; secrets are random 256-bit values, so a
-- slow password hash buys nothing and would cost a hash per request.
create table api_keys (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  role text not null check (role in ('admin', 'sales', 'estimator', 'contract_manager', 'delivery', 'erp', 'auditor')),
  key_hash bytea not null unique,
  key_prefix text not null,
  created_at timestamptz not null default now(),
  created_by text,
  revoked_at timestamptz
);
-- The key's name is the actor recorded on events, so active names are unique.
create unique index api_keys_active_name on api_keys (name) where revoked_at is null;

-- One row per (caller, Idempotency-Key): the request's fingerprint and, once finished, the response.
create table idempotency_keys (
  principal_id uuid not null,
  key text not null,
  fingerprint bytea not null,
  response_status integer,
  response_body jsonb,
  response_headers jsonb,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (principal_id, key)
);
create index idempotency_keys_created_at on idempotency_keys (created_at);
