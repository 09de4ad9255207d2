import type { ProjectEvent } from '#domain';
import type { RecordedEvent } from '#event-store';

// The write side's stream naming (apps/api projects/project-stream.ts): `project-<uuid>`.
const PROJECT_STREAM = /^project-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function projectIdOf(streamId: string): string | null {
  return PROJECT_STREAM.exec(streamId)?.[1] ?? null;
}

export function toProjectEvent(event: Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>): ProjectEvent {
  return { type: event.type, schemaVersion: event.schemaVersion, data: event.data } as ProjectEvent;
}
