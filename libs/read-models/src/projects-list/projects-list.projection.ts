import type { Project } from '#domain';
import type { FoldStep, ProjectFolds } from '../folding/project-folds.js';
import type { RecordedEvent } from '#event-store';
import { quoteIdent, type Projection, type ProjectionContext } from '../projection.js';
import { BulkStateBySchema, PendingRows } from '../rebuild/pending-rows.js';
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

// bulkPendingRows: project rows a rebuild's bulk load holds back (PendingRows); 0 writes every batch's.
export type ProjectsListOptions = { bulkPendingRows?: number };

const FLUSH_CHUNK = 5_000;

type ProjectRow = ReturnType<typeof rowOf>;

// What a bulk load holds per project until it writes the project's row: an open project's
// state itself, a closed project's row. Read in log order (a rebuild on one thread), a later batch
// replaces most open projects' entries, so building their rows then would be wasted (on the
// benchmark's history 672,673 rows for 100,001 projects); a parallel rebuild's parts read each
// stream whole (stream order), so there a project's entry is mostly its last already. Holding
// the state adds little while the fold cache keeps the same open projects' states (both hold the
// most recently changed ones, 50,000 by default); past the cache's size, a held state is a whole
// project's, several times a row. A closed project changes no more and the fold cache lets its
// state go, so its row is built at once.
type Held = ProjectRow | { project: Project; version: number; globalPosition: number };

function heldOf(latest: ReadonlyMap<string, FoldStep>): [string, Held][] {
  const held: [string, Held][] = [];
  for (const [projectId, { after, event }] of latest) {
    if (after.status !== 'identified') continue;
    held.push([projectId, after.stage === 'closed'
      ? rowOf(after, event.version, event.globalPosition)
      : { project: after, version: event.version, globalPosition: event.globalPosition }]);
  }
  return held;
}

const rowOfHeld = (held: Held): ProjectRow => ('project' in held ? rowOf(held.project, held.version, held.globalPosition) : held);

// Each identified project's row after its last step in the batch.
const rowsOf = (latest: ReadonlyMap<string, FoldStep>): ProjectRow[] => heldOf(latest).map(([, held]) => rowOfHeld(held));

// One upsert per chunk, all queued at once: for the bulk load's lanes (serialised clients).
function upsertRows(tx: ProjectionContext['tx'], schema: string, rows: readonly ProjectRow[]): Promise<void>[] {
  const upserts: Promise<void>[] = [];
  for (let start = 0; start < rows.length; start += FLUSH_CHUNK) {
    upserts.push(tx.query(upsertProjects(schema), [JSON.stringify(rows.slice(start, start + FLUSH_CHUNK))]).then(() => undefined));
  }
  return upserts;
}

// The same, one statement at a time: for a plain client (pg warns about queueing on one).
async function upsertRowsInTurn(tx: ProjectionContext['tx'], schema: string, rows: readonly ProjectRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += FLUSH_CHUNK) await Promise.all(upsertRows(tx, schema, rows.slice(start, start + FLUSH_CHUNK)));
}

export function projectsListProjection(folds: ProjectFolds, options: ProjectsListOptions = {}): Projection {
  // Each project's latest version (Held: never the step, which would keep far more alive).
  const limit = options.bulkPendingRows ?? 50_000;
  const pending = new BulkStateBySchema(() => new PendingRows<Held>(limit));

  return {
    name: 'projects-list',
    createTables: createProjectsListTables,
    async apply(events, { tx, schema }) {
      const { latest } = await folds.forBatch(events);
      await upsertRowsInTurn(tx, schema, rowsOf(latest)); // `tx` may be a plain client
    },
    // A rebuild's bulk load: each project's latest version held back (PendingRows, Held) and
    // upserted when pushed out or at the end, into a table that keeps only its primary key (the
    // upsert's arbiter) until then; its other indexes, the trigram one above all, are built once
    // from the finished rows instead of row by row.
    bulk: {
      async begin(tx, schema) {
        pending.begin();
        for (const index of DEFERRED_INDEXES) await tx.query(`drop index if exists ${quoteIdent(schema)}.${quoteIdent(index)}`);
      },
      async write(events: RecordedEvent[], { tx, schema }: ProjectionContext): Promise<{ done: Promise<void> }> {
        const { latest } = await folds.forBatch(events);
        const out = pending.of(schema).set(heldOf(latest));
        return { done: Promise.all(upsertRows(tx, schema, out.map(rowOfHeld))).then(() => undefined) };
      },
      async finish(connection, schema) {
        await upsertRowsInTurn(connection, schema, pending.end(schema).drain().map(rowOfHeld)); // a statement (and transaction) per chunk
      },
      async end(tx, schema) {
        await tx.query(`set local maintenance_work_mem = '256MB'`);
        await createProjectsListTables(tx, schema); // idempotent: creates only what is missing
      },
    },
  };
}
