import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { EventStore, NewEvent } from '#event-store';

export const CONCURRENCY = 16;
export const STREAMS = 2_000;

// ~200 bytes of JSON, the size of a typical quotation event.
export const payload = (n: number) => ({
  pursuitId: 'c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b',
  revision: n,
  amount: 1_284_500.75,
  currency: 'EUR',
  lines: [{ item: 'Structural steel', quantity: 42 }, { item: 'Crane hire', quantity: 3 }],
  note: 'Revised after site visit',
});

export const CREATE_RAW_TABLE = `create table if not exists bench_raw_events (
  id bigserial primary key,
  stream_id text not null,
  data json not null
)`;

const RAW_INSERT = `insert into bench_raw_events (stream_id, data) values ($1, $2)`;

// Runs `step` in CONCURRENCY loops for `durationMs`; returns completed steps per second.
async function throughput(durationMs: number, step: (caller: number, n: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  const until = started + durationMs;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, caller) => {
      for (let n = 0; performance.now() < until; n++) {
        await step(caller, n);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

// (a) The baseline: one single-row INSERT per transaction.
export const rawInserts = (pool: pg.Pool, durationMs: number) =>
  throughput(durationMs, async (caller, n) => {
    await pool.query(RAW_INSERT, [`raw-${caller}-${n % (STREAMS / CONCURRENCY)}`, payload(n)]);
  });

const newEvent = (n: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'QuotationRevised',
  schemaVersion: 1,
  data: payload(n),
  metadata: { actor: 'user:bench', correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() },
});

// (b) One event per append with the exact expected version; each caller owns its streams.
export function appender(store: EventStore, prefix = 'quotation') {
  const versions = new Map<string, number>();
  return (durationMs: number) =>
    throughput(durationMs, async (caller, n) => {
      const streamId = `${prefix}-${caller + CONCURRENCY * (n % (STREAMS / CONCURRENCY))}`;
      const version = versions.get(streamId) ?? 0;
      const result = await store.append(streamId, [newEvent(n)], version);
      versions.set(streamId, result.lastVersion);
    });
}

// Events per transaction among a prefix's streams: how much the group commit shared.
export async function eventsPerTransaction(pool: pg.Pool, prefix: string): Promise<number> {
  const { rows } = await pool.query<{ ratio: number }>(
    `select count(*)::float8 / greatest(count(distinct transaction_id), 1) as ratio from events where stream_id like $1 || '-%'`,
    [prefix],
  );
  return rows[0].ratio;
}

// (c) Load and fold a 1,000-event stream; median of `runs` in ms.
export async function replayMedianMs(store: EventStore, runs: number): Promise<number> {
  const streamId = `replay-${randomUUID()}`;
  for (let version = 0; version < 1_000; version += 100) {
    await store.append(streamId, Array.from({ length: 100 }, (_, i) => newEvent(version + i)), version);
  }
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const events = await store.readStream(streamId);
    const state = events.reduce((total, event) => ({ revisions: total.revisions + 1, amount: total.amount + Number(event.data.amount) }), { revisions: 0, amount: 0 });
    timings.push(performance.now() - started);
    if (state.revisions !== 1_000) throw new Error(`replayed ${state.revisions} events`);
  }
  return median(timings);
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
