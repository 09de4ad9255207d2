import type { Pool } from 'pg';
import type { EventStore, LogCheckpoint } from '#event-store';
import { createGenerationTables } from '../generations/generation-schema.js';
import { inTransaction } from '../generations/transaction.js';
import type { Projection } from '../projection.js';

// Given events, then rows: feeds the whole log (`expected` events, waiting for them to be
// readable) to projections in `schema`, batch by batch, without the runner.
export async function applyAll(store: EventStore, pool: Pool, projections: readonly Projection[], schema: string, expected: number, batchSize = 100): Promise<number> {
  await inTransaction(pool, (tx) => createGenerationTables(tx, schema, projections));
  let after: LogCheckpoint | null = null;
  let applied = 0;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { events } = await store.readAll(after, batchSize);
    if (events.length === 0 && (applied >= expected || Date.now() > deadline)) return applied;
    if (events.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    await inTransaction(pool, async (tx) => {
      for (const projection of projections) await projection.apply(events, { tx, schema });
    });
    after = events.at(-1)!.checkpoint;
    applied += events.length;
  }
}
