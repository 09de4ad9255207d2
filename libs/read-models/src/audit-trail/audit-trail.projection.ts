import type { ProjectFolds } from '../folding/project-folds.js';
import { quoteIdent, type Projection } from '../projection.js';
import { auditChanges } from './audit-changes.js';
import { auditSummary } from './audit-summary.js';
import { createAuditTrailTables } from './audit-trail.tables.js';

// One statement per batch whatever its size. Two JSON documents, zipped row by row by
// ROWS FROM: the rows' columns, and the changes as an array of arrays. JSON is what
// PostgreSQL parses fastest from pg (escaped array literals cost far more), and keeping the
// changes apart spares encoding them twice. No `on conflict`: the subscription applies a batch
// exactly once, so a duplicate is a bug to hear about (the primary key refuses it).
const insertAuditRows = (schema: string) => `
  insert into ${quoteIdent(schema)}.audit_trail
    (project_id, version, global_position, event_id, event_type, recorded_at, occurred_at, actor, request_id, summary, changes)
  select project_id, version, global_position, event_id, event_type, recorded_at, occurred_at, actor, request_id, summary, changes::jsonb
    from rows from (
      json_to_recordset($1::json) as (
        project_id uuid, version integer, global_position bigint, event_id uuid, event_type text, recorded_at timestamptz,
        occurred_at timestamptz, actor text, request_id text, summary text),
      json_array_elements($2::json)
    ) as row(project_id, version, global_position, event_id, event_type, recorded_at, occurred_at, actor, request_id, summary, changes)`;

export function auditTrailProjection(folds: ProjectFolds): Projection {
  return {
    name: 'audit-trail',
    createTables: createAuditTrailTables,
    async apply(events, { tx, schema }) {
      const { steps } = await folds.forBatch(events);
      if (steps.length === 0) return;
      const changes = steps.map(({ projectEvent, before, after }) => auditChanges(before, after, projectEvent));
      const rows = steps.map(({ event, projectEvent, projectId, before, after }) => ({
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
      await tx.query(insertAuditRows(schema), [JSON.stringify(rows), JSON.stringify(changes)]);
    },
  };
}
