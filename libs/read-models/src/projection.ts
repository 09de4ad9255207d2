import type { PoolClient } from 'pg';
import type { RecordedEvent } from '#event-store';

// A read model fed from the global log. Tables live in a generation schema (e.g. `rm_g3`) so a
// rebuild can fill fresh tables beside the live ones and switch over when caught up.
export type ProjectionContext = {
  tx: PoolClient; // the transaction that also moves the subscription checkpoint
  schema: string; // quote with `quoteIdent` when building SQL; everything else is a parameter
};

export type Projection = {
  name: string;
  // Idempotent DDL for this projection's tables in `schema`.
  createTables(tx: PoolClient, schema: string): Promise<void>;
  // Apply a batch, set-based where it matters (a rebuild replays about a million events).
  // The projections of a batch apply side by side on the one transaction (their statements are
  // serialised): do not rely on statements being adjacent (no SET LOCAL, no shared temp tables),
  // and do not commit, roll back or keep using `tx` after the returned promise settles.
  apply(events: RecordedEvent[], context: ProjectionContext): Promise<void>;
  // Optional: a faster way to fill this projection's tables in a rebuild's bulk phase.
  bulk?: BulkLoad;
};

// A rebuild's bulk phase fills a fresh generation that nobody reads or applies to but the
// rebuild, from position 0, batch after batch in log order, each batch in its own transaction.
// `write` computes a batch's rows and queues its statements on `tx` without waiting for them,
// and resolves (with their outcome in `done`) once they are queued; the next batch is computed
// while PostgreSQL still executes this one's. The rows must end up as `apply` would have left them
// (one exception, which readers ignore: a win/loss rollup row whose total came back to zero may
// exist after batch-by-batch `apply` and not after a bulk load, which adds a part's whole change
// once). A failed batch fails the rebuild (its generation is dropped).
//
// A parallel rebuild splits the log by stream into parts (LogSlice) and runs each part on a
// loader instance of its own, in a worker thread, at the same time as the others: `write` and
// `finish` run on each part's instance and see only its streams; `begin` and `end` run once, on
// the coordinating instance, before the first part starts and after the last one finished.
// Rows are per project, so the parts never write the same row; a table every part adds to (the
// win/loss rollup) takes each part's total once, at `finish`, in a fixed row order. A part's
// batches come in stream order, not log order (SlicedLogReads): a stream whole, by version, then
// the next; a stream may run on into the next batch. So a loader must not depend on how streams
// interleave in the log, only on each stream's own order (every loader here is per project).
export type BulkLoad = {
  // Before the first batch, on the empty tables: e.g. drop an index to build it once at the end.
  begin?(tx: PoolClient, schema: string): Promise<void>;
  write(events: RecordedEvent[], context: ProjectionContext): Promise<{ done: Promise<void> }>;
  // After this instance's last batch: write what it held back. `connection` is outside any
  // transaction, so each statement commits by itself: keep each to a few thousand rows.
  finish?(connection: PoolClient, schema: string): Promise<void>;
  // After every instance finished, before anything else applies to the generation: undo what begin did.
  end?(tx: PoolClient, schema: string): Promise<void>;
};

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  return `"${name}"`;
}
