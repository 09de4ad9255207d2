import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { EVENT_SCHEMA_VERSIONS, decide, fold, toProjectEvent, type ProjectCommand, type ProjectEvent, type Stage } from '#domain';
import type { AppendResult, EventStore, NewEvent } from '#event-store';
import { command, commandsInto, play } from '../../../domain/src/testing/index.js';

export { command, play };

export const projectStream = (projectId: string): string => `project-${projectId}`;

// The sample project's commands into `stage` (see the domain's project-history), as another project.
export function commandsFor(projectId: string, stage: Stage, identity: Record<string, unknown> = {}): ProjectCommand[] {
  return commandsInto(stage).map((each) =>
    each.type === 'IdentifyProject' ? ({ ...each, data: { ...each.data, projectId, ...identity } } as ProjectCommand) : each,
  );
}

export function historyFor(projectId: string, stage: Stage, identity: Record<string, unknown> = {}): ProjectEvent[] {
  return play(commandsFor(projectId, stage, identity));
}

export type EventMeta = { actor?: string; correlationId?: string; occurredAt?: string };

export function toNewEvents(events: readonly ProjectEvent[], meta: EventMeta = {}): NewEvent[] {
  return events.map((event) => ({
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: EVENT_SCHEMA_VERSIONS[event.type],
    data: event.data as Record<string, unknown>,
    metadata: {
      actor: meta.actor ?? 'key:test',
      correlationId: meta.correlationId ?? randomUUID(),
      causationId: null,
      occurredAt: meta.occurredAt ?? new Date().toISOString(),
    },
  }));
}

// Appends a whole history to a new project stream.
export function appendHistory(store: EventStore, projectId: string, events: readonly ProjectEvent[], meta: EventMeta = {}): Promise<AppendResult> {
  return store.append(projectStream(projectId), toNewEvents(events, meta), 'no_stream');
}

// Decides `next` against the stream as stored and appends what it produced (like the API does).
export async function runCommand(store: EventStore, projectId: string, next: ProjectCommand, meta: EventMeta = {}): Promise<AppendResult> {
  const stored = await store.readStream(projectStream(projectId));
  const state = fold(stored.map(toProjectEvent));
  const events = decide(next, state);
  return store.append(projectStream(projectId), toNewEvents(events, { actor: next.metadata.actor, ...meta }), stored.at(-1)?.version ?? 'no_stream');
}

// What the PostgreSQL store holds, readable or not yet (tests wait for readAll to get there).
export async function storedEventCount(pool: Pool): Promise<number> {
  return Number((await pool.query('select count(*) from events')).rows[0].count);
}
