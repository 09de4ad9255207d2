import type { Project } from '#domain';
import type { ProjectFolds } from '../folding/project-folds.js';
import type { RecordedEvent } from '#event-store';
import { quoteIdent, type Projection, type ProjectionContext } from '../projection.js';
import { createProjectsListTables } from './projects-list.tables.js';

const COLUMNS = [
  'project_id', 'version', 'global_position', 'name', 'customer_name', 'customer_external_id', 'segment', 'region',
  'lead_source', 'stage', 'outcome', 'estimated_amount', 'estimated_currency', 'entry_mode', 'contract_amount',
  'contract_currency', 'identified_at', 'updated_at', 'search_text',
] as const;
// The indexes createProjectsListTables makes besides the primary key.
const DEFERRED_INDEXES = ['projects_identified_idx', 'projects_search_idx'];
const TYPES = [
  'uuid', 'integer', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'numeric', 'text', 'text',
  'numeric', 'text', 'timestamptz', 'timestamptz', 'text',
] as const;

// One row per project touched by the batch (its state after the batch), all in one JSON
// document; the version guard keeps the upsert idempotent.
const upsertProjects = (schema: string) => {
  const table = `${quoteIdent(schema)}.projects`;
  return `
  insert into ${table} (${COLUMNS.join(', ')})
  select ${COLUMNS.join(', ')}
    from json_to_recordset($1::json) as row(${COLUMNS.map((column, index) => `${column} ${TYPES[index]}`).join(', ')})
  on conflict (project_id) do update set
    ${COLUMNS.slice(1).map((column) => `${column} = excluded.${column}`).join(',\n    ')}
  where ${table}.version < excluded.version`;
};

export const searchTextOf = (project: Pick<Project, 'name' | 'customer'>): string =>
  [project.name, project.customer.name, project.customer.externalId ?? ''].join(' ').toLowerCase();

function rowOf(project: Project, version: number, globalPosition: number): Record<(typeof COLUMNS)[number], unknown> {
  return {
    project_id: project.id,
    version,
    global_position: globalPosition,
    name: project.name,
    customer_name: project.customer.name,
    customer_external_id: project.customer.externalId ?? null,
    segment: project.segment,
    region: project.region,
    lead_source: project.leadSource,
    stage: project.stage,
    outcome: project.outcome,
    estimated_amount: project.estimatedValue.amount, // a decimal string: numeric takes it exactly
    estimated_currency: project.estimatedValue.currency,
    entry_mode: project.entryMode?.mode ?? null,
    contract_amount: project.contract?.currentValue.amount ?? null,
    contract_currency: project.contract?.currentValue.currency ?? null,
    identified_at: project.identifiedAt,
    updated_at: project.updatedAt,
    search_text: searchTextOf(project),
  };
}

export function projectsListProjection(folds: ProjectFolds): Projection {
  async function write(events: RecordedEvent[], { tx, schema }: ProjectionContext): Promise<{ done: Promise<void> }> {
    const { latest } = await folds.forBatch(events);
    const rows = [...latest.values()].flatMap(({ after, event }) => (after.status === 'identified' ? [rowOf(after, event.version, event.globalPosition)] : []));
    const done = rows.length > 0 ? tx.query(upsertProjects(schema), [JSON.stringify(rows)]).then(() => undefined) : Promise.resolve();
    return { done };
  }
  return {
    name: 'projects-list',
    createTables: createProjectsListTables,
    async apply(events, context) {
      await (await write(events, context)).done;
    },
    // A rebuild's bulk load: the same upsert, queued without waiting for it, into a table that
    // keeps only its primary key (the upsert's arbiter) until the end; its other indexes, the
    // trigram one above all, are then built once from the finished rows instead of row by row.
    bulk: {
      async begin(tx, schema) {
        for (const index of DEFERRED_INDEXES) await tx.query(`drop index if exists ${quoteIdent(schema)}.${quoteIdent(index)}`);
      },
      write,
      async end(tx, schema) {
        await tx.query(`set local maintenance_work_mem = '256MB'`);
        await createProjectsListTables(tx, schema); // idempotent: creates only what is missing
      },
    },
  };
}
