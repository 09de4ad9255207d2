import type { Pool } from 'pg';
import { quoteIdent } from '../projection.js';

// A generation's tables, and every row of each as one digest per table: two generations built
// from the same log must be equal here, whichever way they were built.
export async function schemaTables(pool: Pool, schema: string): Promise<string[]> {
  const { rows } = await pool.query<{ tablename: string }>('select tablename from pg_tables where schemaname = $1 order by 1', [schema]);
  return rows.map((row) => row.tablename);
}

export async function schemaDigest(pool: Pool, schema: string): Promise<Record<string, { n: number; md5: string }>> {
  const digests = await Promise.all((await schemaTables(pool, schema)).map(async (table) => {
    const { rows } = await pool.query(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from ${quoteIdent(schema)}.${quoteIdent(table)} t`);
    return [table, rows[0]] as const;
  }));
  return Object.fromEntries(digests);
}
