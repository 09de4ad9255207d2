import { canonicalEventParts } from '../hash-chain.js';
import type { AppendResult, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port.js';
import { formatCheckpoint } from './log-checkpoint.js';

// What the client sends: each event, normalised, and its canonical serialisation, with the
// canonical JSON of its data and metadata (the single-event statements store those; append_events
// derives every stored column from the canonical text).
export type AppendBatch = { streamId: string; eventIds: string[]; events: NewEvent[]; canonicals: string[]; data: string[]; metadata: string[] };

// A row of APPENDED_COLUMNS (rowMode 'array').
export type AppendedRow = [globalPosition: number, version: number, recordedAt: string, hash: string, transactionId: string];

// A lone surrogate would be stored as U+FFFD (another stream than the caller named); NUL cannot be stored.
const ILL_FORMED_TEXT = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/;
// The same refused inside an event, as JSON text spells them: the escape \u0000, or a surrogate
// escape that is not one half of a pair (JSON.stringify writes a pair as is and escapes only lone
// surrogates; a client may escape both halves). An escape is one only after an even run of
// backslashes, the high half of a pair included. jsonb used to refuse them; the json columns
// (migrations/0006) would store them, and the read models' text columns could not take them.
const ILL_FORMED_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!(?<!\\)(?:\\\\)*\\ud[89ab][0-9a-f]{2}\\u)d[c-f])/i;

// True when JSON text holds what the store refuses (see ILL_FORMED_ESCAPE). The API checks
// request bodies with it, so such text is a 400 before it reaches a command.
export function hasUnstorableEscape(jsonText: string): boolean {
  return jsonText.includes('\\u') && ILL_FORMED_ESCAPE.test(jsonText);
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function prepareBatch(streamId: string, events: NewEvent[]): AppendBatch {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('stream id must be a non-empty string');
  if (ILL_FORMED_TEXT.test(streamId)) throw new TypeError('stream id must be well-formed Unicode without NUL');
  if (events.length === 0) throw new TypeError(`stream ${streamId}: append needs at least one event`);
  const batch: AppendBatch = { streamId, eventIds: [], events: [], canonicals: [], data: [], metadata: [] };
  const seen = new Set<string>();
  for (const event of events) {
    assertShape(event);
    // The uuid column reads back in lower case; the hash must cover what verify reads.
    const normalised = { ...event, eventId: event.eventId.toLowerCase() };
    if (seen.has(normalised.eventId)) throw new TypeError(`stream ${streamId}: event id ${normalised.eventId} twice in one append`);
    seen.add(normalised.eventId);
    batch.eventIds.push(normalised.eventId);
    batch.events.push(normalised);
    const parts = canonicalEventParts(streamId, normalised);
    if (hasUnstorableEscape(parts.canonical)) {
      throw new TypeError(`event ${normalised.eventId}: text must be well-formed Unicode without NUL`);
    }
    batch.canonicals.push(parts.canonical);
    batch.data.push(parts.data);
    batch.metadata.push(parts.metadata);
  }
  return batch;
}

// Refused here rather than by a column type, so that both append statements store the same.
function assertShape(event: NewEvent): void {
  const { eventId, type, schemaVersion, data, metadata } = event;
  const fail = (what: string) => {
    throw new TypeError(`event ${String(eventId)}: ${what}`);
  };
  if (typeof eventId !== 'string' || !UUID_PATTERN.test(eventId)) fail('event id is not a UUID');
  if (typeof type !== 'string' || type.length === 0) fail('type must be a non-empty string');
  if (!Number.isInteger(schemaVersion)) fail('schema version must be an integer');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('data must be an object');
  if (metadata === null || typeof metadata !== 'object') fail('metadata must be an object');
  if (typeof metadata.actor !== 'string' || typeof metadata.correlationId !== 'string') fail('metadata needs actor and correlationId strings');
  if (metadata.causationId !== null && typeof metadata.causationId !== 'string') fail('metadata causationId must be a string or null');
  if (typeof metadata.occurredAt !== 'string' || Number.isNaN(Date.parse(metadata.occurredAt))) fail('metadata occurredAt must be an ISO-8601 instant');
}

export function assertExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === 'number') {
    if (!Number.isInteger(expected) || expected < 0) throw new TypeError(`expected version must be an integer >= 0: ${expected}`);
  } else if (expected !== 'no_stream' && expected !== 'stream_exists' && expected !== 'any') {
    throw new TypeError(`unknown expected version: ${String(expected)}`);
  }
}

export function appendedResult(batch: AppendBatch, rows: AppendedRow[]): AppendResult {
  const events = rows.map(([globalPosition, version, recordedAt, hash, transactionId], index): RecordedEvent => {
    // Parsed back from the canonical text: the same values a read returns.
    const stored = JSON.parse(batch.canonicals[index]) as Omit<NewEvent, 'streamId'>;
    const position = Number(globalPosition);
    return {
      eventId: stored.eventId,
      type: stored.type,
      schemaVersion: stored.schemaVersion,
      data: stored.data,
      metadata: stored.metadata,
      streamId: batch.streamId,
      version,
      globalPosition: position,
      recordedAt,
      hash,
      checkpoint: formatCheckpoint(transactionId, position),
    };
  });
  return resultOf(batch.streamId, events, false);
}

export function resultOf(streamId: string, events: RecordedEvent[], replayed: boolean): AppendResult {
  const last = events[events.length - 1];
  return {
    streamId,
    firstVersion: events[0].version,
    lastVersion: last.version,
    lastGlobalPosition: last.globalPosition,
    events,
    replayed,
  };
}
