import { randomUUID } from 'node:crypto';
import type { ProjectEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { PursuitBuilder } from './pursuit-builder.js';

// The global log the projector would read: the pursuits' events interleaved round-robin (as
// concurrent pursuits are), numbered from `firstPosition`.
export function recordedLog(pursuits: readonly PursuitBuilder[], firstPosition = 1): RecordedEvent[] {
  const queues = pursuits.map((pursuit) => pursuit.events.map((event, index) => ({ pursuit, event, version: index + 1 })));
  const log: RecordedEvent[] = [];
  while (queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) log.push(recorded(`project-${next.pursuit.projectId}`, next.event, next.version, firstPosition + log.length));
    }
  }
  return log;
}

export function recorded(streamId: string, event: ProjectEvent | { type: string; data: Record<string, unknown> }, version: number, position: number): RecordedEvent {
  return {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    data: event.data as Record<string, unknown>,
    metadata: { actor: 'key:test', correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() },
    streamId,
    version,
    globalPosition: position,
    recordedAt: new Date().toISOString(),
    hash: '',
    checkpoint: `0:${position}`,
  };
}
