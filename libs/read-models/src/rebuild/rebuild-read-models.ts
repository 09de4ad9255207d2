import type { Pool, PoolClient } from 'pg';
import { canReadSlices, Subscription, type EventStore, type RecordedEvent, type SubscriptionLogger } from '#event-store';
import { subscriptionNameOf, type Generation } from '../generations/generation.js';
import { createGeneration } from '../generations/generation-schema.js';
import { lockGenerations } from '../generations/generations.queries.js';
import { inTransaction } from '../generations/transaction.js';
import { quoteIdent, type Projection } from '../projection.js';
import { generationHandler } from '../runner/generation-handler.js';
import { bulkReplay, finishLoaders } from './bulk-replay.js';
import { dropAbandonedBuilding, dropGeneration, dropRetired } from './drop-generations.js';
import { switchLive } from './generation-switch.js';
import { assertRegistryProjections, bulkReplayInParts, partsThatFit, type ParallelRebuild } from './parallel-bulk.js';
import type { PartResult } from './rebuild-part.js';

// One rebuild at a time, cluster-wide (a session lock held for the whole rebuild).
const REBUILD_LOCK_KEY = 7_313_005;
const TRY_REBUILD_LOCK = 'select pg_try_advisory_lock($1) as locked';
const REBUILD_UNLOCK = 'select pg_advisory_unlock($1)';

export type RebuildOptions = {
  batchSize?: number; // default 10000: a replay wants large batches (each one is a transaction of ~1 s)
  // How long the previous generation stays after the switch (readers may still hold its name
  // for the API's cache lifetime); negative keeps it until the next rebuild.
  dropAfterMs?: number; // default 30000
  maxSwitchAttempts?: number; // default 50
  progressEveryMs?: number; // default 5000; 0 = quiet
  logger?: SubscriptionLogger;
  // The bulk load split by stream over worker threads (parallel-bulk.ts), when the store can read
  // parts of the log (PostgreSQL) and there is more than one part; otherwise it runs here.
  parallel?: ParallelRebuild;
};

// Where a rebuild's time went: the pipelined bulk load from position 0, what the bulk loaders
// deferred (indexes), then the subscription catching up, statistics and the switch.
export type RebuildPhases = { bulkLoadMs: number; deferredMs: number; catchUpAndSwitchMs: number };

// `parts`: what each part of a parallel bulk load replayed (empty when it ran on this thread).
export type RebuildResult = { generation: Generation; previous: Generation | null; eventsApplied: number; elapsedMs: number; phases: RebuildPhases; parts: PartResult[] };

// Builds generation n+1 beside the live one from position 0, switches live to it in one
// transaction once it has caught up, then drops generation n after a grace period. The API
// keeps answering from the live generation throughout.
export async function rebuildReadModels(
  store: EventStore,
  pool: Pool,
  projections: readonly Projection[],
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const logger = options.logger ?? { log: console.log, warn: console.warn, error: console.error };
  const lock = await pool.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>(TRY_REBUILD_LOCK, [REBUILD_LOCK_KEY]);
    if (!rows[0]?.locked) throw new Error('another read-model rebuild is running');
    const started = Date.now();
    const parallel = await splitPlan(store, pool, projections, options.parallel, logger);
    for (const abandoned of await dropAbandonedBuilding(pool)) logger.warn(`rebuild: dropped abandoned generation ${abandoned.generation}`);
    await dropRetired(pool, Math.max(0, options.dropAfterMs ?? 30_000));
    const building = await inTransaction(pool, async (tx) => {
      await lockGenerations(tx);
      return createGeneration(tx, 'building', projections);
    });
    logger.log(`rebuild: building generation ${building.generation} in schema ${building.schema}`);
    const { previous, eventsApplied, phases, parts } = await fillAndSwitch(store, pool, projections, building, { ...options, parallel }, logger);
    logger.log(`rebuild: generation ${building.generation} is live (${eventsApplied} events in ${Date.now() - started} ms)`);
    const dropAfterMs = options.dropAfterMs ?? 30_000;
    if (previous && dropAfterMs >= 0) {
      await new Promise((resolve) => setTimeout(resolve, dropAfterMs));
      await dropGeneration(pool, previous);
      logger.log(`rebuild: dropped generation ${previous.generation}`);
    }
    return { generation: { ...building, status: 'live' }, previous, eventsApplied, elapsedMs: Date.now() - started, phases, parts };
  } finally {
    await lock.query(REBUILD_UNLOCK, [REBUILD_LOCK_KEY]).catch(() => undefined);
    lock.release(true); // closed, never pooled: a pooled session could still hold the lock
  }
}

// Where the building generation's subscription takes over, written once every batch has been
// written; the subscription (which creates its row with `on conflict do nothing`) then starts
// from here. Table: migrations/0002_subscriptions.sql.
const SEED_CHECKPOINT = `
  insert into subscription_checkpoints (name, checkpoint, global_position) values ($1, $2, $3)
  on conflict (name) do update set checkpoint = excluded.checkpoint, global_position = excluded.global_position, updated_at = now()`;

