import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import type { EventStore, RecordedEvent } from '../event-store.port.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import { Subscription } from './subscription.js';
import { readSubscriptionCheckpoint } from './subscription-checkpoint.queries.js';
import type { SubscriptionHandler } from './subscription.types.js';
import {
  appendEvents,
  appliedCount,
  CREATE_APPLIED_EVENTS,
  expectExactFold,
  readWholeLog,
  recordApplied,
  recordingLogger,
  waitFor,
  waitUntilReadable,
} from './testing/subscription-fixtures.js';

let db: TestDatabase;
let store: EventStore;
let appended: RecordedEvent[];
const running: Subscription[] = [];

function subscription(handler: SubscriptionHandler, logger = recordingLogger()): Subscription {
  const sub = new Subscription(store, db.pool, { name: 'read-model', handler, batchSize: 5, pollIntervalMs: 50, retryDelayMs: 10, logger });
  running.push(sub);
  return sub;
}

beforeEach(async () => {
  db = await createTestDatabase();
  store = new PostgresEventStore(db.pool);
  await db.pool.query(CREATE_APPLIED_EVENTS);
  appended = await appendEvents(store, 40);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((sub) => sub.stop()));
  await store.close();
  await db.drop();
});

// Ways a consumer dies in the middle of a batch, after the handler has written some rows.
const deaths: Record<string, (tx: PoolClient) => Promise<void>> = {
  'its connection is terminated': async (tx) => {
    await tx.query('select pg_terminate_backend(pg_backend_pid())');
  },
  'the handler aborts': async () => {
    throw new Error('killed');
  },
};

describe('Subscription restarts', () => {
  it('stopped between batches, a fresh instance continues: every event applied exactly once', async () => {
    const committed: RecordedEvent[] = [];
    let batches = 0;
    let stopping: Promise<void> | undefined;
    const first = subscription(async (events, tx) => {
      await recordApplied(events, tx);
      committed.push(...events);
      if (++batches === 3) stopping = first.stop(); // not awaited: stop() waits for this batch
    });
    first.start();
    await waitFor('the first instance to stop', () => stopping !== undefined);
    await stopping;
    // Batches may be short (the log is cut below any transaction open in the cluster).
    expect(await appliedCount(db.pool)).toBe(committed.length);
    expect((await readSubscriptionCheckpoint(db.pool, 'read-model'))?.checkpoint).toBe(committed.at(-1)!.checkpoint);

    await waitUntilReadable(store, appended);
    await subscription(recordApplied).catchUp();
    await expectExactFold(db.pool, store);
  });

  it.each(Object.keys(deaths))('killed mid-batch (%s), nothing of the batch remains; a fresh instance continues', async (death) => {
    const logger = recordingLogger();
    const committed: RecordedEvent[] = [];
    let batches = 0;
    const doomed = subscription(async (events, tx) => {
      await recordApplied(events, tx);
      if (++batches >= 3) await deaths[death]!(tx); // from the third batch on: the process is "dead"
      committed.push(...events);
    }, logger);
    doomed.start();
    await waitFor('the third batch to fail', () => logger.messages.some((m) => m.includes('failed (attempt 1)')));
    await doomed.stop();

    expect(await appliedCount(db.pool)).toBe(committed.length);
    expect((await readSubscriptionCheckpoint(db.pool, 'read-model'))?.checkpoint).toBe(committed.at(-1)!.checkpoint);
    expect(committed).toEqual((await readWholeLog(store)).slice(0, committed.length));

    await waitUntilReadable(store, appended);
    await subscription(recordApplied).catchUp();
    await expectExactFold(db.pool, store);
  });

  it('survives a sequence of kills at different points, ending with an exact fold', async () => {
    await appendEvents(store, 20); // 60 events: at least 12 batches, at most 9 applied across the kills
    const committed: RecordedEvent[] = [];
    for (const [round, killAfter] of [1, 3, 2, 1, 2].entries()) {
      let batches = 0;
      const logger = recordingLogger();
      const sub = subscription(async (events: RecordedEvent[], tx: PoolClient) => {
        await recordApplied(events, tx);
        if (++batches > killAfter) await deaths[round % 2 ? 'the handler aborts' : 'its connection is terminated']!(tx);
        committed.push(...events);
      }, logger);
      sub.start();
      await waitFor(`round ${round} to die`, () => logger.messages.some((m) => m.includes('failed (attempt 1)')));
      await sub.stop();
      expect(await appliedCount(db.pool)).toBe(committed.length);
    }
    await waitUntilReadable(store, await appendEvents(store, 7));
    await subscription(recordApplied).catchUp();
    await expectExactFold(db.pool, store);
  });
});
