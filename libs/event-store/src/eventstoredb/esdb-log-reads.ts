import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type AllStreamRecordedEvent,
  type EventStoreDBClient,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import type { LogCheckpoint, ReadAllResult, RecordedEvent } from '../event-store.port.js';
import { isClaimStream } from './esdb-event-id-claims.js';
import { toRecordedEvent } from './esdb-event-mapper.js';
import { comparePositions, isSystemEvent, parseCheckpoint } from './esdb-position.js';

type Direction = typeof FORWARDS | typeof BACKWARDS;

async function readPage(
  client: EventStoreDBClient,
  direction: Direction,
  from: ReadPosition,
  maxCount: number,
): Promise<AllStreamRecordedEvent[]> {
  const page: AllStreamRecordedEvent[] = [];
  for await (const resolved of client.readAll({ direction, fromPosition: from, maxCount })) {
    if (resolved.event) page.push(resolved.event);
  }
  return page;
}

// Walks $all from `start` (inclusive) skipping everything up to `skipThrough`, page by page,
// handing each event on until `visit` returns false. Each page restarts at the last position
// seen, which is skipped, so nothing is missed or repeated. System events count for paging
// but are never visited (nor are event id claims), so a long run of them cannot stall a reader.
async function walk(
  client: EventStoreDBClient,
  direction: Direction,
  start: ReadPosition,
  skipThrough: Position | null,
  pageSize: number,
  visit: (event: AllStreamRecordedEvent) => boolean,
): Promise<void> {
  const sign = direction === FORWARDS ? 1 : -1;
  let from = start;
  let last = skipThrough;
  for (;;) {
    const page = await readPage(client, direction, from, pageSize + 1);
    let advanced = false;
    for (const event of page) {
      if (last && sign * comparePositions(event.position, last) <= 0) continue;
      last = event.position;
      advanced = true;
      if (isSystemEvent(event.streamId, event.type) || isClaimStream(event.streamId)) continue;
      if (!visit(event)) return;
    }
    if (!advanced || !last || page.length < pageSize + 1) return;
    from = last;
  }
}

export async function readAllAfter(
  client: EventStoreDBClient,
  after: LogCheckpoint | null,
  limit: number,
): Promise<ReadAllResult> {
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`readAll limit must be a positive integer: ${limit}`);
  const events: RecordedEvent[] = [];
  const position = after === null ? null : parseCheckpoint(after);
  await walk(client, FORWARDS, position ?? START, position, limit, (event) => {
    events.push(toRecordedEvent(event, event.position));
    return events.length < limit;
  });
  return { events, checkpoint: events.at(-1)?.checkpoint ?? after };
}

export async function readLatest(client: EventStoreDBClient): Promise<RecordedEvent | null> {
  let latest: RecordedEvent | null = null;
  await walk(client, BACKWARDS, END, null, 32, (event) => {
    latest = toRecordedEvent(event, event.position);
    return false;
  });
  return latest;
}

// The cursor of the last event at a commit position. Should the events of one append share a
// commit position (each with its own prepare position), a bare position then means "the whole
// append", never just its first event.
export async function lastEventAtCommit(client: EventStoreDBClient, commit: bigint): Promise<RecordedEvent | null> {
  let last: RecordedEvent | null = null;
  // The first event of a commit sits at (commit, commit), a record boundary (reads are
  // inclusive of their start); the others follow it with the same commit position.
  await walk(client, FORWARDS, { commit, prepare: commit }, null, 32, (event) => {
    if (event.position.commit !== commit) return false;
    last = toRecordedEvent(event, event.position);
    return true;
  });
  return last;
}
