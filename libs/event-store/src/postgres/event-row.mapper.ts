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
  recordedAtMs: string, // epoch milliseconds (int8 as text); stored with millisecond precision
  hash: string, // hex, encoded by the query
];

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const [globalPosition, transactionId, streamId, version, eventId, type, schemaVersion, data, metadata, recordedAtMs, hash] = row;
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
    recordedAt: isoFromEpochMs(Number(recordedAtMs)),
    hash,
    checkpoint: formatCheckpoint(transactionId, position),
  };
}

const DAY_MS = 86_400_000;
let formattedDay = Number.NaN;
let formattedDayPrefix = '';
const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

// Date.prototype.toISOString, about ten times faster: a stream's events fall on few days, so the
// date part is formatted once per day and only the time of day is computed per event (at a
// thousand events per read, toISOString cost more than PostgreSQL's to_char it replaced).
export function isoFromEpochMs(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== formattedDay) {
    const iso = new Date(day * DAY_MS).toISOString();
    formattedDayPrefix = iso.slice(0, iso.indexOf('T') + 1);
    formattedDay = day;
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const milliseconds = rest - seconds * 1000;
  const msText = milliseconds < 10 ? `00${milliseconds}` : milliseconds < 100 ? `0${milliseconds}` : `${milliseconds}`;
  return `${formattedDayPrefix}${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}.${msText}Z`;
}
