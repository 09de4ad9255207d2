import type { ProjectEvent } from './project.events.js';

// How a project's events are named in the event store: one stream per project, `project-<uuid>`.
// The write side, the read models and the benchmarks all go through these.
const PROJECT_PREFIX = 'project-';
const PROJECT_STREAM = /^project-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function projectStreamId(projectId: string): string {
  return `${PROJECT_PREFIX}${projectId}`;
}

// The project id of a project stream; null for any other stream. `test` and a slice rather than
// `exec`: no match array per call (a rebuild asks about every event several times).
export function projectIdOf(streamId: string): string | null {
  return PROJECT_STREAM.test(streamId) ? streamId.slice(PROJECT_PREFIX.length) : null;
}

// A stored event back into the decider's terms (the store keeps type, schema version and data).
export function toProjectEvent(event: { type: string; schemaVersion: number; data: unknown }): ProjectEvent {
  return { type: event.type, schemaVersion: event.schemaVersion, data: event.data } as ProjectEvent;
}
