import { describe, expect, it } from '@jest/globals';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { newEvents, newStreamId } from '../testing/event-fixtures.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { fakeEsdbClient } from './testing/fake-esdb-client.js';

// The adapter's orchestration (claims, pinning, retries, replays, paging) against an in-memory
// model of the server; the same contract runs against a real EventStoreDB in the .int-spec.
eventStoreContract('EventStoreDB adapter on a fake client', async () => {
  const store = new EventStoreDbEventStore(fakeEsdbClient(), { ownsClient: true });
  return { store, teardown: () => store.close() };
});

// If the server gives the events of one append a single commit position (each keeping its own
// prepare position), cursors must still be distinct and a bare position must mean "the whole
// append". (The contract's "positions increase within an append" cannot hold then.)
describe('EventStoreDB adapter when one append shares a commit position', () => {
  it('pages through the append event by event and maps its position to its last event', async () => {
    const store = new EventStoreDbEventStore(fakeEsdbClient({ sharedCommit: true }), { ownsClient: true });
    const streamId = newStreamId();
    await store.append(newStreamId(), newEvents(2), 'no_stream');
    const { events } = await store.append(streamId, newEvents(3), 'no_stream');

    expect(new Set(events.map((event) => event.globalPosition)).size).toBe(1);
    expect(await store.checkpointOf(events[0]!.globalPosition)).toBe(events[2]!.checkpoint);
    const read = [];
    for (let after = events[0]!.checkpoint, page; (page = await store.readAll(after, 1)).events.length > 0; after = page.checkpoint!) {
      read.push(...page.events);
    }
    expect(read).toEqual(events.slice(1));
    expect(store.isReached(events[1]!.checkpoint, events[0]!.checkpoint)).toBe(false);
    await store.close();
  });
});
