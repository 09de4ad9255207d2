import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../../event-store.port.js';
import { canonicalEvent, chainHash } from '../../hash-chain.js';

// Builders for the pure EventStoreDB specs (no server).
export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'PursuitOpened',
    schemaVersion: 1,
    data: { name: 'Harbour bridge', value: 12 },
    metadata: { actor: 'alice', correlationId: 'c-1', causationId: null, occurredAt: '2026-01-02T03:04:05.000Z' },
    ...overrides,
  };
}

// A stream as the adapter would have stored it: versions 1..n, chained hashes.
export function storedStream(streamId: string, events: NewEvent[]): RecordedEvent[] {
  let previous: string | null = null;
  return events.map((event, i) => {
    previous = chainHash(previous, canonicalEvent(streamId, event));
    return {
      ...event,
      streamId,
      version: i + 1,
      globalPosition: 1000 + i * 100,
      recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      hash: previous,
      checkpoint: `${1000 + i * 100}:${1000 + i * 100}`,
    };
  });
}
