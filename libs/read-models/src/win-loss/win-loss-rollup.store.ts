import type { PoolClient } from 'pg';
import type { Contribution } from './win-loss-rollup.js';
import { rollupTable } from './win-loss.tables.js';

// The batch's net changes, added in one statement.
const ADD_TO_ROLLUP = (table: string) => `
  insert into ${table} as r (dimension, key, month, outcome, currency, projects, value)
  select * from unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::integer[], $7::numeric[])
  on conflict (dimension, key, month, outcome, currency)
  do update set projects = r.projects + excluded.projects, value = r.value + excluded.value`;

export async function addToRollup(tx: PoolClient, schema: string, changes: readonly Contribution[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(ADD_TO_ROLLUP(rollupTable(schema)), [
    changes.map((change) => change.dimension),
    changes.map((change) => change.key),
    changes.map((change) => change.month),
    changes.map((change) => change.outcome),
    changes.map((change) => change.currency),
    changes.map((change) => change.projects),
    changes.map((change) => change.value),
  ]);
}
