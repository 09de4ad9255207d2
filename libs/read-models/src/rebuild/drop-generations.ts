import type { Pool } from 'pg';
import { subscriptionNameOf, toGeneration, type Generation } from '../generations/generation.js';
import { DELETE_CHECKPOINT, lockGenerations, MARK_DROPPED, SELECT_ABANDONED_BUILDING, SELECT_DROPPABLE } from '../generations/generations.queries.js';
import { inTransaction } from '../generations/transaction.js';
import { quoteIdent } from '../projection.js';

// Drops a generation's schema (every projection's tables) and its checkpoint; the row stays.
export async function dropGeneration(pool: Pool, generation: Generation): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await lockGenerations(tx);
    await tx.query(`drop schema if exists ${quoteIdent(generation.schema)} cascade`);
    await tx.query(DELETE_CHECKPOINT, [subscriptionNameOf(generation.generation)]);
    await tx.query(MARK_DROPPED, [generation.generation]);
  });
}

// Generations retired at least `graceMs` ago whose schema is still there.
export async function dropRetired(pool: Pool, graceMs: number): Promise<Generation[]> {
  const { rows } = await pool.query(SELECT_DROPPABLE, [graceMs / 1000]);
  const generations = rows.map(toGeneration);
  for (const generation of generations) await dropGeneration(pool, generation);
  return generations;
}

// A building generation left by a rebuild that died; call only while holding the rebuild lock.
export async function dropAbandonedBuilding(pool: Pool): Promise<Generation[]> {
  const { rows } = await pool.query(SELECT_ABANDONED_BUILDING);
  const generations = rows.map(toGeneration);
  for (const generation of generations) await dropGeneration(pool, generation);
  return generations;
}
