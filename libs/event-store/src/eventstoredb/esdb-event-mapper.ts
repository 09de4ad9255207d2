import { jsonEvent, type EventData, type JSONType, type Position, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port.js';
import { formatCheckpoint, globalPositionOf } from './esdb-position.js';
import { versionOf } from './esdb-revision.js';

// What we keep in the ESDB event metadata. Our metadata is nested verbatim (the hash covers it
// as written); $correlationId / $causationId feed ESDB's own $by_correlation_id projection.
export type StoredMetadata = {
  schemaVersion: number;
  metadata: EventMetadata;
  hash: string;
  $correlationId?: string;
  $causationId?: string;
};

// ESDB returns event ids in lower case, so hash and compare them that way.
export function normaliseEvent(event: NewEvent): NewEvent {
  return { ...event, eventId: event.eventId.toLowerCase() };
}

export function toEventData(event: NewEvent, hash: string): EventData {
  const metadata: StoredMetadata = {
    schemaVersion: event.schemaVersion,
    metadata: event.metadata,
    hash,
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId ? { $causationId: event.metadata.causationId } : {}),
  };
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data as JSONType, metadata });
}

function isStoredMetadata(value: unknown): value is StoredMetadata {
  const candidate = value as Partial<StoredMetadata> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.schemaVersion === 'number' &&
    typeof candidate.hash === 'string' &&
    typeof candidate.metadata === 'object' &&
    candidate.metadata !== null
  );
}

// Events written by anything but this adapter are refused loudly, never skipped in silence.
export function toRecordedEvent(event: EsdbRecordedEvent, position: Position | undefined = event.position): RecordedEvent {
  const where = `${event.streamId}@${event.revision}`;
  if (!event.isJson || !isStoredMetadata(event.metadata)) {
    throw new Error(`EventStoreDB event ${where} was not written by the bidledger adapter`);
  }
  // Positions on stream reads need EventStoreDB 22.6 or later.
  if (!position) throw new Error(`EventStoreDB event ${where} has no log position (server older than 22.6?)`);
  return {
    streamId: event.streamId,
    eventId: event.id,
    type: event.type,
    schemaVersion: event.metadata.schemaVersion,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata.metadata,
    version: versionOf(event.revision),
    globalPosition: globalPositionOf(position),
    recordedAt: event.created.toISOString(),
    hash: event.metadata.hash,
    checkpoint: formatCheckpoint(position),
  };
}
