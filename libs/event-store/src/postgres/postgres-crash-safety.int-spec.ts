import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { projectRoot } from '#database';
import { createTestDatabase, type TestDatabase } from '#testing';
import { VersionConflictError } from '../errors.js';
import { canonicalEvent } from '../hash-chain.js';
import { newEvent, newEvents, newStreamId } from '../testing/event-fixtures.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { APPEND_SQL, openTransaction } from './testing/raw-append.js';

const CHILD_SCRIPT = join(projectRoot(), 'libs/event-store/src/testing/append-loop.child.mjs');

async function waitFor<T>(description: string, probe: () => Promise<T | null | undefined>, timeoutMs = 10_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 10))) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
  }
}

describe('PostgresEventStore when connections and processes die', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const backendOf = (applicationName: string, waiting: boolean) => async () => {
    const { rows } = await db.pool.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and application_name = $1 and pid <> pg_backend_pid()
          and (not $2 or wait_event_type = 'Lock')`,
      [applicationName, waiting],
    );
    return rows[0]?.pid;
  };

  it('leaves nothing of a batch whose connection is killed mid-transaction, and keeps working', async () => {
    const streamId = newStreamId();
    const batch = newEvents(3);
    // Another transaction holds the third event's id: the append writes two events, then waits.
    const blocker = await openTransaction(db.url);
    await blocker.append(newStreamId('blocker'), [newEvent('Blocker', {}, { eventId: batch[2].eventId })]);
    const append = store.append(streamId, batch, 'no_stream').then(
      () => null,
      (error: Error) => error,
    );
    const pid = await waitFor('the append to wait on the blocker', backendOf('bidledger-test', true));
    await db.pool.query('select pg_terminate_backend($1)', [pid]);
    const error = await append;
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(VersionConflictError);
    await blocker.rollback();

    expect(await store.readStream(streamId)).toEqual([]);
    const { rows } = await db.pool.query('select count(*)::int as n from events where event_id = any($1)', [batch.map((e) => e.eventId)]);
    expect(rows[0].n).toBe(0);
    expect(await store.append(streamId, batch, 'no_stream')).toMatchObject({ firstVersion: 1, lastVersion: 3, replayed: false });
    expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: 3 });
  });

  it('keeps a stream contiguous and its chain intact when a writing process is SIGKILLed', async () => {
    const streamId = newStreamId('killed');
    const batches = Array.from({ length: 600 }, () => newEvents(3).map((event) => canonicalEvent(streamId, event)));
    const applicationName = 'bidledger-test-append-loop';
    const child = spawn(process.execPath, [CHILD_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let acknowledged = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().trim().split('\n');
      acknowledged = Number(lines[lines.length - 1]);
    });
    child.stdin.end(JSON.stringify({ url: db.url, applicationName, sql: APPEND_SQL, streamId, batches }));

    await waitFor('the child to commit some transactions', async () => (acknowledged >= 120 ? true : null));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The server ends the orphaned backend (and its open transaction) once it sees the socket close.
    await waitFor('the child backend to go', async () => ((await backendOf(applicationName, false)()) ? null : true));

    const versions = (await store.readStream(streamId)).map((event) => event.version);
    expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
    expect(versions.length).toBeGreaterThanOrEqual(acknowledged); // every acknowledged commit is there
    expect(versions.length % 6).toBe(0); // whole transactions only: two batches of three
    expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, version: versions.length });
    expect(await store.append(streamId, [newEvent()], versions.length)).toMatchObject({ lastVersion: versions.length + 1 });
  });
});
