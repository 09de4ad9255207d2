import { NO_STREAM, WrongExpectedVersionError, type CurrentRevision, type EventStoreDBClient } from '@eventstore/db-client';
import type { AppendResult, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port.js';
import { IdempotencyConflictError, VersionConflictError } from '../errors.js';
import { planAppend } from './esdb-append-plan.js';
import { validateBatch } from './esdb-append-validation.js';
import { claimEventIds, readClaims } from './esdb-event-id-claims.js';
import { toEventData } from './esdb-event-mapper.js';
import { versionOfCurrent } from './esdb-revision.js';
import { readLastEvent, readStreamEvents } from './esdb-stream-reads.js';

function resultOf(streamId: string, events: RecordedEvent[], replayed: boolean): AppendResult {
  const last = events.at(-1)!;
  return { streamId, firstVersion: events[0]!.version, lastVersion: last.version, lastGlobalPosition: last.globalPosition, events, replayed };
}

// Claims show where ids live: none claimed means none stored, so the stream's last event is
// all there is to read; ids claimed for this stream may be a retry, so read it whole. Then
// plan, claim, and append pinned to the revision read. A lost race ("any"/"stream_exists"
// writers, or a concurrent copy of this very append) re-reads and re-plans.
export async function appendToEsdb(
  client: EventStoreDBClient,
  streamId: string,
  newEvents: NewEvent[],
  expected: ExpectedVersion,
  maxAttempts: number,
): Promise<AppendResult> {
  const events = validateBatch(streamId, newEvents, expected);
  const ids = events.map((event) => event.eventId);
  const owners = await readClaims(client, ids);
  const elsewhere = ids.filter((id) => owners.get(id) !== null && owners.get(id) !== streamId);
  if (elsewhere.length > 0) throw new IdempotencyConflictError(streamId, elsewhere);
  // After a lost race the winner may have been a copy of this append: read whole from then on.
  let readWhole = ids.some((id) => owners.get(id) === streamId);

  let claimed = false;
  let lastActual = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const last = readWhole ? null : await readLastEvent(client, streamId);
    const stored = readWhole ? await readStreamEvents(client, streamId) : last ? [last] : [];
    const plan = planAppend(streamId, stored, events, expected);
    if (plan.kind === 'replay') return resultOf(streamId, plan.events, true);
    if (plan.kind === 'idempotency_conflict') throw new IdempotencyConflictError(streamId, plan.eventIds);
    if (plan.kind === 'version_conflict') throw new VersionConflictError(streamId, expected, plan.actual);

    if (!claimed) {
      const taken = await claimEventIds(client, streamId, ids);
      if (taken.length > 0) throw new IdempotencyConflictError(streamId, taken);
      claimed = true;
    }
    const data = events.map((event, i) => toEventData(event, plan.hashes[i]!));
    let conflict: CurrentRevision | null = null;
    try {
      const outcome = await client.appendToStream(streamId, data, { expectedRevision: plan.expectedRevision });
      // A client built with throwOnAppendFailure: false reports the conflict here (-1: no stream).
      if (!outcome.success) conflict = outcome.nextExpectedRevision < 0n ? NO_STREAM : outcome.nextExpectedRevision;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      conflict = error.actualVersion;
    }
    if (conflict !== null) {
      lastActual = versionOfCurrent(conflict);
      readWhole = true;
      continue;
    }

    // ESDB answers an append whose ids already follow the expected revision with success and
    // writes nothing (its own idempotency): check that what is stored is what we meant.
    const written = await readStreamEvents(client, streamId, plan.firstVersion, events.length);
    const matches =
      written.length === events.length && written.every((event, i) => event.eventId === ids[i] && event.hash === plan.hashes[i]);
    if (!matches) throw new IdempotencyConflictError(streamId, ids);
    return resultOf(streamId, written, false);
  }
  throw new VersionConflictError(streamId, expected, lastActual);
}
