import type { PoolClient } from 'pg';
import { quoteIdent } from '../projection.js';

const TRGM_SCHEMA = `select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`;

// One row per project. fillfactor leaves room on each page so the frequent updates (a new
// version, stage, outcome) stay HOT and skip the indexes, the text-search one above all.
export async function createProjectsListTables(tx: PoolClient, schema: string): Promise<void> {
  const table = `${quoteIdent(schema)}.projects`;
  await tx.query(`
    create table if not exists ${table} (
      project_id uuid primary key,
      version integer not null,
      global_position bigint not null,
      name text not null,
      customer_name text not null,
      customer_external_id text,
      segment text not null,
      region text not null,
      lead_source text not null,
      stage text not null,
      outcome text not null,
      estimated_amount numeric not null,
      estimated_currency text not null,
      entry_mode text,
      contract_amount numeric,
      contract_currency text,
      identified_at timestamptz not null,
      updated_at timestamptz not null,
      -- lower-cased name, customer name and customer ERP id: what ?q= searches
      search_text text not null
    ) with (fillfactor = 80)`);
  // The list's keyset order (newest identified first).
  await tx.query(`create index if not exists projects_identified_idx on ${table} (identified_at desc, project_id desc)`);
  // Substring search uses a trigram index when pg_trgm is installed (migration 0007 tries to).
  const trgm = await tx.query<{ nspname: string }>(TRGM_SCHEMA);
  if (trgm.rows[0]) {
    const opclass = `${quoteIdent(trgm.rows[0].nspname)}.gin_trgm_ops`;
    await tx.query(`create index if not exists projects_search_idx on ${table} using gin (search_text ${opclass})`);
  }
}
