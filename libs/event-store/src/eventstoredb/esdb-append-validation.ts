import type { ExpectedVersion, NewEvent } from '../event-store.port.js';
import { CLAIM_STREAM_PREFIX } from './esdb-event-id-claims.js';
import { normaliseEvent } from './esdb-event-mapper.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Caller mistakes, refused as TypeErrors before any I/O (as the PostgreSQL adapter does).
export function validateBatch(streamId: string, events: NewEvent[], expected: ExpectedVersion): NewEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('stream id must be a non-empty string');
  // Reserved: system streams and this adapter's event id claims.
  if (streamId.startsWith('$') || streamId.startsWith(CLAIM_STREAM_PREFIX)) throw new TypeError(`stream id is reserved: ${streamId}`);
  if (events.length === 0) throw new TypeError(`stream ${streamId}: append needs at least one event`);
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new TypeError(`expected version must be an integer >= 0: ${expected}`);
  }
  if (typeof expected !== 'number' && !['no_stream', 'stream_exists', 'any'].includes(expected)) {
    throw new TypeError(`unknown expected version: ${String(expected)}`);
  }
  const normalised = events.map(normaliseEvent);
  const seen = new Set<string>();
  for (const event of normalised) {
    if (!UUID_PATTERN.test(event.eventId)) throw new TypeError(`event id is not a UUID: ${event.eventId}`);
    if (seen.has(event.eventId)) throw new TypeError(`stream ${streamId}: event id ${event.eventId} twice in one append`);
    seen.add(event.eventId);
  }
  return normalised;
}
