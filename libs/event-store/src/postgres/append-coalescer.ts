import type pg from 'pg';
import type { AppendedRow } from './append-batch.js';
import { appendConflictOf } from './append-conflict.js';
import { APPEND_MANY_AFTER_TIPS, APPEND_ONE_AFTER_TIP } from './event-store.queries.js';
import type { WriteOutcome } from './append-write.js';

// The values of APPEND_ONE_AFTER_TIP for one event: stream id first.
export type TipAppendValues = [streamId: string, ...rest: unknown[]];

type Pending = { values: TipAppendValues; resolve(outcome: WriteOutcome): void; reject(error: unknown): void };

const SKIPPED: WriteOutcome = { conflict: { kind: 'version_taken' } };

// Group commit for the hot path. Single-event appends after a known tip (the common case: a
// command appends what it decided from the stream it has just read) go to PostgreSQL through at
// most `maxInFlight` statements at a time. While those run, newly arriving appends wait and then
// leave together: one multi-row INSERT, one transaction, one commit flush for all of them. When
// appends arrive one at a time, each leaves at once, alone, so nothing waits for company.
//
// Each append still succeeds or fails on its own:
// - a row that meets a unique key (a concurrent writer took the version, or the event id is
//   stored) is skipped, not the batch; its caller takes the ordinary path, which names the
//   conflict or recognises an idempotent retry;
// - if the statement fails as a whole (bad data in one row, a dropped connection), every append
//   in it is retried alone. After a dropped connection the batch may have committed: a retry then
//   meets its own rows and is answered as an idempotent replay, never written twice.
// A batch holds at most one append per stream (the next waits for the next batch) and inserts in
// stream order, so two batches that wait on each other's rows always wait in the same order and
// cannot deadlock.
export class AppendCoalescer {
  private readonly queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 64,
  ) {}

  write(values: TipAppendValues): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queue.push({ values, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  // The oldest pending appends, one per stream, in stream order.
  private take(): Pending[] {
    const taken: Pending[] = [];
    const streams = new Set<string>();
    for (let index = 0; index < this.queue.length && taken.length < this.maxBatch; ) {
      const pending = this.queue[index];
      if (streams.has(pending.values[0])) {
        index++;
        continue;
      }
      streams.add(pending.values[0]);
      taken.push(pending);
      this.queue.splice(index, 1);
    }
    return taken.sort((a, b) => (a.values[0] < b.values[0] ? -1 : a.values[0] > b.values[0] ? 1 : 0));
  }

  private async send(batch: Pending[]): Promise<void> {
    if (batch.length === 1) return this.sendAlone(batch[0]);
    let rows: (string | AppendedRow[number])[][];
    try {
      ({ rows } = await this.pool.query<(string | AppendedRow[number])[]>({ ...APPEND_MANY_AFTER_TIPS, values: columnsOf(batch) }));
    } catch {
      // Whatever failed the statement, each append now meets it (or not) on its own.
      await Promise.all(batch.map((pending) => this.sendAlone(pending)));
      return;
    }
    const inserted = new Map(rows.map(([streamId, ...row]) => [streamId as string, row as AppendedRow]));
    for (const pending of batch) {
      const row = inserted.get(pending.values[0]);
      pending.resolve(row ? { rows: [row] } : SKIPPED);
    }
  }

  private async sendAlone({ values, resolve, reject }: Pending): Promise<void> {
    try {
      const { rows } = await this.pool.query<AppendedRow>({ ...APPEND_ONE_AFTER_TIP, values });
      resolve({ rows });
    } catch (error) {
      const conflict = appendConflictOf(error);
      if (conflict) resolve({ conflict });
      else reject(error);
    }
  }
}

// One array per column of APPEND_MANY_AFTER_TIPS, in the order of APPEND_ONE_AFTER_TIP's values.
function columnsOf(batch: Pending[]): unknown[][] {
  const columns: unknown[][] = batch[0].values.map(() => []);
  for (const { values } of batch) values.forEach((value, column) => columns[column].push(value));
  return columns;
}
