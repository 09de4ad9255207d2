import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import type { EventStore, RecordedEvent } from '../event-store.port.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.js';
import { Subscription } from './subscription.js';
import type { SubscriptionHandler, SubscriptionOptions } from './subscription.types.js';
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

function instance(handler: SubscriptionHandler = recordApplied, options: Partial<SubscriptionOptions> = {}) {
  const logger = recordingLogger();
  const sub = new Subscription(store, db.pool, {
    name: 'read-model',
    handler,
    batchSize: 4,
    pollIntervalMs: 50,
    lockRetryMs: 20,
    retryDelayMs: 10,
    logger,
    ...options,
  });
  running.push(sub);
  return { sub, logger };
}

// Who applied what, and never two batches at once.
function tracking() {
  const appliedBy: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const handler = (who: string): SubscriptionHandler => async (events: RecordedEvent[], tx: PoolClient) => {
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      await recordApplied(events, tx);
      appliedBy.push(who);
    } finally {
      inFlight -= 1;
    }
  };
  return { handler, appliedBy, maxInFlight: () => maxInFlight };
}

const LOCK_HOLDER = `
  select pid from pg_locks
   where locktype = 'advisory' and classid = 7313002 and objsubid = 2 and granted
     and database = (select oid from pg_database where datname = current_database())`;

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

describe('Subscription instances', () => {
  it('two instances started at once: only one applies; the other takes over when it stops', async () => {
    await appendEvents(store, 30);
    const track = tracking();
    const a = instance(track.handler('a'));
    const b = instance(track.handler('b'));
    a.sub.start();
    b.sub.start();
    await waitFor('all events', async () => (await appliedCount(db.pool)) === 30);
    expect(new Set(track.appliedBy).size).toBe(1);
    const [active, standby] = a.sub.status().active ? [a, b] : [b, a];
    expect(active.sub.status().active).toBe(true);
    expect(standby.sub.status()).toMatchObject({ active: false, lastAppliedAt: null });

    await active.sub.stop();
    await waitFor('the standby to take over', () => standby.sub.status().active);
    await appendEvents(store, 10);
    await waitFor('events after the take-over', async () => (await appliedCount(db.pool)) === 40);
    expect(track.maxInFlight()).toBe(1);
    await expectExactFold(db.pool, store);
  });

  it('catchUp() on a standby instance resolves through the active one', async () => {
    const a = instance();
    a.sub.start();
    await waitFor('a to become active', () => a.sub.status().active);
    const b = instance();
    b.sub.start();
    await waitUntilReadable(store, await appendEvents(store, 12));
    await b.sub.catchUp();
    expect(await appliedCount(db.pool)).toBe(12);
    expect(b.sub.status().active).toBe(false);
  });

  it('a dropped lock connection stops the instance and another takes over without a double apply', async () => {
    await appendEvents(store, 20);
    const a = instance(recordApplied, { lockRetryMs: 60_000 }); // slow to come back, so b takes over
    a.sub.start();
    await waitFor('a to apply everything', async () => (await appliedCount(db.pool)) === 20);
    const b = instance();
    b.sub.start();

    const { rows } = await db.pool.query<{ pid: number }>(LOCK_HOLDER);
    expect(rows).toHaveLength(1);
    await db.pool.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
    await waitFor('a to stand down and b to take over', () => !a.sub.status().active && b.sub.status().active);
    expect(a.logger.messages.join('\n')).toContain('lock connection lost');

    await appendEvents(store, 10);
    await waitFor('events after the take-over', async () => (await appliedCount(db.pool)) === 30);
    await expectExactFold(db.pool, store);
  });

  it('a batch in flight when the lock is lost commits once; the new holder is fenced off it', async () => {
    await appendEvents(store, 12);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let batches = 0;
    const a = instance(async (events, tx) => {
      await recordApplied(events, tx);
      if (++batches === 2) await gate; // hold the second batch open
    }, { lockRetryMs: 60_000 });
    a.sub.start();
    await waitFor('a to hold its second batch', () => batches === 2);
    const b = instance();
    b.sub.start();

    const { rows } = await db.pool.query<{ pid: number }>(LOCK_HOLDER);
    await db.pool.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
    // b now holds the lock and waits on the checkpoint row that a's batch has locked.
    await waitFor('b to block on the checkpoint row', async () => {
      const waiting = await db.pool.query(
        "select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      return waiting.rowCount === 1;
    });
    release();

    await waitFor('b to be fenced off', () => b.logger.messages.some((m) => m.includes('checkpoint moved by another instance')));
    await appendEvents(store, 6);
    await waitFor('all events', async () => (await appliedCount(db.pool)) === 18);
    await expectExactFold(db.pool, store);
    expect(a.sub.status().active).toBe(false);
  });
});
