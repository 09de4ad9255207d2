import type { PoolClient } from 'pg';
import { columnValue, FACT_COLUMNS, factFromRow } from './win-loss-fact.columns.js';
import type { WinLossFact } from './win-loss-fact.js';
import { factsTable } from './win-loss.tables.js';

const NAMES = FACT_COLUMNS.map((column) => column.name);

// A join rather than `= any($1)`: during a rebuild the table's statistics lag far behind its
// size, and a seq scan testing every row against a 1,000-element array is quadratic.
const SELECT_FACTS = (table: string) => `
  select ${NAMES.map((name) => `f.${name}`).join(', ')}
    from unnest($1::text[]) as wanted(project_id)
    join ${table} f on f.project_id = wanted.project_id`;

// One statement per batch however many projects it touches: each column travels as one array
// parameter and unnest() zips them back into rows. A row never moves back to an older version
// (a replayed batch that starts at a project's identification folds it afresh from there); the
// ids returned are the rows actually written.
const UPSERT_FACTS = (table: string) => `
  insert into ${table} as t (${NAMES.join(', ')})
  select ${FACT_COLUMNS.map((column) =>
    column.type === 'jsonb' ? `array(select jsonb_array_elements_text(u.${column.name}))` : `u.${column.name}`,
  ).join(', ')}
    from unnest(${FACT_COLUMNS.map((column, i) => `$${i + 1}::${column.type}[]`).join(', ')}) as u(${NAMES.join(', ')})
  on conflict (project_id) do update set ${NAMES.slice(1).map((name) => `${name} = excluded.${name}`).join(', ')}
   where t.last_version < excluded.last_version
  returning project_id`;

export async function loadFacts(tx: PoolClient, schema: string, projectIds: readonly string[]): Promise<Map<string, WinLossFact>> {
  if (projectIds.length === 0) return new Map();
  const { rows } = await tx.query(SELECT_FACTS(factsTable(schema)), [projectIds]);
  return new Map(rows.map((row) => [row.project_id as string, factFromRow(row)]));
}

export async function saveFacts(tx: PoolClient, schema: string, facts: readonly WinLossFact[]): Promise<Set<string>> {
  if (facts.length === 0) return new Set();
  const parameters = FACT_COLUMNS.map((column) => facts.map((fact) => columnValue(column, fact)));
  const { rows } = await tx.query<{ project_id: string }>(UPSERT_FACTS(factsTable(schema)), parameters);
  return new Set(rows.map((row) => row.project_id));
}
