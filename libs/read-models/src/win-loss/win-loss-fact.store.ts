import type { PoolClient } from 'pg';
import { FACT_COLUMNS, factFromRow } from './win-loss-fact.columns.js';
import type { FactColumn } from './win-loss-fact.columns.js';
import type { WinLossFact } from './win-loss-fact.js';
import { factsTable } from './win-loss.tables.js';

const NAMES = FACT_COLUMNS.map((column) => column.name);

// A join rather than `= any($1)`: during a rebuild the table's statistics lag far behind its
// size, and a seq scan testing every row against a 1,000-element array is quadratic.
const SELECT_FACTS = (table: string) => `
  select ${NAMES.map((name) => `f.${name}`).join(', ')}
    from unnest($1::text[]) as wanted(project_id)
    join ${table} f on f.project_id = wanted.project_id`;

// One statement per batch however many projects it touches: the rows travel as one JSON
// document (an array of arrays, in FACT_COLUMNS order) that PostgreSQL parses far faster than
// dozens of array parameters; json_to_recordset cannot take positional rows, so each column is
// picked by index and cast with its column's type. A row never moves back to an older version
// (a replayed batch that starts at a project's identification folds it afresh from there); the
// ids returned are the rows actually written.
const UPSERT_FACTS = (table: string) => `
  insert into ${table} as t (${NAMES.join(', ')})
  select ${FACT_COLUMNS.map((column, i) =>
    column.type === 'jsonb'
      ? `array(select jsonb_array_elements_text(u.r -> ${i}))`
      : `(u.r ->> ${i})::${column.type}`,
  ).join(', ')}
    from jsonb_array_elements($1::jsonb) as u(r)
  on conflict (project_id) do update set ${NAMES.slice(1).map((name) => `${name} = excluded.${name}`).join(', ')}
   where t.last_version < excluded.last_version
  returning project_id`;

// A column's value in the JSON document, read back as the array parameters read it: competitors
// as the array itself (none when undefined), undefined as null, NaN and ±Infinity as their text
// (JSON would make them null), a Date as its instant.
function rowValue(column: FactColumn, fact: WinLossFact): unknown {
  const value = 'stage' in column ? fact.stageDays[column.stage] : fact[column.field];
  if (value === undefined) return column.type === 'jsonb' ? [] : null;
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

export async function loadFacts(tx: PoolClient, schema: string, projectIds: readonly string[]): Promise<Map<string, WinLossFact>> {
  if (projectIds.length === 0) return new Map();
  const { rows } = await tx.query(SELECT_FACTS(factsTable(schema)), [projectIds]);
  return new Map(rows.map((row) => [row.project_id as string, factFromRow(row)]));
}

// The rows are serialised before anything is awaited: a caller may go on changing the facts.
export async function saveFacts(tx: PoolClient, schema: string, facts: readonly WinLossFact[]): Promise<Set<string>> {
  if (facts.length === 0) return new Set();
  const document = JSON.stringify(facts.map((fact) => FACT_COLUMNS.map((column) => rowValue(column, fact))));
  const { rows } = await tx.query<{ project_id: string }>(UPSERT_FACTS(factsTable(schema)), [document]);
  return new Set(rows.map((row) => row.project_id));
}
