import { createPool } from '#database';
import { PostgresEventStore, type LogSlice, type RecordedEvent } from '#event-store';
import type { Generation } from '../generations/generation.js';
import { ProjectFolds } from '../folding/project-folds.js';
import { allProjections } from '../registry.js';
import { bulkReplay, finishLoaders } from './bulk-replay.js';

// One part of a parallel rebuild's bulk load (see BulkLoad): everything it needs travels as
// plain data, because it runs in a worker thread with connections, a store and projections of
// its own (the registry's, so every part and the coordinator run the same read models).
export type PartTask = {
  connectionString: string; // the database of the PostgreSQL event store and of the read models
  generation: Generation;
  part: number; // which of the `parts` slices (for names and results)
  parts: number;
  slice: LogSlice;
  batchSize: number;
  projections: string[]; // the coordinator's, by name: a part refuses to run other ones
  bulkPendingRows?: number;
};

// `finishMs`: how long the part's loaders took to write what they held back (a statement at a
// time, each its own transaction: finishLoaders).
export type PartResult = { part: number; replayed: number; statesFoldedFromStore: number; finishMs: number };

// Lanes for three projections, a connection to read the log and one for a state not in memory.
export const PART_POOL_SIZE = 5;

export async function runPart(task: PartTask, onApplied: (events: number) => void = () => undefined): Promise<PartResult> {
  const { connectionString, generation, part, slice, batchSize, bulkPendingRows } = task;
  const pool = createPool({ connectionString, max: PART_POOL_SIZE, applicationName: `bidledger-rebuild-part-${part}` });
  const store = new PostgresEventStore(pool);
  try {
    const folds = new ProjectFolds(store);
    const projections = allProjections({ store, folds, bulkPendingRows });
    const names = projections.map((projection) => projection.name);
    if (names.join() !== task.projections.join()) {
      throw new Error(`a rebuild part runs the registry's projections (${names.join(', ')}), not ${task.projections.join(', ')}`);
    }
    const read = (after: RecordedEvent | null) => store.readSlice(after, batchSize, slice);
    const { replayed } = await bulkReplay(read, pool, generation, projections, onApplied);
    const finishing = performance.now();
    await finishLoaders(pool, projections, generation.schema);
    return { part, replayed, statesFoldedFromStore: folds.stats().misses, finishMs: Math.round(performance.now() - finishing) };
  } finally {
    await store.close();
    await pool.end();
  }
}
