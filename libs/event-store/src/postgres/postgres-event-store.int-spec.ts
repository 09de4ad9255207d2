import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '#testing';
import { VersionConflictError } from '../errors.js';
import { canonicalEvent, canonicalJson, chainHash } from '../hash-chain.js';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { newEvent, newStreamId } from '../testing/event-fixtures.js';
import { PostgresEventStore } from './postgres-event-store.js';

const channel = () => `events_${randomUUID().replaceAll('-', '')}`;

eventStoreContract('PostgresEventStore', async () => {
  const db = await createTestDatabase({ poolSize: 25 });
  const store = new PostgresEventStore(db.pool, { notifyChannel: channel() });
  return {
    store,
    async teardown() {
      await store.close();
      await db.drop();
    },
    async tamper(streamId, version) {
      await db.pool.query(`update events set data = (data::jsonb || '{"tampered": true}')::json where stream_id = $1 and version = $2`, [streamId, version]);
    },
  };
});

describe('PostgresEventStore on PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const notifyChannel = channel();

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, { notifyChannel });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('computes in SQL the same chain hash as chainHash in TypeScript', async () => {
    const streamId = newStreamId('hash-ü');
    const tricky = [
      newEvent('A', { text: 'Zürich “quoted” \\ back\nslash 😀 \u2028', big: 1e21, tiny: 5e-324, neg: -0.1, int: 9007199254740991 }),
      newEvent('B', { nested: { z: [1, { y: true, x: null }], a: {} }, when: new Date('2026-03-01T10:00:00.000Z'), skipped: undefined }),
      newEvent('C', {}, { metadata: { actor: 'ü', correlationId: 'c', causationId: 'd', occurredAt: '2026-03-01T10:00:00+01:00' } }),
    ];
    const result = await store.append(streamId, tricky, 'no_stream');
    let previous: string | null = null;
    for (const [index, event] of tricky.entries()) {
      previous = chainHash(previous, canonicalEvent(streamId, event));
      expect(result.events[index].hash).toBe(previous);
    }
    const { rows } = await db.pool.query<{ hash: Buffer }>('select hash from events where stream_id = $1 order by version', [streamId]);
    expect(rows.map((row) => row.hash.toString('hex'))).toEqual(result.events.map((event) => event.hash));
    expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: 3 });
    expect((await store.readStream(streamId))[1].data.when).toBe('2026-03-01T10:00:00.000Z');
  });

  it('stores the same whether an append takes the single-event statement or append_events', async () => {
    const streamId = newStreamId();
    const events = Array.from({ length: 7 }, (_, i) =>
      newEvent(`E${i}`, { i, when: new Date(Date.UTC(2026, 0, i + 1)), nested: { b: [i], a: 'é' } }, {
        metadata: { actor: `user:${i}`, correlationId: `corr-${i}`, causationId: i % 2 ? `cause-${i}` : null, occurredAt: `2026-03-0${i + 1}T10:00:00.000Z` },
      }),
    );
    // A store that has not seen the stream reads the previous row in the INSERT; one that has
    // chains from the tip it knows.
    const stranger = () => new PostgresEventStore(db.pool, { notifyChannel });
    await store.append(streamId, [events[0]], 'no_stream'); // single event after no tip
    await store.append(streamId, [events[1]], 'any'); // append_events
    await stranger().append(streamId, [events[2]], 2); // single event, previous row read
    await store.append(streamId, [events[3]], 'stream_exists'); // append_events
    await store.append(streamId, [events[4]], 4); // single event after the known tip
    await store.append(streamId, events.slice(5), 5); // append_events

    const { rows } = await db.pool.query(
      `select version, event_id, type, schema_version, data, metadata, actor, correlation_id, causation_id, occurred_at, recorded_at
         from events where stream_id = $1 order by version`,
      [streamId],
    );
    expect(rows).toEqual(
      events.map((event, i) => ({
        version: i + 1,
        event_id: event.eventId,
        type: event.type,
        schema_version: 1,
        data: JSON.parse(JSON.stringify(event.data)),
        metadata: event.metadata,
        actor: event.metadata.actor,
        correlation_id: event.metadata.correlationId,
        causation_id: event.metadata.causationId,
        occurred_at: new Date(event.metadata.occurredAt),
        recorded_at: expect.any(Date),
      })),
    );
    expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: 7 });
    // The payloads are stored as the very text the hash chain covers (migrations/0006), whichever path wrote them.
    const stored = await db.pool.query<{ data: string; metadata: string }>(
      'select data::text as data, metadata::text as metadata from events where stream_id = $1 order by version',
      [streamId],
    );
    expect(stored.rows).toEqual(events.map((event) => ({ data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) })));
  });

  it('stores the metadata columns and a recorded-at that never goes back within a stream', async () => {
    const streamId = newStreamId();
    const event = newEvent('A', {}, { metadata: { actor: 'user:carol', correlationId: 'corr-1', causationId: 'cause-1', occurredAt: '2026-03-01T10:00:00.000Z' } });
    await store.append(streamId, [event], 'no_stream');
    // Push the last recorded-at into the future (a clock that went back): later appends must not
    // record an earlier time, whether they read the previous row or chain from a tip read before.
    await db.pool.query(`update events set recorded_at = now() + interval '1 hour' where stream_id = $1`, [streamId]);
    await new PostgresEventStore(db.pool, { notifyChannel }).append(streamId, [newEvent()], 1); // previous row read
    await store.readStream(streamId); // learns the tip at version 2
    await store.append(streamId, [newEvent()], 2); // chains from the tip
    await store.append(streamId, [newEvent()], 'any'); // append_events
    const { rows } = await db.pool.query(
      `select actor, correlation_id, causation_id, occurred_at, recorded_at from events where stream_id = $1 order by version`,
      [streamId],
    );
    expect(rows[0]).toMatchObject({ actor: 'user:carol', correlation_id: 'corr-1', causation_id: 'cause-1', occurred_at: new Date('2026-03-01T10:00:00.000Z') });
    for (const row of rows.slice(1)) expect(row.recorded_at.getTime()).toBe(rows[0].recorded_at.getTime());
    expect(rows).toHaveLength(4);
    expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: 4 });
  });

  it('lets a writer whose known tip went stale lose to the unique key, and keeps the chain whole', async () => {
    const streamId = newStreamId();
    const other = new PostgresEventStore(db.pool, { notifyChannel }); // another process
    await store.append(streamId, [newEvent()], 'no_stream');
    await other.readStream(streamId); // both know the tip at version 1
    await other.append(streamId, [newEvent()], 1);
    await other.append(streamId, [newEvent()], 2);

    const stale = await store.append(streamId, [newEvent()], 1).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(VersionConflictError);
    expect(stale).toMatchObject({ expected: 1, actual: 3 });
    await store.readStream(streamId);
    await store.append(streamId, [newEvent()], 3);
    expect(await other.append(streamId, [newEvent()], 4)).toMatchObject({ lastVersion: 5 }); // previous row read
    expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: 5 });
  });

  it('names a version gap as the place the chain breaks', async () => {
    const streamId = newStreamId();
    for (let version = 0; version < 4; version++) await store.append(streamId, [newEvent()], version);
    await db.pool.query('delete from events where stream_id = $1 and version = 2', [streamId]);
    expect(await store.verifyStream(streamId)).toMatchObject({ ok: false, brokenAtVersion: 2 });
  });

  it('wakes other processes through LISTEN/NOTIFY, also after the listening connection was killed', async () => {
    const listening = new PostgresEventStore(db.pool, { notifyChannel });
    try {
      let heard = 0;
      listening.onAppended(() => heard++);
      const hear = async () => {
        for (const deadline = Date.now() + 10_000; heard === 0; await new Promise((r) => setTimeout(r, 10))) {
          if (Date.now() > deadline) throw new Error('no wake-up heard');
        }
      };
      await hear(); // the listening connection is up (it wakes everyone once on connect)
      heard = 0;
      await store.append(newStreamId(), [newEvent()], 'no_stream'); // through another store: only NOTIFY reaches it
      await hear();

      await db.pool.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = 'bidledger-event-listener' and query like '%' || $1 || '%'`,
        [notifyChannel],
      );
      heard = 0;
      await hear(); // reconnected
      heard = 0;
      await store.append(newStreamId(), [newEvent()], 'no_stream');
      await hear();
    } finally {
      await listening.close();
    }
  });
});
