import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '#testing';
import type { LogSlice, RecordedEvent } from '../event-store.port.js';
import { newEvent, newEvents, newStreamId } from '../testing/event-fixtures.js';
import { hasAll, readLogUntil } from '../testing/log-reader.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { openTransaction } from './testing/raw-append.js';

const idsOf = (events: RecordedEvent[]) => events.map((event) => event.eventId);
// The log may also hold events of earlier tests that a transaction elsewhere on the server kept
// unreadable for a while: assertions look at the events of their own test.
const only = (events: RecordedEvent[], ids: string[]) => idsOf(events).filter((id) => ids.includes(id));

describe('PostgresEventStore global log', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 12 });
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  // A takes a position, B takes a later one and commits while A is still open.
  async function slowTransaction() {
    const start = (await store.head()).checkpoint;
    const a = await openTransaction(db.url);
    const aEvent = newEvent('SlowA');
    const aStream = newStreamId('slow-a');
    const [aRow] = await a.append(aStream, [aEvent]);
    const b = await store.append(newStreamId('fast-b'), [newEvent('FastB')], 'no_stream');
    expect(b.lastGlobalPosition).toBeGreaterThan(aRow.globalPosition);
    expect(await store.readStream(b.streamId)).toHaveLength(1); // committed and visible...

    const whileOpen = await store.readAll(start, 100);
    expect(idsOf(whileOpen.events)).not.toContain(b.events[0].eventId); // ...but not yet readable in the log
    expect(idsOf(whileOpen.events)).not.toContain(aEvent.eventId);
    return { a, aEvent, aStream, b, afterOpen: whileOpen.checkpoint };
  }

  it('does not pass a transaction that took an earlier position and commits later', async () => {
    const { a, aEvent, b, afterOpen } = await slowTransaction();
    await a.commit();
    const ids = [aEvent.eventId, b.events[0].eventId];
    const { events } = await readLogUntil(store, afterOpen, hasAll(ids));
    expect(only(events, ids)).toEqual(ids);
  });

  it('reads past a slow transaction that rolls back', async () => {
    const { a, aEvent, aStream, b, afterOpen } = await slowTransaction();
    await a.rollback();
    const { events } = await readLogUntil(store, afterOpen, hasAll([b.events[0].eventId]));
    expect(only(events, [aEvent.eventId, b.events[0].eventId])).toEqual([b.events[0].eventId]);
    expect(await store.readStream(aStream)).toEqual([]);
  });

  it('orders by transaction: a transaction that began writing first comes first, whatever its position', async () => {
    const start = (await store.head()).checkpoint;
    const a = await openTransaction(db.url);
    await a.client.query('select pg_current_xact_id()'); // A's transaction id is taken now
    const b = await store.append(newStreamId(), [newEvent('B')], 'no_stream');
    const aEvent = newEvent('A');
    const [aRow] = await a.append(newStreamId(), [aEvent]);
    expect(aRow.globalPosition).toBeGreaterThan(b.lastGlobalPosition);
    const ids = [aEvent.eventId, b.events[0].eventId];
    expect(only((await store.readAll(start, 100)).events, ids)).toEqual([]);
    await a.commit();
    const { events } = await readLogUntil(store, start, hasAll(ids));
    expect(only(events, ids)).toEqual(ids);
  });

  it('gives a reader looping through the log every committed event exactly once under concurrent writers', async () => {
    const start = (await store.head()).checkpoint;
    const streams = Array.from({ length: 12 }, () => newStreamId('busy'));
    const pick = () => streams[Math.floor(Math.random() * 8)];
    let writing = true;

    const storeWriter = async () => {
      for (let i = 0; i < 40; i++) await store.append(pick(), newEvents(1 + (i % 3)), 'any');
    };
    // Explicit transactions that commit after a random pause: commits land out of position order.
    // Each has a stream of its own (a raw append does not retry a lost race as the store does).
    const slowWriter = async (streamId: string) => {
      for (let i = 0; i < 25; i++) {
        const tx = await openTransaction(db.url);
        await tx.append(streamId, newEvents(1 + (i % 2)));
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 8));
        await (i % 5 === 4 ? tx.rollback() : tx.commit());
      }
    };
    const reader = async () => {
      const seen: RecordedEvent[] = [];
      let checkpoint = start;
      let giveUpAt = Infinity; // a reader that skipped events would wait for them forever
      for (;;) {
        const stillWriting = writing;
        const batch = await store.readAll(checkpoint, 7);
        seen.push(...batch.events.filter((event) => streams.includes(event.streamId)));
        checkpoint = batch.checkpoint;
        if (batch.events.length === 0 && !stillWriting) {
          const { rows } = await db.pool.query('select count(*)::int as n from events where stream_id = any($1)', [streams]);
          if (seen.length >= rows[0].n || Date.now() > giveUpAt) return seen;
          giveUpAt = Math.min(giveUpAt, Date.now() + 15_000);
          await new Promise((resolve) => setTimeout(resolve, 10)); // held back by a transaction elsewhere
        }
      }
    };

    const writers = Promise.all([storeWriter(), storeWriter(), storeWriter(), ...streams.slice(8).map(slowWriter)]);
    const [seen] = await Promise.all([reader(), writers.finally(() => (writing = false))]);

    const { rows } = await db.pool.query<{ event_id: string }>(
      'select event_id from events where stream_id = any($1) order by transaction_id, global_position',
      [streams],
    );
    expect(idsOf(seen)).toEqual(rows.map((row) => row.event_id));
    expect(new Set(idsOf(seen)).size).toBe(seen.length);
    for (const streamId of streams) expect(await store.verifyStream(streamId)).toMatchObject({ ok: true });
  }, 60_000);

  describe('readSlice', () => {
    async function readPart(slice: LogSlice, limit: number): Promise<RecordedEvent[]> {
      const events: RecordedEvent[] = [];
      let after: RecordedEvent | null = null;
      for (;;) {
        const batch = await store.readSlice(after, limit, slice);
        expect(batch.length).toBeLessThanOrEqual(limit);
        if (batch.length === 0) return events;
        events.push(...batch);
        after = batch.at(-1)!;
      }
    }

    it('splits the log up to a head by stream into disjoint parts that together hold every event once, each stream whole and in version order', async () => {
      const start = (await store.head()).checkpoint;
      // Ids that sort at either end of any collation's order too, beside ordinary ones.
      const odd = ['-x', '0x', 'A', '~z', ' lead'].map((prefix) => `${prefix}-${randomUUID()}`);
      const streams = [...Array.from({ length: 24 }, (_, index) => newStreamId(`slice-${index}`)), ...odd];
      // Streams interleaved in the log: round after round, one event to each.
      for (let round = 0; round < 4; round++) {
        await Promise.all(streams.map((streamId) => store.append(streamId, [newEvent(`Round${round}`)], round === 0 ? 'no_stream' : round)));
      }
      // A transaction that took its position before the head was read but commits after it.
      const open = await openTransaction(db.url);
      const late = newEvent('Late');
      await open.append(newStreamId('slice-late'), [late]);
      const written = await db.pool.query<{ event_id: string }>(
        'select event_id from events where stream_id = any($1) order by transaction_id, global_position', [streams]);
      const ids = written.rows.map((row) => row.event_id);
      const { events: before } = await readLogUntil(store, start, hasAll(ids));
      const { checkpoint: upTo } = await store.head();
      expect(upTo).not.toBeNull();
      await open.commit();
      const { rows: ordered } = await db.pool.query<{ stream_id: string }>('select distinct stream_id from events where stream_id = any($1) order by stream_id', [streams]);
      // After the head: a new stream, and one more event on streams the parts do read, among them
      // the first and the ninth in the index's order (in the first two bounded slices below).
      const afterNew = await store.append(newStreamId('slice-after'), [newEvent('After')], 'no_stream');
      const afterOld = await Promise.all([streams[5]!, ordered[0]!.stream_id, ordered[9]!.stream_id].map((streamId) => store.append(streamId, [newEvent('Round4')], 4)));
      const [headTransaction, headPosition] = upTo!.split(':');
      const { rows: everyEvent } = await db.pool.query<{ event_id: string }>(
        'select event_id from events where (transaction_id, global_position) <= ($1::xid8, $2::bigint)', [headTransaction, headPosition]);
      // The order the parts must give: by stream, then version (the index's order, whatever the collation).
      const byStream = await db.pool.query<{ event_id: string }>(
        'select event_id from events where event_id = any($1) order by stream_id, version', [ids]);
      const inStreamOrder = byStream.rows.map((row) => row.event_id);

      const inLog = only(before, ids);
      for (const parts of [1, 2, 3, 5]) {
        const slices = await store.sliceLog(upTo!, parts);
        expect(slices.length).toBeGreaterThanOrEqual(Math.min(parts, 2));
        expect(slices.length).toBeLessThanOrEqual(parts);
        // Ranges of stream ids end to end: from nothing, each to where the next begins, to nothing.
        expect(slices[0]!.fromStream).toBeNull();
        expect(slices.at(-1)!.toStream).toBeNull();
        slices.slice(1).forEach((slice, index) => expect(slice.fromStream).toBe(slices[index]!.toStream));
        // A batch of 7 ends inside a stream of 4 events more often than not.
        const read = await Promise.all(slices.map((slice) => readPart(slice, 7)));
        const all = read.flat();
        // About equal in events (the sample of a table this small is all of it).
        for (const part of read) expect(part.length).toBeGreaterThan(all.length / parts / 2);
        // Nothing past the head: not the transaction that was open when it was read, nor what came after.
        for (const past of [late.eventId, afterNew.events[0]!.eventId, ...afterOld.map((append) => append.events[0]!.eventId)]) expect(idsOf(all)).not.toContain(past);
        // Every event up to the head exactly once (the other tests' too), ours among them.
        expect(idsOf(all).sort()).toEqual(everyEvent.map((row) => row.event_id).sort());
        expect(only(all, ids).sort()).toEqual([...inLog].sort());
        expect(new Set(idsOf(all)).size).toBe(all.length);
        for (const part of read) {
          const mine = only(part, ids);
          expect(mine).toEqual(inStreamOrder.filter((id) => mine.includes(id)));
          // Each stream's events together, versions 1, 2, 3, 4.
          const ours = part.filter((event) => streams.includes(event.streamId));
          ours.forEach((event, index) => {
            const first = index === 0 || ours[index - 1]!.streamId !== event.streamId;
            expect(event.version).toBe(first ? 1 : ours[index - 1]!.version + 1);
          });
        }
        // A stream lives in one part only.
        const partOf = new Map<string, number>();
        read.forEach((events, part) => {
          for (const event of events) {
            expect(partOf.get(event.streamId) ?? part).toBe(part);
            partOf.set(event.streamId, part);
          }
        });
      }

      // Bounds on our own streams: a slice holds its first bound's stream and not its last's, and
      // nothing past the head (two of the later events are in the first two slices).
      const [first, eighth, sixteenth] = [ordered[0]!.stream_id, ordered[8]!.stream_id, ordered[16]!.stream_id];
      const bounded = [
        { upTo: upTo!, fromStream: first, toStream: eighth },
        { upTo: upTo!, fromStream: eighth, toStream: sixteenth },
        { upTo: upTo!, fromStream: sixteenth, toStream: null },
      ];
      const parts = await Promise.all(bounded.map((slice) => readPart(slice, 5)));
      const ours = (part: RecordedEvent[]) => new Set(part.map((event) => event.streamId).filter((id) => streams.includes(id)));
      const idsFrom = (start: number, end?: number) => new Set(ordered.slice(start, end).map((row) => row.stream_id));
      expect(parts.map(ours)).toEqual([idsFrom(0, 8), idsFrom(8, 16), idsFrom(16)]);
      expect(only(parts.flat(), ids).sort()).toEqual([...inLog].sort());
      for (const append of afterOld) expect(idsOf(parts.flat())).not.toContain(append.events[0]!.eventId);
    });

    it('refuses a number of parts below 1 or not whole, and a limit below 1', async () => {
      const { checkpoint } = await store.head();
      const upTo = checkpoint ?? '0:0';
      for (const parts of [0, -1, 1.5]) await expect(store.sliceLog(upTo, parts)).rejects.toThrow(TypeError);
      expect(await store.sliceLog(upTo, 1)).toEqual([{ upTo, fromStream: null, toStream: null }]);
      await expect(store.readSlice(null, 0, { upTo, fromStream: null, toStream: null })).rejects.toThrow(TypeError);
    });
  });
});
