import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '#testing';
import { IdempotencyConflictError, VersionConflictError } from '../errors.js';
import { canonicalJson } from '../hash-chain.js';
import { newEvent, newStreamId } from '../testing/event-fixtures.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { openTransaction } from './testing/raw-append.js';

// The hot path's group commit (append-coalescer.ts), tried against what could break it.
describe('PostgresEventStore: appends that share a transaction', () => {
  let db: TestDatabase;
  const stores: PostgresEventStore[] = [];
  const newStore = (maxConcurrentAppends?: number) => {
    const store = new PostgresEventStore(db.pool, { notifyChannel: `events_${randomUUID().replaceAll('-', '')}`, maxConcurrentAppends });
    stores.push(store);
    return store;
  };
  const streamsAt1 = async (store: PostgresEventStore, count: number) => {
    const streams = Array.from({ length: count }, () => newStreamId());
    await Promise.all(streams.map((streamId) => store.append(streamId, [newEvent()], 'no_stream')));
    return streams;
  };
  const eventCount = async (streams: string[]) =>
    Number((await db.pool.query('select count(*) from events where stream_id = any($1)', [streams])).rows[0].count);

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 20 });
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await db?.drop();
  });

  it('writes appends arriving together in fewer transactions, each result exactly what is stored', async () => {
    const store = newStore();
    const streams = await streamsAt1(store, 60);
    const sent = streams.map((_, i) => newEvent('E', { i, text: 'é \\ "quoted"', nested: { b: [i], a: null } }));
    const results = await Promise.all(streams.map((streamId, i) => store.append(streamId, [sent[i]], 1)));

    const { rows } = await db.pool.query<{ stream_id: string; global_position: string; transaction_id: string; data: string; metadata: string }>(
      'select stream_id, global_position, transaction_id, data::text as data, metadata::text as metadata from events where stream_id = any($1) and version = 2',
      [streams],
    );
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((row) => row.transaction_id)).size).toBeLessThan(20);
    // The multi-row statement stores the payloads as the very text the hash covers, like the others.
    for (const row of rows) {
      const event = sent[streams.indexOf(row.stream_id)];
      expect([row.data, row.metadata]).toEqual([canonicalJson(event.data), canonicalJson(event.metadata)]);
    }
    for (const [index, result] of results.entries()) {
      expect(result).toMatchObject({ streamId: streams[index], firstVersion: 2, lastVersion: 2, replayed: false });
      expect(result.events).toEqual((await store.readStream(streams[index])).slice(1));
      expect(await store.verifyStream(streams[index])).toEqual({ ok: true, streamId: streams[index], version: 2 });
    }
  });

  it('lets one append of a batch fail on an event id stored elsewhere while the others land', async () => {
    const store = newStore(1);
    const streams = await streamsAt1(store, 6);
    const [first, bad, ...good] = streams;
    const elsewhere = await store.append(newStreamId(), [newEvent()], 'no_stream');
    const reused = newEvent('E', { reused: true }, { eventId: elsewhere.events[0].eventId });
    const outcomes = await Promise.allSettled([
      store.append(first, [newEvent()], 1), // leaves alone; the rest wait and leave together
      store.append(bad, [reused], 1), // fails the whole multi-row statement (events_event_id_key)
      ...good.map((streamId) => store.append(streamId, [newEvent()], 1)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyConflictError) });
    expect(await eventCount(streams)).toBe(6 + 5);
  });

  it('refuses NUL and lone surrogates inside an event before sending anything', async () => {
    const store = newStore();
    const streamId = newStreamId();
    for (const text of ['nul \u0000 here', 'lone \uD800 high', 'lone \uDC00 low']) {
      await expect(store.append(streamId, [newEvent('E', { text })], 'no_stream')).rejects.toThrow(/well-formed Unicode without NUL/);
      await expect(store.append(streamId, [newEvent('E', {}, { metadata: { actor: text, correlationId: 'c', causationId: null, occurredAt: '2026-01-01T00:00:00.000Z' } })], 'no_stream')).rejects.toThrow(TypeError);
    }
    // What only looks like those escapes once serialised is ordinary text.
    const fine = ['a backslash then u0000: \\u0000', 'a pair \uD83D\uDE00', 'é'];
    const result = await store.append(streamId, fine.map((text) => newEvent('E', { text })), 'no_stream');
    expect((await store.readStream(streamId)).map((event) => event.data.text)).toEqual(fine);
    expect(result.lastVersion).toBe(3);
  });

  it('answers an idempotent retry that shares a batch with the original result', async () => {
    const store = newStore(1);
    const streams = await streamsAt1(store, 4);
    const event = newEvent();
    // The original append came from another process, after this one had read the stream: the
    // retry here chains from the tip at version 1 and so goes through the batch.
    const original = await newStore().append(streams[0], [event], 1);
    const [, retried, ...others] = await Promise.all([
      store.append(streams[1], [newEvent()], 1), // occupies the lane
      store.append(streams[0], [event], 1),
      store.append(streams[2], [newEvent()], 1),
      store.append(streams[3], [newEvent()], 1),
    ]);
    expect(retried).toEqual({ ...original, replayed: true });
    expect(others.map((result) => result.lastVersion)).toEqual([2, 2]);
    expect(await eventCount(streams)).toBe(4 + 1 + 3);
  });

  it('survives its connection being dropped while the batch waits behind slow writers, writing each event once', async () => {
    const store = newStore(1);
    const [w, x, ...ys] = await streamsAt1(store, 6);
    // Two slow writers hold version 2 of w and x, uncommitted.
    const holdW = await openTransaction(db.url);
    const holdX = await openTransaction(db.url);
    await holdW.append(w, [newEvent()]);
    await holdX.append(x, [newEvent()]);

    const appendW = store.append(w, [newEvent()], 1).catch((error: unknown) => error); // takes the lane, waits on holdW
    await waitForBlocked(db, 1);
    const appendX = store.append(x, [newEvent()], 1); // these wait for the lane, then leave together
    const appendYs = ys.map((y) => store.append(y, [newEvent()], 1));
    await holdW.commit(); // the slow writer commits last: w's append has lost
    expect(await appendW).toBeInstanceOf(VersionConflictError);
    expect(await appendW).toMatchObject({ expected: 1, actual: 2 });

    await waitForBlocked(db, 1); // the batch of x and the ys now waits on holdX
    const killed = await db.pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like '%append_after_tips%'`,
    );
    expect(killed.rowCount).toBe(1);

    // Retried one by one: the ys land; x waits on holdX again, and wins once it rolls back.
    const ysLanded = await Promise.all(appendYs);
    expect(ysLanded.map((result) => result.lastVersion)).toEqual([2, 2, 2, 2]);
    await holdX.rollback();
    expect(await appendX).toMatchObject({ lastVersion: 2, replayed: false });

    for (const streamId of [w, x, ...ys]) {
      const events = await store.readStream(streamId);
      expect(events.map((event) => event.version)).toEqual([1, 2]);
      expect(await store.verifyStream(streamId)).toMatchObject({ ok: true });
    }
  });

  it('never chains from a tip the database no longer holds (a failover that lost commits, a restore)', async () => {
    const store = newStore();
    const streamId = newStreamId();
    await store.append(streamId, [newEvent()], 'no_stream');
    await store.append(streamId, [newEvent()], 1); // this process now knows version 2 and its hash
    await db.pool.query('delete from events where stream_id = $1 and version = 2', [streamId]); // lost

    // A caller that remembers version 2 is told the truth, not given a gap.
    const remembered = await store.append(streamId, [newEvent()], 2).catch((error: unknown) => error);
    expect(remembered).toMatchObject({ expected: 2, actual: 1 });
    // Another writer fills version 2 again; this process appends after it, chaining from the row
    // the database now holds, and records no earlier time than it.
    await newStore().append(streamId, [newEvent()], 1);
    await db.pool.query(`update events set recorded_at = now() + interval '1 hour' where stream_id = $1 and version = 2`, [streamId]);
    await store.append(streamId, [newEvent()], 2);
    expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: 3 });
    const { rows } = await db.pool.query('select recorded_at from events where stream_id = $1 order by version', [streamId]);
    expect(rows[2].recorded_at.getTime()).toBeGreaterThanOrEqual(rows[1].recorded_at.getTime());
  });

  it('does not hold appends to other streams behind a stream waiting on a slow writer', async () => {
    const store = newStore();
    const [w, y] = await streamsAt1(store, 2);
    const holdW = await openTransaction(db.url);
    await holdW.append(w, [newEvent()]);
    const toW = [store.append(w, [newEvent()], 1), store.append(w, [newEvent()], 1)].map((p) => p.catch((error: unknown) => error));
    await waitForBlocked(db, 1);
    // Resolves while w's slow writer is still open (else this test times out).
    expect(await store.append(y, [newEvent()], 1)).toMatchObject({ lastVersion: 2 });
    await holdW.rollback();
    const outcomes = await Promise.all(toW);
    expect(outcomes.filter((outcome) => outcome instanceof VersionConflictError)).toHaveLength(1);
    expect(await store.verifyStream(w)).toEqual({ ok: true, streamId: w, version: 2 });
  });

  it('fails loudly, never as a made-up conflict, when the log position sequence is behind', async () => {
    const own = await createTestDatabase();
    const store = new PostgresEventStore(own.pool, { notifyChannel: `events_${randomUUID().replaceAll('-', '')}`, maxConcurrentAppends: 1 });
    try {
      const streams = Array.from({ length: 4 }, () => newStreamId());
      for (const streamId of streams) await store.append(streamId, [newEvent()], 'no_stream');
      await own.pool.query('alter table events alter column global_position restart with 1');
      const outcomes = await Promise.allSettled(streams.map((streamId) => store.append(streamId, [newEvent()], 1)));
      // Each failed insert still uses up a position, so later resends may land; none is a conflict.
      const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(refused.length).toBeGreaterThan(0);
      for (const outcome of refused) expect(outcome.reason).toMatchObject({ constraint: 'events_pkey' });
      const { rows } = await own.pool.query('select count(*)::int as n from events');
      expect(rows[0].n).toBe(4 + outcomes.length - refused.length);
    } finally {
      await store.close();
      await own.drop();
    }
  });

  it('refuses settings and stream ids it cannot honour', async () => {
    expect(() => newStore(0)).toThrow(TypeError);
    expect(() => newStore(Number.NaN)).toThrow(TypeError);
    const store = newStore();
    await expect(store.append('lone-\uD800-surrogate', [newEvent()], 'no_stream')).rejects.toThrow(TypeError);
    await expect(store.append('nul-\u0000', [newEvent()], 'no_stream')).rejects.toThrow(TypeError);
  });
});

// Until `count` appends of this database wait on a row lock.
async function waitForBlocked(db: TestDatabase, count: number): Promise<void> {
  for (const deadline = Date.now() + 10_000; ; await new Promise((resolve) => setTimeout(resolve, 10))) {
    const { rows } = await db.pool.query(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'
          and (query like 'insert into events%' or query like '%append_after_tips%')`,
    );
    if (rows[0].n === count) return;
    if (Date.now() > deadline) throw new Error(`expected ${count} blocked appends, saw ${rows[0].n}`);
  }
}
