import type { Pool } from 'pg';
import type { LogCheckpoint, RecordedEvent } from '../event-store.port.js';
import { advanceCheckpoint } from './subscription-checkpoint.queries.js';
import type { SubscriptionHandler } from './subscription.types.js';

export type BatchOutcome = 'applied' | 'fenced';

// One transaction: the fenced checkpoint move, then the handler's writes; both commit or
// neither does.
export async function applyBatch(
  pool: Pool,
  name: string,
  previous: LogCheckpoint | null,
  events: RecordedEvent[],
  handler: SubscriptionHandler,
): Promise<BatchOutcome> {
  const last = events.at(-1)!;
  const tx = await pool.connect();
  let broken = false;
  // A connection dying mid-batch is reported by the failing query; this only keeps the
  // process alive and the dead connection out of the pool.
  const onError = (): void => {
    broken = true;
  };
  tx.on('error', onError);
  try {
    await tx.query('begin');
    if (!(await advanceCheckpoint(tx, name, previous, last))) {
      await tx.query('rollback');
      return 'fenced';
    }
    await handler(events, tx);
    // COMMIT of a transaction the handler let fail (an error it caught) rolls back silently.
    const commit = await tx.query('commit');
    if (commit.command !== 'COMMIT') throw new Error('the batch transaction was aborted inside the handler');
    return 'applied';
  } catch (error) {
    await tx.query('rollback').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    tx.off('error', onError);
    tx.release(broken ? true : undefined);
  }
}
