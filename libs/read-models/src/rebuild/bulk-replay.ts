import type { Pool, PoolClient } from 'pg';
import type { EventStore, RecordedEvent } from '#event-store';
import { inTransaction } from '../generations/transaction.js';

// Where the building generation's subscription takes over. Written with the last replayed
// batch, so rows and position commit together; the subscription (which creates its row with
// `on conflict do nothing`) then starts from here. Table: migrations/0002_subscriptions.sql.
const SEED_CHECKPOINT = `
  insert into subscription_checkpoints (name, checkpoint, global_position) values ($1, $2, $3)
  on conflict (name) do update set checkpoint = excluded.checkpoint, global_position = excluded.global_position, updated_at = now()`;

// A building generation needs no durability per batch (a crash drops it); the switch's own
// synchronous commit flushes the log past every one of these batches.
const NO_COMMIT_WAIT = 'set local synchronous_commit = off';

export type BatchApplier = (events: RecordedEvent[], tx: PoolClient) => Promise<void>;

// The bulk of a rebuild: the log from position 0 in large batches, the next batch read while
// the current one is applied (both cores busy). Each batch commits on its own and short (a
// long transaction would hold the gap-safe log back for every reader) with the checkpoint the
// subscription takes over from. A rebuild that dies is not resumed: the next one drops the
// generation it left building.
export async function bulkReplay(store: EventStore, pool: Pool, subscription: string, apply: BatchApplier, batchSize: number): Promise<number> {
  let replayed = 0;
  let next = store.readAll(null, batchSize);
  for (;;) {
    const { events } = await next;
    if (events.length === 0) return replayed;
    const last = events.at(-1)!;
    next = store.readAll(last.checkpoint, batchSize);
    next.catch(() => undefined); // awaited (and its error thrown) on the next turn
    await inTransaction(pool, async (tx) => {
      await tx.query(NO_COMMIT_WAIT);
      await apply(events, tx);
      await tx.query(SEED_CHECKPOINT, [subscription, last.checkpoint, last.globalPosition]);
    });
    replayed += events.length;
  }
}
