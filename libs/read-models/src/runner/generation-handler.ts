import type { PoolClient } from 'pg';
import type { RecordedEvent } from '#event-store';
import type { Generation } from '../generations/generation.js';
import { SHARE_GENERATION_STATUS } from '../generations/generations.queries.js';
import type { Projection } from '../projection.js';
import { serialisedClient } from './serialised-client.js';

// The subscription handler of one generation: every projection applies the batch in the
// subscription's transaction (rows and checkpoint commit together). A retired generation is
// left alone (its schema may be about to go); `onRetired` tells the runner to move on.
// The projections run side by side: while one's statement executes in PostgreSQL the next
// computes its rows, which uses both cores. Their statements queue on the one connection
// (serialisedClient), in the one transaction. allSettled, not all: no statement may be issued
// after this returns (a straggler would otherwise run after the rollback, outside it).
export function generationHandler(generation: Generation, projections: readonly Projection[], onRetired: () => void) {
  return async (events: RecordedEvent[], tx: PoolClient): Promise<void> => {
    const { rows } = await tx.query<{ status: string }>(SHARE_GENERATION_STATUS, [generation.generation]);
    if (rows[0]?.status !== 'live' && rows[0]?.status !== 'building') {
      onRetired();
      return;
    }
    const context = { tx: serialisedClient(tx), schema: generation.schema };
    const outcomes = await Promise.allSettled(projections.map((projection) => projection.apply(events, context)));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  };
}
