import type { Pool, PoolClient } from 'pg';
import type { LogCheckpoint } from '../event-store.port.js';

export const ENSURE_CHECKPOINT_ROW = `
  insert into subscription_checkpoints (name) values ($1)
  on conflict (name) do nothing`;

export const SELECT_CHECKPOINT = `
  select checkpoint, global_position, updated_at
    from subscription_checkpoints
   where name = $1`;

// The fence: only moves a checkpoint that is still where this instance left it. Run first in
// the batch transaction, so its row lock also queues a rival instance behind this batch.
export const ADVANCE_CHECKPOINT = `
  update subscription_checkpoints
     set checkpoint = $3, global_position = $4, updated_at = now()
   where name = $1 and checkpoint is not distinct from $2`;

export type StoredCheckpoint = {
  name: string;
  checkpoint: LogCheckpoint | null;
  globalPosition: number;
  updatedAt: string;
};

type CheckpointRow = { checkpoint: string | null; global_position: number; updated_at: Date };

// A subscription's stored position (null: it never ran): for lag and read-your-writes waits.
export async function readSubscriptionCheckpoint(db: Pool | PoolClient, name: string): Promise<StoredCheckpoint | null> {
  const { rows } = await db.query<CheckpointRow>(SELECT_CHECKPOINT, [name]);
  const row = rows[0];
  if (!row) return null;
  return {
    name,
    checkpoint: row.checkpoint,
    globalPosition: Number(row.global_position),
    updatedAt: row.updated_at.toISOString(),
  };
}

// Inserts the row on first use only: an insert would queue behind a batch in flight elsewhere.
export async function loadCheckpoint(db: Pool | PoolClient, name: string): Promise<StoredCheckpoint> {
  const stored = await readSubscriptionCheckpoint(db, name);
  if (stored) return stored;
  await db.query(ENSURE_CHECKPOINT_ROW, [name]);
  return (await readSubscriptionCheckpoint(db, name))!;
}

// false: another instance moved the checkpoint since `previous` was read.
export async function advanceCheckpoint(
  tx: PoolClient,
  name: string,
  previous: LogCheckpoint | null,
  next: { checkpoint: LogCheckpoint; globalPosition: number },
): Promise<boolean> {
  const result = await tx.query(ADVANCE_CHECKPOINT, [name, previous, next.checkpoint, next.globalPosition]);
  return result.rowCount === 1;
}
