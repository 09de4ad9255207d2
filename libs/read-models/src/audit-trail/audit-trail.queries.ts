import type { Queryable } from '../generations/generation.js';
import { quoteIdent } from '../projection.js';
import type { FieldChange } from './state-diff.js';
import { fromStoredChanges, type StoredChange } from './stored-changes.js';

export type AuditEntry = {
  globalPosition: number;
  version: number;
  recordedAt: string;
  occurredAt: string | null;
  actor: string;
  requestId: string;
  eventId: string;
  eventType: string;
  summary: string;
  changes: FieldChange[];
};

export type AuditFilter = { actor?: string; types?: string[]; from?: Date; to?: Date };

// Keyset by version within one project; every filter optional (null = no filter).
const selectAuditTrail = (schema: string) => `
  select global_position, version, recorded_at, occurred_at, actor, request_id, event_id, event_type, summary, changes
    from ${quoteIdent(schema)}.audit_trail
   where project_id = $1
     and version > $2
     and ($3::text is null or actor = $3)
     and ($4::text[] is null or event_type = any($4))
     and ($5::timestamptz is null or recorded_at >= $5)
     and ($6::timestamptz is null or recorded_at <= $6)
   order by version
   limit $7`;

type AuditRow = {
  global_position: number;
  version: number;
  recorded_at: Date;
  occurred_at: Date | null;
  actor: string;
  request_id: string;
  event_id: string;
  event_type: string;
  summary: string;
  changes: (StoredChange | FieldChange)[];
};

export async function readAuditTrail(
  db: Queryable,
  schema: string,
  projectId: string,
  filter: AuditFilter,
  page: { afterVersion: number; limit: number },
): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditRow>(selectAuditTrail(schema), [
    projectId,
    page.afterVersion,
    filter.actor ?? null,
    filter.types ?? null,
    filter.from ?? null,
    filter.to ?? null,
    page.limit,
  ]);
  return rows.map((row) => ({
    globalPosition: Number(row.global_position),
    version: row.version,
    recordedAt: row.recorded_at.toISOString(),
    occurredAt: row.occurred_at?.toISOString() ?? null,
    actor: row.actor,
    requestId: row.request_id,
    eventId: row.event_id,
    eventType: row.event_type,
    summary: row.summary,
    changes: fromStoredChanges(row.changes),
  }));
}
