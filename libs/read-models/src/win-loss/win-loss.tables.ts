import type { PoolClient } from 'pg';
import { quoteIdent } from '../projection.js';

export const FACTS_TABLE = 'win_loss_facts';
export const ROLLUP_TABLE = 'win_loss_monthly';

export function factsTable(schema: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(FACTS_TABLE)}`;
}

export function rollupTable(schema: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(ROLLUP_TABLE)}`;
}

// fillfactor leaves room on each page so the many small updates of a rebuild stay HOT (no index
// churn, dead versions pruned in place); only project_id, outcome and decided_at are indexed.
const CREATE_FACTS = (table: string) => `
  create table if not exists ${table} (
    project_id text primary key,
    last_version integer not null,
    outcome text not null check (outcome in ('open', 'won', 'lost', 'withdrawn', 'cancelled')),
    decided_at timestamptz,
    identified_at timestamptz not null,
    stage_reached text not null,
    current_stage text not null,
    current_stage_entered_at timestamptz not null,
    segment text not null,
    region text not null,
    lead_source text not null,
    entry_mode text,
    customer_tier text check (customer_tier in ('A', 'B', 'C')),
    competitors text[] not null default '{}',
    estimated_amount numeric not null,
    estimated_currency text not null,
    currency text,
    our_bid numeric,
    contract_value numeric,
    winner text,
    winning_amount numeric,
    winning_currency text,
    runner_up_amount numeric,
    price_gap numeric,
    revision_count integer not null,
    submission_count integer not null,
    cycle_days numeric,
    search_days numeric,
    preparation_days numeric,
    quotation_days numeric,
    negotiation_days numeric,
    implementation_days numeric,
    transition_days numeric,
    loss_reason text,
    cancelled_after_win_at timestamptz,
    deal_value numeric,
    deal_currency text,
    check ((outcome = 'open') = (decided_at is null))
  ) with (fillfactor = 80)`;

// Every analytics query reads decided projects only, most of them in a decided_at window; the
// grouped win/loss query reads the facts only for the partial months at a window's edges.
const CREATE_DECIDED_INDEX = (table: string) => `
  create index if not exists ${quoteIdent(`${FACTS_TABLE}_decided_at`)} on ${table} (decided_at) where outcome <> 'open'`;

// One row per (dimension, key, month, outcome, currency); a null key is a group of its own.
const CREATE_ROLLUP = (table: string) => `
  create table if not exists ${table} (
    dimension text not null,
    key text,
    month date not null,
    outcome text not null,
    currency text not null,
    projects integer not null,
    value numeric not null,
    unique nulls not distinct (dimension, key, month, outcome, currency)
  )`;

export async function createWinLossTables(tx: PoolClient, schema: string): Promise<void> {
  const table = factsTable(schema);
  await tx.query(CREATE_FACTS(table));
  await tx.query(CREATE_DECIDED_INDEX(table));
  await tx.query(CREATE_ROLLUP(rollupTable(schema)));
}
