import type { EventMetadata, RecordedEvent } from '../event-store.port.js';
import { formatCheckpoint } from './log-checkpoint.js';

// A row of EVENT_COLUMNS, read with rowMode 'array': pg builds no object per row (a stream read
// of a thousand events spends much of its time there otherwise).
export type EventRow = [
  globalPosition: number,
  transactionId: string, // xid8 as text
  streamId: string,
  version: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: Record<string, unknown>,
  metadata: EventMetadata,
  recordedAt: string, // ISO-8601 UTC, formatted by the query
  hash: string, // hex, encoded by the query
];

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const [globalPosition, transactionId, streamId, version, eventId, type, schemaVersion, data, metadata, recordedAt, hash] = row;
  const position = Number(globalPosition);
  return {
    eventId,
    type,
    schemaVersion,
    data,
    metadata,
    streamId,
    version,
    globalPosition: position,
    recordedAt,
    hash,
    checkpoint: formatCheckpoint(transactionId, position),
  };
}
