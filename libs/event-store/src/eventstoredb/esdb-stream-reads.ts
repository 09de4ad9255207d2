import { BACKWARDS, END, FORWARDS, StreamNotFoundError, type EventStoreDBClient } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port.js';
import { toRecordedEvent } from './esdb-event-mapper.js';
import { revisionOf } from './esdb-revision.js';

// Events of one stream from `fromVersion` (inclusive), at most `maxCount`; [] if it does not exist.
export async function readStreamEvents(
  client: EventStoreDBClient,
  streamId: string,
  fromVersion = 1,
  maxCount?: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  if (maxCount !== undefined && maxCount <= 0) return events;
  const read = client.readStream(streamId, {
    direction: FORWARDS,
    fromRevision: revisionOf(fromVersion),
    ...(maxCount !== undefined ? { maxCount } : {}),
  });
  try {
    for await (const resolved of read) {
      if (resolved.event) events.push(toRecordedEvent(resolved.event));
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}

// The stream's last event (null: no stream): its version and the hash to chain from.
export async function readLastEvent(client: EventStoreDBClient, streamId: string): Promise<RecordedEvent | null> {
  try {
    for await (const resolved of client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
      if (resolved.event) return toRecordedEvent(resolved.event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
  return null;
}