// Whether the bulk load is split, and in how many parts: only with a store that reads parts of
// the log, only the registry's read models (refused here, before anything is built), and no more
// parts than the server has connections for.
async function splitPlan(
  store: EventStore,
  pool: Pool,
  projections: readonly Projection[],
  parallel: ParallelRebuild | undefined,
  logger: SubscriptionLogger,
): Promise<ParallelRebuild | undefined> {
  if (!parallel || parallel.parts <= 1 || !canReadSlices(store)) return undefined;
  assertRegistryProjections(projections, store);
  const parts = await partsThatFit(pool, parallel.parts);
  if (parts < parallel.parts) logger.warn(`rebuild: ${parts === 1 ? 'not split' : `split in ${parts} parts`}, not ${parallel.parts}: the server has too few free connections`);
  return parts > 1 ? { ...parallel, parts } : undefined;
}

const SCHEMA_TABLES = 'select tablename from pg_tables where schemaname = $1 order by tablename';

async function analyzeSchema(pool: Pool, schema: string): Promise<void> {
  const { rows } = await pool.query<{ tablename: string }>(SCHEMA_TABLES, [schema]);
  for (const { tablename } of rows) await pool.query(`analyze ${quoteIdent(schema)}.${quoteIdent(tablename)}`);
}

async function fillAndSwitch(
  store: EventStore,
  pool: Pool,
  projections: readonly Projection[],
  building: Generation,
  options: RebuildOptions,
  logger: SubscriptionLogger,
): Promise<{ previous: Generation | null; eventsApplied: number; phases: RebuildPhases; parts: PartResult[] }> {
  let eventsApplied = 0;
  const handler = generationHandler(building, projections, () => undefined);
  const counted = async (events: RecordedEvent[], tx: PoolClient) => {
    await handler(events, tx);
    eventsApplied += events.length;
  };
  const subscription = new Subscription(store, pool, {
    name: subscriptionNameOf(building.generation),
    handler: counted,
    batchSize: options.batchSize ?? 10_000,
    pollIntervalMs: 50,
    logger,
  });
  const started = Date.now();
  const progress = (options.progressEveryMs ?? 5_000) > 0
    ? setInterval(() => logger.log(`rebuild: ${eventsApplied} events applied (${Math.round((eventsApplied * 1000) / (Date.now() - started))}/s)`), options.progressEveryMs ?? 5_000)
    : undefined;
  try {
    const loaders = projections.flatMap((projection) => (projection.bulk ? [projection.bulk] : []));
    await inTransaction(pool, async (tx) => {
      for (const loader of loaders) await loader.begin?.(tx, building.schema);
    });
    const batchSize = options.batchSize ?? 10_000;
    const onApplied = (events: number) => void (eventsApplied += events);
    let seed: { checkpoint: string; globalPosition: number } | null;
    let parts: PartResult[] = [];
    if (options.parallel && options.parallel.parts > 1 && canReadSlices(store)) {
      const replayed = await bulkReplayInParts(store, building, projections, batchSize, options.parallel, onApplied);
      ({ head: seed, parts } = replayed);
    } else {
      const read = async (after: RecordedEvent | null) => (await store.readAll(after?.checkpoint ?? null, batchSize)).events;
      const { last } = await bulkReplay(read, pool, building, projections, onApplied);
      await finishLoaders(pool, projections, building.schema);
      seed = last ?? null;
    }
    if (seed) await pool.query(SEED_CHECKPOINT, [subscriptionNameOf(building.generation), seed.checkpoint, seed.globalPosition]);
    const bulkLoaded = Date.now();
    // Before the subscription applies anything: what the loaders deferred (indexes, keys) is back.
    await Promise.all(loaders.map((loader) => inTransaction(pool, (tx) => loader.end?.(tx, building.schema) ?? Promise.resolve())));
    const deferredDone = Date.now();
    const phases = (): RebuildPhases => ({ bulkLoadMs: bulkLoaded - started, deferredMs: deferredDone - bulkLoaded, catchUpAndSwitchMs: Date.now() - deferredDone });
    // The subscription takes over from the replay's checkpoint for what was appended meanwhile.
    subscription.start();
    await subscription.catchUp();
    // Fresh tables have no statistics: without them the first queries after the switch plan badly.
    await analyzeSchema(pool, building.schema);
    const attempts = options.maxSwitchAttempts ?? 50;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      subscription.start();
      await subscription.catchUp();
      // Stopped before the switch: its checkpoint must not move while it is compared.
      await subscription.stop();
      const outcome = await switchLive(store, pool, building);
      if (outcome.switched) return { previous: outcome.previous, eventsApplied, phases: phases(), parts };
    }
    throw new Error(`generation ${building.generation} did not catch up with the live one in ${attempts} attempts`);
  } finally {
    clearInterval(progress);
    await subscription.stop();
  }
}
