import type { AppendExpectedRevision } from '@eventstore/db-client';
import type { ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port.js';
import { canonicalEvent, chainHash } from '../hash-chain.js';
import { expectedRevisionFor } from './esdb-revision.js';

export type AppendPlan =
  | { kind: 'append'; firstVersion: number; expectedRevision: AppendExpectedRevision; hashes: string[] }
  | { kind: 'replay'; events: RecordedEvent[] }
  | { kind: 'version_conflict'; actual: number }
  | { kind: 'idempotency_conflict'; eventIds: string[] };

function sameContent(streamId: string, stored: RecordedEvent, event: NewEvent): boolean {
  return canonicalEvent(streamId, stored) === canonicalEvent(streamId, event);
}

// Decides an append from the stream as just read: the whole stream when some of the ids may
// be in it, else only its last event (enough for the version and the previous hash).
// A batch found whole, contiguous, in order and with the same content is a replay, whatever
// it expects now (as on PostgreSQL); any other overlap is a reuse of ids. Pure: unit-tested.
export function planAppend(
  streamId: string,
  stored: RecordedEvent[],
  events: NewEvent[],
  expected: ExpectedVersion,
): AppendPlan {
  const byId = new Map(stored.map((event) => [event.eventId, event]));
  const found = events.filter((event) => byId.has(event.eventId));
  if (found.length > 0) {
    const previous = events.map((event) => byId.get(event.eventId));
    const first = previous[0]?.version ?? 0;
    const isReplay =
      found.length === events.length &&
      previous.every((event, i) => event && event.version === first + i && sameContent(streamId, event, events[i]!));
    if (isReplay) return { kind: 'replay', events: previous as RecordedEvent[] };
    return { kind: 'idempotency_conflict', eventIds: found.map((event) => event.eventId) };
  }

  const last = stored.at(-1);
  const currentVersion = last?.version ?? 0;
  const expectedRevision = expectedRevisionFor(expected, currentVersion);
  if (expectedRevision === null) return { kind: 'version_conflict', actual: currentVersion };

  const hashes: string[] = [];
  let previousHash = last?.hash ?? null;
  for (const event of events) {
    previousHash = chainHash(previousHash, canonicalEvent(streamId, event));
    hashes.push(previousHash);
  }
  return { kind: 'append', firstVersion: currentVersion + 1, expectedRevision, hashes };
}
