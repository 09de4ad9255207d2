import type { PoolClient } from 'pg';
import { toGeneration, type Generation, type Queryable } from './generation.js';

// Creating, switching and dropping generations serialise on this transaction-scoped lock
// (a key apart from the migration and subscription locks).
const GENERATIONS_LOCK_KEY = 7_313_004;
export const LOCK_GENERATIONS = 'select pg_advisory_xact_lock($1)';

const COLUMNS = 'generation, schema_name, status, projections';

export const SELECT_LIVE_GENERATION = `select ${COLUMNS} from read_model_generations where status = 'live'`;

export const SELECT_GENERATION = `select ${COLUMNS} from read_model_generations where generation = $1`;

// Batches take this share lock, so a switch (which updates the row) waits for the batch in
// flight and no batch writes into a generation after it was retired.
export const SHARE_GENERATION_STATUS = 'select status from read_model_generations where generation = $1 for share';

export const NEXT_GENERATION_NUMBER = 'select coalesce(max(generation), 0) + 1 as next from read_model_generations';

export const INSERT_GENERATION = `
  insert into read_model_generations (generation, schema_name, status, projections, live_at)
  values ($1, $2, $3, $4, case when $3 = 'live' then now() end)
  returning ${COLUMNS}`;

export const RETIRE_LIVE = `update read_model_generations set status = 'retired', retired_at = now() where status = 'live'`;

export const MAKE_LIVE = `update read_model_generations set status = 'live', live_at = now() where generation = $1 and status = 'building'`;

// Retired (or abandoned building) generations whose schema still exists.
export const SELECT_DROPPABLE = `
  select ${COLUMNS} from read_model_generations
   where dropped_at is null and (status = 'retired' and retired_at <= now() - make_interval(secs => $1))`;

export const SELECT_ABANDONED_BUILDING = `select ${COLUMNS} from read_model_generations where status = 'building'`;

export const MARK_DROPPED = `
  update read_model_generations
     set status = 'retired', retired_at = coalesce(retired_at, now()), dropped_at = now()
   where generation = $1`;

export const DELETE_CHECKPOINT = 'delete from subscription_checkpoints where name = $1';

export async function lockGenerations(tx: PoolClient): Promise<void> {
  await tx.query(LOCK_GENERATIONS, [GENERATIONS_LOCK_KEY]);
}

export async function readLiveGeneration(db: Queryable): Promise<Generation | null> {
  const { rows } = await db.query(SELECT_LIVE_GENERATION);
  return rows[0] ? toGeneration(rows[0]) : null;
}

export async function readGeneration(db: Queryable, generation: number): Promise<Generation | null> {
  const { rows } = await db.query(SELECT_GENERATION, [generation]);
  return rows[0] ? toGeneration(rows[0]) : null;
}
