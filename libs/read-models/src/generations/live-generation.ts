import type { Pool } from 'pg';
import type { Projection } from '../projection.js';
import type { Generation } from './generation.js';
import { createGeneration, createGenerationTables } from './generation-schema.js';
import { lockGenerations, readLiveGeneration } from './generations.queries.js';
import { inTransaction } from './transaction.js';

export type EnsuredGeneration = {
  generation: Generation;
  // Projections added to the code since the live generation was built: their tables exist but
  // hold only what happened since; `npm run projections:rebuild` fills them from the start.
  missing: string[];
};

// The live generation, creating generation 1 on a fresh database. Safe to call from several
// processes at once (API instances, projectors): they serialise on the generations lock.
export async function ensureLiveGeneration(pool: Pool, projections: readonly Projection[]): Promise<EnsuredGeneration> {
  const existing = await readLiveGeneration(pool);
  if (existing && projections.every((projection) => existing.projections.includes(projection.name))) {
    return { generation: existing, missing: [] };
  }
  return inTransaction(pool, async (tx) => {
    await lockGenerations(tx);
    const live = await readLiveGeneration(tx);
    if (!live) return { generation: await createGeneration(tx, 'live', projections), missing: [] };
    const missing = projections.filter((projection) => !live.projections.includes(projection.name));
    if (missing.length === 0) return { generation: live, missing: [] };
    // Their tables, so reads answer; the generation keeps its recorded set until a rebuild.
    await createGenerationTables(tx, live.schema, missing);
    return { generation: live, missing: missing.map((projection) => projection.name) };
  });
}
