import type { FoldStep, ProjectFolds } from '../folding/project-folds.js';
import { quoteIdent, type Projection } from '../projection.js';
import { CopyDocument, copyIn, copyText } from '../rebuild/copy-in.js';
import { auditChanges } from './audit-changes.js';
import { auditSummary } from './audit-summary.js';
import { createAuditTrailTables } from './audit-trail.tables.js';
import { toStoredChanges } from './stored-changes.js';

// One statement per chunk of a batch. Two JSON documents, zipped row by row by
// ROWS FROM: the rows' columns, and each row's changes (stored-changes.ts). JSON is what
// PostgreSQL parses fastest from pg (escaped array literals cost far more), and keeping the
// changes apart spares encoding them twice. No `on conflict`: the subscription applies a batch
// exactly once, so a duplicate is a bug to hear about (the primary key refuses it).
const insertAuditRows = (schema: string) => `
  insert into ${quoteIdent(schema)}.audit_trail
    (project_id, version, global_position, event_id, event_type, recorded_at, occurred_at, actor, request_id, summary, changes)
  select project_id, version, global_position, event_id, event_type, recorded_at, occurred_at, actor, request_id, summary, changes
    from rows from (
      json_to_recordset($1::json) as (
        project_id uuid, version integer, global_position bigint, event_id uuid, event_type text, recorded_at timestamptz,
        occurred_at timestamptz, actor text, request_id text, summary text),
      json_array_elements($2::json)
    ) as row(project_id, version, global_position, event_id, event_type, recorded_at, occurred_at, actor, request_id, summary, changes)`;

// A batch's rows go in chunks: PostgreSQL inserts one chunk while the next one's changes are
// computed, rather than waiting for the whole batch (and Node waiting for its insert).
const CHUNK = 1_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function rowsOf(steps: readonly FoldStep[]) {
  return steps.map(({ event, projectEvent, projectId, before, after }) => ({
    project_id: projectId,
    version: event.version,
    global_position: event.globalPosition,
    event_id: event.eventId,
    event_type: event.type,
    recorded_at: event.recordedAt,
    occurred_at: event.metadata.occurredAt ?? null,
    actor: event.metadata.actor,
    request_id: event.metadata.correlationId,
    summary: auditSummary(projectEvent, before, after),
  }));
}

// A rebuild's bulk load: COPY in text format, and the primary key built once at the end (a
// sort) rather than maintained row by row. The same rows as `apply` writes.
const COPY_COLUMNS = 'project_id, version, global_position, event_id, event_type, recorded_at, occurred_at, actor, request_id, summary, changes';
const copyAuditRows = (schema: string) => `copy ${quoteIdent(schema)}.audit_trail (${COPY_COLUMNS}) from stdin`;
const PRIMARY_KEY = 'audit_trail_pkey'; // the name `primary key` in createAuditTrailTables gets

function copyDocument(steps: readonly FoldStep[]): CopyDocument {
  const document = new CopyDocument(steps.length * 1024);
  for (const { event, projectEvent, projectId, before, after } of steps) {
    const { metadata } = event;
    document.line(`${projectId}\t${event.version}\t${event.globalPosition}\t${copyText(event.eventId)}\t${copyText(event.type)}\t${copyText(event.recordedAt)}\t${
      copyText(metadata.occurredAt)}\t${copyText(metadata.actor)}\t${copyText(metadata.correlationId)}\t${copyText(auditSummary(projectEvent, before, after))}\t${
      copyText(JSON.stringify(toStoredChanges(auditChanges(before, after, projectEvent))))}\n`);
  }
  return document;
}

export function auditTrailProjection(folds: ProjectFolds): Projection {
  return {
    name: 'audit-trail',
    createTables: createAuditTrailTables,
    async apply(events, { tx, schema }) {
      const { steps } = await folds.forBatch(events);
      // Every chunk's outcome is awaited before apply returns (no statement may outlive it).
      const inserts: Promise<{ error: unknown } | null>[] = [];
      for (let start = 0; start < steps.length; start += CHUNK) {
        if (start > 0) await nextTurn(); // lets the previous chunk's statement go out first
        const chunk = steps.slice(start, start + CHUNK);
        const changes = chunk.map(({ projectEvent, before, after }) => toStoredChanges(auditChanges(before, after, projectEvent)));
        const rows = rowsOf(chunk);
        inserts.push(tx.query(insertAuditRows(schema), [JSON.stringify(rows), JSON.stringify(changes)]).then(() => null, (error: unknown) => ({ error })));
      }
      const failure = (await Promise.all(inserts)).find((outcome) => outcome !== null);
      if (failure) throw failure.error;
    },
    bulk: {
      async begin(tx, schema) {
        await tx.query(`alter table ${quoteIdent(schema)}.audit_trail drop constraint ${quoteIdent(PRIMARY_KEY)}`);
      },
      async write(events, { tx, schema }) {
        const { steps } = await folds.forBatch(events);
        const copies: Promise<{ error: unknown } | null>[] = [];
        for (let start = 0; start < steps.length; start += CHUNK) {
          if (start > 0) await nextTurn(); // lets the previous chunk's COPY go out first
          const document = copyDocument(steps.slice(start, start + CHUNK));
          copies.push(copyIn(tx, copyAuditRows(schema), document).then(() => null, (error: unknown) => ({ error })));
        }
        const done = Promise.all(copies).then((outcomes) => {
          const failure = outcomes.find((outcome) => outcome !== null);
          if (failure) throw failure.error;
        });
        return { done };
      },
      async end(tx, schema) {
        await tx.query(`set local maintenance_work_mem = '256MB'`);
        await tx.query(`alter table ${quoteIdent(schema)}.audit_trail add constraint ${quoteIdent(PRIMARY_KEY)} primary key (project_id, version)`);
      },
    },
  };
}
