import { BACKWARDS, END, NO_STREAM, StreamNotFoundError, WrongExpectedVersionError, jsonEvent, type EventStoreDBClient } from '@eventstore/db-client';

// Event ids are unique per store, but EventStoreDB indexes them nowhere. So each id is
// claimed for its stream, before the append, by creating a one-event stream named after it
// (creation is atomic: expected revision NO_STREAM). The prefix is reserved: these streams
// are hidden from readAll and head.
export const CLAIM_STREAM_PREFIX = 'bidledger.event-id-';
const CLAIM_TYPE = 'EventIdClaimed';

export const claimStreamOf = (eventId: string): string => `${CLAIM_STREAM_PREFIX}${eventId}`;

export const isClaimStream = (streamId: string): boolean => streamId.startsWith(CLAIM_STREAM_PREFIX);

// The stream each id is claimed for (null: unclaimed, so stored nowhere).
export async function readClaims(client: EventStoreDBClient, eventIds: string[]): Promise<Map<string, string | null>> {
  const owners = await Promise.all(eventIds.map((eventId) => readClaim(client, eventId)));
  return new Map(eventIds.map((eventId, i) => [eventId, owners[i]!]));
}

async function readClaim(client: EventStoreDBClient, eventId: string): Promise<string | null> {
  try {
    for await (const resolved of client.readStream(claimStreamOf(eventId), { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
      const data = resolved.event?.data as { streamId?: unknown } | undefined;
      if (typeof data?.streamId === 'string') return data.streamId;
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
  throw new Error(`event id claim ${claimStreamOf(eventId)} is unreadable`);
}

// Claims the ids for `streamId`; returns those already claimed for another stream. A claim
// for this same stream is a retry's (or a concurrent duplicate's) and is fine.
export async function claimEventIds(client: EventStoreDBClient, streamId: string, eventIds: string[]): Promise<string[]> {
  const taken = await Promise.all(
    eventIds.map(async (eventId) => {
      const claim = jsonEvent({ type: CLAIM_TYPE, data: { streamId } });
      const outcome = await client
        .appendToStream(claimStreamOf(eventId), claim, { expectedRevision: NO_STREAM })
        .catch((error: unknown) => {
          if (error instanceof WrongExpectedVersionError) return { success: false };
          throw error;
        });
      if (outcome.success) return null;
      return (await readClaim(client, eventId)) === streamId ? null : eventId;
    }),
  );
  return taken.filter((eventId): eventId is string => eventId !== null);
}
