import { fold, projectStreamId, toProjectEvent, type ProjectState } from '#domain';
import type { EventStore } from '#event-store';

// Up to which point of its stream a project is folded: all of it, up to a version, or up to the
// last event recorded at or before an instant.
export type ReplayPoint = { atVersion?: number; asOf?: Date };
export type ReplayedProject = { state: ProjectState; version: number; recordedAt: string };

// A project exactly as it stood: its stream's prefix folded with the domain's own `evolve`, so it
// cannot disagree with the write side. Null when the stream has no event up to that point. What
// GET /v1/projects/{id}, its /state and its revisions answer from, and what the benchmark times.
export async function replayProject(store: EventStore, projectId: string, upTo: ReplayPoint = {}): Promise<ReplayedProject | null> {
  const events = await store.readStreamForFold(projectStreamId(projectId), {
    ...(upTo.atVersion !== undefined ? { toVersion: upTo.atVersion } : {}),
    ...(upTo.asOf !== undefined ? { toRecordedAt: upTo.asOf } : {}),
  });
  const last = events.at(-1);
  if (last === undefined) return null;
  return { state: fold(events.map(toProjectEvent)), version: last.version, recordedAt: last.recordedAt };
}
