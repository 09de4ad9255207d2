import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdempotencyConflictError, VersionConflictError } from '../errors.js';
import type { EventStore, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port.js';
import { canonicalEvent, chainHash } from '../hash-chain.js';
import { newEvent, newEvents, newStreamId } from './event-fixtures.js';
import { hasAll, readLogUntil } from './log-reader.js';

export type ContractSubject = {
  store: EventStore;
  teardown(): Promise<void>;
  // Changes one stored event's data behind the store's back (adapters that can).
  tamper?(streamId: string, version: number): Promise<void>;
};

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

// The behaviour every EventStore adapter must show. Each test uses streams of its own.
export function eventStoreContract(name: string, setup: () => Promise<ContractSubject>): void {
  describe(`${name}: event store contract`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeAll(async () => {
      subject = await setup();
      store = subject.store;
    });
    afterAll(async () => subject?.teardown());

    const streamAt = async (version: number): Promise<string> => {
      const streamId = newStreamId();
      if (version > 0) await store.append(streamId, newEvents(version), 'no_stream');
      return streamId;
    };
    const versionsOf = async (streamId: string) => (await store.readStream(streamId)).map((event) => event.version);

    it('appends and reads back events with all their metadata', async () => {
      const streamId = newStreamId();
      const first = newEvent('PursuitOpened', { client: 'Ville de Lyon', 'clé': 'été ✓' });
      const second = newEvent('QuotationRevised', { revision: 2 }, {
        schemaVersion: 3,
        metadata: { actor: 'user:bob', correlationId: first.metadata.correlationId, causationId: first.eventId, occurredAt: '2026-03-02T08:00:00.000Z' },
      });
      const result = await store.append(streamId, [first, second], 'no_stream');
      const read = await store.readStream(streamId);

      expect(result).toMatchObject({ streamId, firstVersion: 1, lastVersion: 2, replayed: false });
      expect(read).toEqual(result.events);
      expect(result.lastGlobalPosition).toBe(read[1].globalPosition);
      for (const [index, event] of [first, second].entries()) {
        expect(read[index]).toMatchObject({ ...event, streamId, version: index + 1 });
        expect(read[index].hash).toMatch(/^[0-9a-f]{64}$/);
        expect(Number.isInteger(read[index].globalPosition)).toBe(true);
        expect(new Date(read[index].recordedAt).toISOString()).toBe(read[index].recordedAt);
        expect(typeof read[index].checkpoint).toBe('string');
      }
      expect(read[1].globalPosition).toBeGreaterThan(read[0].globalPosition);
      expect(read[1].recordedAt >= read[0].recordedAt).toBe(true);
      expect(read[1].metadata).toEqual(second.metadata);
      expect(await store.checkpointOf(read[1].globalPosition)).toBe(read[1].checkpoint);
    });

    it('chains each hash over the previous hash and the canonical serialisation', async () => {
      const streamId = await streamAt(2);
      await store.append(streamId, [newEvent('BidSubmitted', { z: 1, a: { y: [3, { c: null, b: 'ü' }] } })], 2);
      let previous: string | null = null;
      for (const event of await store.readStream(streamId)) {
        previous = chainHash(previous, canonicalEvent(streamId, event));
        expect(event.hash).toBe(previous);
      }
    });

    const cases: { label: string; expected: (at: number) => ExpectedVersion; at: number; accepted: boolean }[] = [
      { label: 'the exact version', expected: (at) => at, at: 0, accepted: true },
      { label: 'the exact version', expected: (at) => at, at: 2, accepted: true },
      { label: 'an older version', expected: (at) => at - 1, at: 2, accepted: false },
      { label: 'a newer version', expected: (at) => at + 1, at: 2, accepted: false },
      { label: 'no_stream', expected: () => 'no_stream', at: 0, accepted: true },
      { label: 'no_stream', expected: () => 'no_stream', at: 2, accepted: false },
      { label: 'stream_exists', expected: () => 'stream_exists', at: 2, accepted: true },
      { label: 'stream_exists', expected: () => 'stream_exists', at: 0, accepted: false },
      { label: 'any', expected: () => 'any', at: 0, accepted: true },
      { label: 'any', expected: () => 'any', at: 2, accepted: true },
    ];
    // Adapters may write single events and batches differently: both must behave the same.
    const sized = cases.flatMap((each) => [1, 3].map((size) => ({ ...each, size })));
    it.each(sized)('expecting $label of a stream at version $at, $size event(s): accepted $accepted', async ({ expected, at, accepted, size }) => {
      const streamId = await streamAt(at);
      const append = store.append(streamId, newEvents(size), expected(at));
      if (accepted) {
        expect(await append).toMatchObject({ firstVersion: at + 1, lastVersion: at + size, replayed: false });
        expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: at + size });
        return;
      }
      const error = await rejection(append);
      expect(error).toBeInstanceOf(VersionConflictError);
      expect(error).toMatchObject({ streamId, expected: expected(at), actual: at });
      expect(await versionsOf(streamId)).toHaveLength(at);
    });

    it('writes nothing of a batch that conflicts', async () => {
      const streamId = await streamAt(2);
      const batch = newEvents(3);
      expect(await rejection(store.append(streamId, batch, 1))).toBeInstanceOf(VersionConflictError);
      expect(await versionsOf(streamId)).toEqual([1, 2]);

      const elsewhere = await store.append(newStreamId(), [newEvent()], 'no_stream');
      const reusing = [batch[0], { ...batch[1], eventId: elsewhere.events[0].eventId }, batch[2]];
      expect(await rejection(store.append(streamId, reusing, 2))).toBeInstanceOf(IdempotencyConflictError);
      expect(await versionsOf(streamId)).toEqual([1, 2]);

      expect(await store.append(streamId, batch, 2)).toMatchObject({ firstVersion: 3, lastVersion: 5 });
    });

    it.each([1, 2])('lets exactly one of 20 concurrent appends of %i event(s) with the same expected version win', async (size) => {
      const streamId = await streamAt(1);
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(streamId, newEvents(size), 1)));
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const error of lost) {
        expect(error).toBeInstanceOf(VersionConflictError);
        expect((error as VersionConflictError).actual).toBe(1 + size);
      }
      expect(await versionsOf(streamId)).toEqual(Array.from({ length: 1 + size }, (_, i) => i + 1));
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: 1 + size });
    });

    it('lets 20 concurrent appends expecting any all land, one after another, without a gap', async () => {
      const streamId = await streamAt(1);
      const results = await Promise.all(Array.from({ length: 20 }, () => store.append(streamId, newEvents(2), 'any')));
      expect(results.map((result) => result.firstVersion).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 2 + 2 * i));
      expect(await versionsOf(streamId)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: 41 });
    });

    it.each([1, 2])('treats a retried append of %i event(s) with the same ids as a no-op returning the first result', async (size) => {
      const streamId = await streamAt(1);
      const batch = newEvents(size);
      const first = await store.append(streamId, batch, 1);
      const replayed = { ...first, replayed: true };

      expect(await store.append(streamId, batch, 1)).toEqual(replayed);
      await store.append(streamId, [newEvent()], 1 + size);
      for (const expected of [0, 1, 1 + size, 'no_stream', 'stream_exists', 'any'] as ExpectedVersion[]) {
        expect(await store.append(streamId, batch, expected)).toEqual(replayed);
      }
      expect(await versionsOf(streamId)).toHaveLength(2 + size);
    });

    it('refuses the same event ids with other content, order or stream', async () => {
      const streamId = newStreamId();
      const batch = newEvents(2);
      await store.append(streamId, batch, 'no_stream');
      const changed: NewEvent[] = [batch[0], { ...batch[1], data: { ...batch[1].data, amount: 1 } }];
      const attempts: [string, NewEvent[]][] = [
        [streamId, changed],
        [streamId, [batch[1], batch[0]]],
        [streamId, [...batch, newEvent()]],
        [newStreamId(), batch],
      ];
      for (const [target, events] of attempts) {
        expect(await rejection(store.append(target, events, 'any'))).toBeInstanceOf(IdempotencyConflictError);
      }
      expect(await versionsOf(streamId)).toEqual([1, 2]);
    });

    it('reads a stream from and to a version, and as of a recorded-at instant', async () => {
      const streamId = newStreamId();
      for (let version = 0; version < 5; version++) await store.append(streamId, [newEvent()], version);
      const all = await store.readStream(streamId);

      expect((await store.readStream(streamId, { fromVersion: 2, toVersion: 4 })).map((e) => e.version)).toEqual([2, 3, 4]);
      expect((await store.readStream(streamId, { fromVersion: 4 })).map((e) => e.version)).toEqual([4, 5]);
      expect(await store.readStream(streamId, { fromVersion: 6 })).toEqual([]);

      const asOf = new Date(all[2].recordedAt);
      const prefix = await store.readStream(streamId, { toRecordedAt: asOf });
      expect(prefix).toEqual(all.filter((event) => new Date(event.recordedAt) <= asOf));
      expect(prefix.map((e) => e.version)).toEqual(all.slice(0, prefix.length).map((e) => e.version));
      expect(prefix.length).toBeGreaterThanOrEqual(3);
      expect(await store.readStream(streamId, { toRecordedAt: new Date(new Date(all[0].recordedAt).getTime() - 1) })).toEqual([]);
      expect(await store.readStream(streamId, { fromVersion: 2, toRecordedAt: asOf })).toEqual(prefix.slice(1));
    });

    it('reads for a fold exactly what readStream reads, only version, type, schema version, data and recorded-at', async () => {
      const streamId = newStreamId();
      for (let version = 0; version < 5; version++) await store.append(streamId, [newEvent(`Folded${version}`, { round: version })], version);
      const all = await store.readStream(streamId);
      const asOf = new Date(all[2].recordedAt);
      const foldable = (events: RecordedEvent[]) => events.map(({ version, type, schemaVersion, data, recordedAt }) => ({ version, type, schemaVersion, data, recordedAt }));
      for (const options of [undefined, { fromVersion: 2, toVersion: 4 }, { toVersion: 3 }, { fromVersion: 6 }, { toRecordedAt: asOf }, { fromVersion: 2, toRecordedAt: asOf }]) {
        const read = await store.readStreamForFold(streamId, options);
        expect(read).toEqual(foldable(await store.readStream(streamId, options)));
        for (const event of read) expect(Object.keys(event).sort()).toEqual(['data', 'recordedAt', 'schemaVersion', 'type', 'version']);
      }
      expect(await store.readStreamForFold(streamId, { toVersion: 5 })).toHaveLength(5);
      expect(await store.readStreamForFold(newStreamId())).toEqual([]);
    });

    it('reads the global log in batches: every event exactly once, in log order', async () => {
      const start = (await store.head()).checkpoint;
      const streams = [newStreamId(), newStreamId(), newStreamId()];
      const appended = [];
      for (const [index, size] of [1, 3, 2, 1, 4].entries()) {
        const streamId = streams[index % streams.length];
        appended.push(...(await store.append(streamId, newEvents(size), 'any')).events);
      }
      const ids = appended.map((event) => event.eventId);
      const { events } = await readLogUntil(store, start, hasAll(ids), { batchSize: 2 });

      expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
      expect(events.filter((event) => streams.includes(event.streamId))).toEqual(appended);
      for (let i = 1; i < events.length; i++) {
        expect(store.isReached(events[i - 1].checkpoint, events[i].checkpoint)).toBe(true);
        expect(store.isReached(events[i].checkpoint, events[i - 1].checkpoint)).toBe(false);
      }
      expect(store.isReached(events[0].checkpoint, null)).toBe(false);
      const head = await store.head();
      expect(store.isReached(appended.at(-1)!.checkpoint, head.checkpoint)).toBe(true);
      expect(head.recordedAt).not.toBeNull();
    });

    it('verifies a stream and names the first tampered version', async () => {
      const streamId = await streamAt(4);
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: 4 });
      expect(await store.verifyStream(newStreamId())).toMatchObject({ ok: true, version: 0 });
      if (!subject.tamper) return; // this adapter cannot change a stored event
      await subject.tamper(streamId, 3);
      expect(await store.verifyStream(streamId)).toMatchObject({ ok: false, streamId, brokenAtVersion: 3 });
    });

    it('wakes listeners after an append', async () => {
      let heard = 0;
      const unsubscribe = store.onAppended(() => heard++);
      await store.append(newStreamId(), [newEvent()], 'no_stream');
      for (const deadline = Date.now() + 5_000; heard === 0 && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      unsubscribe();
      expect(heard).toBeGreaterThan(0);
    });
  });
}
