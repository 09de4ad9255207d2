import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { EventStore, NewEvent, RecordedEvent } from '../../event-store.port.js';
import type { SubscriptionLogger } from '../subscription.types.js';

// Bounded polling for a condition: tests wait for effects, never for a fixed time.
export async function waitFor(
  description: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function recordingLogger(): SubscriptionLogger & { messages: string[] } {
  const messages: string[] = [];
  const keep = (message: string): void => void messages.push(message);
  return { messages, log: keep, warn: keep, error: keep };
}

// The read model: one row per applied event, in apply order (seq). No unique key on purpose,
// so a double apply shows up as a duplicate row instead of a handler error.
export const CREATE_APPLIED_EVENTS = `
  create table if not exists applied_events (
    seq bigserial primary key,
    event_id uuid not null,
    stream_id text not null,
    version integer not null
  )`;

const INSERT_APPLIED = `
  insert into applied_events (event_id, stream_id, version)
  select * from unnest($1::uuid[], $2::text[], $3::integer[])`;

export async function recordApplied(events: RecordedEvent[], tx: PoolClient): Promise<void> {
  await tx.query(INSERT_APPLIED, [events.map((e) => e.eventId), events.map((e) => e.streamId), events.map((e) => e.version)]);
}

export async function appliedCount(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from applied_events');
  return rows[0]!.n;
}

function newEvent(streamId: string, n: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'TestEventHappened',
    schemaVersion: 1,
    data: { streamId, n },
    metadata: { actor: 'test', correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() },
  };
}

// Appends `total` events over `streams` streams in appends of 1-3 events, interleaved.
export async function appendEvents(store: EventStore, total: number, streams = 5, prefix = randomUUID().slice(0, 8)): Promise<RecordedEvent[]> {
  const appended: RecordedEvent[] = [];
  const versions = new Map<string, number>();
  for (let written = 0, i = 0; written < total; i++) {
    const streamId = `test-${prefix}-${i % streams}`;
    const size = Math.min(1 + (i % 3), total - written);
    const version = versions.get(streamId) ?? 0;
    const batch = Array.from({ length: size }, (_, k) => newEvent(streamId, version + k + 1));
    appended.push(...(await store.append(streamId, batch, version)).events);
    versions.set(streamId, version + size);
    written += size;
  }
  return appended;
}

// The log is cut below any transaction still open in the cluster (gap safety), so appended
// events can take a moment to become readable: wait for that before asserting a catch-up.
export async function waitUntilReadable(store: EventStore, events: RecordedEvent[]): Promise<void> {
  const last = events.at(-1)!.checkpoint;
  await waitFor('the appended events to be readable', async () => store.isReached(last, (await store.head()).checkpoint));
}

export async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let after: string | null = null; ; ) {
    const page = await store.readAll(after, 1000);
    if (page.events.length === 0) return events;
    events.push(...page.events);
    after = page.events.at(-1)!.checkpoint;
  }
}

// The read model must be exactly a fold of the log: every event once, in log order.
export async function expectExactFold(pool: Pool, store: EventStore): Promise<void> {
  const log = await readWholeLog(store);
  const { rows } = await pool.query<{ event_id: string; stream_id: string; version: number }>(
    'select event_id, stream_id, version from applied_events order by seq',
  );
  const applied = rows.map((row) => `${row.stream_id}#${row.version}#${row.event_id}`);
  const expected = log.map((event) => `${event.streamId}#${event.version}#${event.eventId}`);
  if (applied.length !== expected.length || applied.some((row, i) => row !== expected[i])) {
    const duplicates = applied.length - new Set(applied).size;
    throw new Error(`read model is not a fold of the log: ${applied.length} rows (${duplicates} duplicates) for ${expected.length} events`);
  }
  const perStream = await pool.query<{ stream_id: string; n: number }>(
    'select stream_id, count(*)::int as n from applied_events group by stream_id',
  );
  for (const { stream_id: streamId, n } of perStream.rows) {
    const length = (await store.readStream(streamId)).length;
    if (n !== length) throw new Error(`stream ${streamId}: ${n} applied events, ${length} in the stream`);
  }
}
