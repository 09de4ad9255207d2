import type pg from 'pg';
import type { AppendedRow } from './append-batch.js';
import { appendConflictOf } from './append-conflict.js';
import type { WriteOutcome } from './append-write.js';
import { APPEND_AFTER_TIPS, APPEND_ONE_AFTER_TIP } from './event-store.queries.js';

// The values of one row of APPEND_AFTER_TIPS, in its column order.
export type TipAppendValues = [streamId: string, previousVersion: number, eventId: string, ...rest: unknown[]];

type Pending = { values: TipAppendValues; resolve(outcome: WriteOutcome): void; reject(error: unknown): void };
type InFlight = { startedAt: number; streams: string[] };

const LEFT_OUT: WriteOutcome = { conflict: { kind: 'left_out' } };
// Lanes busy longer than this (a row waiting on another writer's open transaction) no longer hold
// the appends queued behind them: those leave in a statement of their own.
const STALLED_AFTER_MS = 100;

// Group commit for the hot path. Single-event appends after a known tip (the common case: a
// command appends what it decided from the stream it has just read) go to PostgreSQL through at
// most `maxInFlight` statements at a time. While those run, newly arriving appends wait and then
// leave together: one multi-row INSERT, one transaction, one commit flush for all of them. When
// appends arrive one at a time, each leaves at once, alone, so nothing waits for company.
//
// Each append still succeeds or fails on its own:
// - a row left out by APPEND_AFTER_TIPS (a concurrent writer took the version, or the tip was
//   stale) is reported as such; its caller takes the ordinary path, which names the conflict;
// - if the statement fails as a whole (an event id already stored, bad data in one row, a dropped
//   connection), every append in it is sent again alone. After a dropped connection the batch may
//   have committed: the resend then meets its own rows and the caller's ordinary path answers it
//   as an idempotent replay, never written twice.
// A batch holds one append per stream, and no stream is in two statements at once.
export class AppendCoalescer {
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Set<InFlight>();
  private readonly streamsInFlight = new Set<string>();
  private stallTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 64,
  ) {
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new TypeError(`maxConcurrentAppends must be an integer >= 1: ${maxInFlight}`);
  }

  write(values: TipAppendValues): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queue.push({ values, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.inFlight.size < this.maxInFlight || this.lanesStalled())) {
      const batch = this.take();
      if (batch.length === 0) break; // every queued stream is in flight: wait for it
      const flight: InFlight = { startedAt: performance.now(), streams: batch.map((pending) => pending.values[0]) };
      this.inFlight.add(flight);
      for (const streamId of flight.streams) this.streamsInFlight.add(streamId);
      void this.send(batch).finally(() => {
        this.inFlight.delete(flight);
        for (const streamId of flight.streams) this.streamsInFlight.delete(streamId);
        this.pump();
      });
    }
    if (this.queue.length > 0 && !this.stallTimer) {
      this.stallTimer = setTimeout(() => {
        this.stallTimer = null;
        this.pump();
      }, STALLED_AFTER_MS);
      this.stallTimer.unref();
    }
  }

  private lanesStalled(): boolean {
    const now = performance.now();
    for (const flight of this.inFlight) if (now - flight.startedAt < STALLED_AFTER_MS) return false;
    return true;
  }

  // The oldest pending appends, one per stream, none for a stream already in flight.
  private take(): Pending[] {
    const taken: Pending[] = [];
    const streams = new Set<string>();
    for (let index = 0; index < this.queue.length && taken.length < this.maxBatch; ) {
      const pending = this.queue[index];
      const streamId = pending.values[0];
      if (streams.has(streamId) || this.streamsInFlight.has(streamId)) {
        index++;
        continue;
      }
      streams.add(streamId);
      taken.push(pending);
      this.queue.splice(index, 1);
    }
    return taken;
  }

  private async send(batch: Pending[]): Promise<void> {
    let rows: unknown[][];
    try {
      const statement = batch.length === 1 ? { ...APPEND_ONE_AFTER_TIP, values: batch[0].values } : { ...APPEND_AFTER_TIPS, values: columnsOf(batch) };
      ({ rows } = await this.pool.query<unknown[]>(statement));
    } catch (error) {
      if (batch.length === 1) return settleAlone(batch[0], error);
      // Whatever failed the statement, each append now meets it (or not) on its own.
      await Promise.all(batch.map((pending) => this.send([pending])));
      return;
    }
    // Matched by event id: it reads back exactly as sent (lower-case uuid).
    const inserted = new Map(rows.map(([eventId, ...row]) => [eventId as string, row as AppendedRow]));
    for (const pending of batch) {
      const row = inserted.get(pending.values[2]);
      pending.resolve(row ? { rows: [row] } : LEFT_OUT);
    }
  }
}

function settleAlone({ resolve, reject }: Pending, error: unknown): void {
  const conflict = appendConflictOf(error);
  if (conflict) resolve({ conflict });
  else reject(error);
}

// One array per column of APPEND_AFTER_TIPS.
function columnsOf(batch: Pending[]): unknown[][] {
  const columns: unknown[][] = batch[0].values.map(() => []);
  for (const { values } of batch) values.forEach((value, column) => columns[column].push(value));
  return columns;
}
