import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import type { EventStore, RecordedEvent } from '../event-store.port.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import { Subscription } from './subscription.js';
import { readSubscriptionCheckpoint } from './subscription-checkpoint.queries.js';
import type { SubscriptionOptions } from './subscription.types.js';
import {
  appendEvents,
  appliedCount,
  CREATE_APPLIED_EVENTS,
  expectExactFold,
  recordApplied,
  recordingLogger,
  waitFor,
  waitUntilReadable,
} from './testing/subscription-fixtures.js';

let db: TestDatabase;
let store: EventStore;
const running: Subscription[] = [];

function subscription(options: Partial<SubscriptionOptions> & { name?: string }, on: EventStore = store): Subscription {
  const sub = new Subscription(on, db.pool, {
    name: 'read-model',
    handler: recordApplied,
    batchSize: 7,
    pollIntervalMs: 50,
    lockRetryMs: 20,
    retryDelayMs: 10,
    logger: recordingLogger(),
    ...options,
  });
  running.push(sub);
  return sub;
}

// A fresh database per test: each starts from an empty log and no checkpoints.
beforeEach(async () => {
  db = await createTestDatabase();
  store = new PostgresEventStore(db.pool);
  await db.pool.query(CREATE_APPLIED_EVENTS);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((sub) => sub.stop()));
  await store.close();
  await db.drop();
});

describe('Subscription', () => {
  it('catches up from the start, then applies new events live', async () => {
    await appendEvents(store, 30);
    const sub = subscription({});
    sub.start();
    await waitFor('catch-up', async () => (await appliedCount(db.pool)) === (await store.readAll(null, 1000)).events.length);

    await appendEvents(store, 12);
    await waitFor('live events', async () => (await appliedCount(db.pool)) === 42);
    await expectExactFold(db.pool, store);
    const head = await store.head();
    expect(sub.status()).toMatchObject({ name: 'read-model', active: true, checkpoint: head.checkpoint, globalPosition: head.globalPosition });
    expect(await readSubscriptionCheckpoint(db.pool, 'read-model')).toMatchObject({ checkpoint: head.checkpoint, globalPosition: head.globalPosition });
  });

  it('is woken by onAppended without waiting for the poll', async () => {
    const sub = subscription({ pollIntervalMs: 60_000 });
    sub.start();
    await waitFor('the subscription to become active', () => sub.status().active);
    await appendEvents(store, 5);
    await waitFor('a wake-up to deliver the events', async () => (await appliedCount(db.pool)) === 5, 5_000);
  });

  it('still applies everything when every wake-up is lost (polling fallback)', async () => {
    const deaf: EventStore = Object.assign(Object.create(store) as EventStore, { onAppended: () => () => undefined });
    const sub = subscription({ pollIntervalMs: 30 }, deaf);
    sub.start();
    await appendEvents(store, 9);
    await waitFor('polling to deliver the events', async () => (await appliedCount(db.pool)) === 9);
    await expectExactFold(db.pool, store);
  });

  it('catchUp() applies everything readable at the call, starting and stopping itself', async () => {
    await waitUntilReadable(store, await appendEvents(store, 25));
    const sub = subscription({});
    await sub.catchUp();
    expect(await appliedCount(db.pool)).toBe(25);
    expect(sub.status().active).toBe(false);
    await expectExactFold(db.pool, store);
  });

  it('retries a failing batch without skipping it, and logs no event data', async () => {
    await appendEvents(store, 20);
    const logger = recordingLogger();
    let calls = 0;
    const sub = subscription({
      logger,
      handler: async (events: RecordedEvent[], tx: PoolClient) => {
        calls += 1;
        await recordApplied(events, tx); // written, then rolled back with the failure
        if (calls === 2 || calls === 3) throw new Error('projection failed');
      },
    });
    sub.start();
    await waitFor('all events', async () => (await appliedCount(db.pool)) === 20);
    await expectExactFold(db.pool, store);
    const failures = logger.messages.filter((m) => m.includes('projection failed'));
    expect(failures).toHaveLength(2);
    expect(failures.join('\n')).not.toMatch(/TestEventHappened|"n":/);
  });

  it('does not take a batch whose transaction the handler let fail for applied', async () => {
    await appendEvents(store, 10);
    const logger = recordingLogger();
    let calls = 0;
    const sub = subscription({
      logger,
      handler: async (events: RecordedEvent[], tx: PoolClient) => {
        await recordApplied(events, tx);
        if (++calls === 1) await tx.query('select 1 / 0').catch(() => undefined); // swallowed: tx aborted
      },
    });
    sub.start();
    await waitFor('all events', async () => (await appliedCount(db.pool)) === 10);
    await expectExactFold(db.pool, store);
    expect(logger.messages.some((m) => m.includes('aborted inside the handler'))).toBe(true);
    expect(logger.messages.some((m) => m.includes('standing down'))).toBe(false);
  });
});
