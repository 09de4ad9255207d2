import { availableParallelism } from 'node:os';
import { fold, projectStreamId, projectViewOf, toProjectEvent } from '#domain';
import { PostgresEventStore } from '#event-store';
import { allProjections, ProjectFolds, queryWinLoss, rebuildReadModels, replayProject } from '#read-models';
import { createBenchDatabase } from './bench-database.js';
import { insertEvents, readAllRaw } from './projections/bulk-load.js';
import { generateHistory } from './projections/history-generator.js';
import { timed } from './projections/timed-projection.js';

// npm run bench:projections. BENCH_PROJECTS (default 100000) and BENCH_SEED change the history;
// BENCH_PARTS (default: one per core, at most 8) splits the rebuild's bulk load as `projections:rebuild`
// does; DATABASE_URL picks the server (else an embedded PostgreSQL). Creates and drops its own
// database. The npm script runs it with the rebuild's Node flags, which the raw read runs under too.
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 20_260_101);
const BATCH = 5_000; // loading
const REBUILD_BATCH = 10_000; // the rebuild's default, and the raw read's (like for like)
const PARTS = Number(process.env.BENCH_PARTS ?? Math.min(availableParallelism(), 8));
const quiet = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
async function timeRuns(runs: number, work: () => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const db = await createBenchDatabase(8);
  const store = new PostgresEventStore(db.pool);
  try {
    let started = performance.now();
    const { events, longProjectId } = await generateHistory(PROJECTS, SEED, (chunk) => insertEvents(db.pool, chunk), BATCH);
    await db.pool.query('vacuum analyze events');
    // Loading wrote about a gigabyte of WAL: flush it now, or the checkpoint it triggers runs
    // during the timings below. Needs superuser or pg_checkpoint; without, the timings share it.
    await db.pool.query('checkpoint').catch((error: Error) => console.warn(`no checkpoint before the timings: ${error.message}`));
    console.log(`history: ${events} events, ${PROJECTS + 1} projects (seed ${SEED}), generated and loaded in ${round((performance.now() - started) / 1000)} s`);
    for (const streamId of [projectStreamId(longProjectId), 'project-00000001-0000-4000-8000-000000000007']) {
      const verified = await store.verifyStream(streamId);
      if (!verified.ok) throw new Error(`hash chain of ${streamId} broken at ${verified.brokenAtVersion}`);
    }

    started = performance.now();
    const rawCount = await readAllRaw(db.pool, REBUILD_BATCH);
    const rawReadEventsPerSec = rawCount / ((performance.now() - started) / 1000);
    console.log(`raw read: ${rawCount} events in batches of ${REBUILD_BATCH}: ${Math.round(rawReadEventsPerSec)} events/s`);

    const spent = new Map<string, number>();
    const folds = new ProjectFolds(store);
    const projections = allProjections({ store, folds }).map((projection) => timed(projection, spent));
    started = performance.now();
    // Split in parts, the rebuild runs the registry's projections in worker threads: the timing
    // wrappers above then see only the catch-up, and each part reports what it replayed.
    const parallel = PARTS > 1 ? { parts: PARTS, connectionString: db.url } : undefined;
    const rebuilt = await rebuildReadModels(store, db.pool, projections, { batchSize: REBUILD_BATCH, dropAfterMs: -1, logger: quiet, progressEveryMs: 0, parallel });
    const rebuildSeconds = (performance.now() - started) / 1000;
    const rebuildEventsPerSec = rebuilt.eventsApplied / rebuildSeconds;
    console.log(`rebuild: ${rebuilt.eventsApplied} events into ${rebuilt.generation.schema} in ${round(rebuildSeconds)} s: ${Math.round(rebuildEventsPerSec)} events/s`);
    const { bulkLoadMs, deferredMs, catchUpAndSwitchMs } = rebuilt.phases;
    console.log(`  phases: pipelined bulk load ${round(bulkLoadMs / 1000)} s, deferred indexes ${round(deferredMs / 1000)} s, catch-up + statistics + switch ${round(catchUpAndSwitchMs / 1000)} s`);
    if (rebuilt.parts.length > 0) {
      const replayed = rebuilt.parts.map((part) => part.replayed);
      const folded = rebuilt.parts.reduce((sum, part) => sum + part.statesFoldedFromStore, 0);
      const finishes = rebuilt.parts.map((part) => `${round(part.finishMs / 1000)} s`).join(', ');
      console.log(`  bulk load in ${rebuilt.parts.length} parts (worker threads), events per part: ${replayed.join(', ')}; held rows written at the end in ${finishes}; states folded from the store: ${folded}`);
    } else {
      console.log(`  time per projection, computed to written (they overlap): ${[...spent].map(([name, ms]) => `${name} ${round(ms / 1000)} s`).join(', ')}; states folded from the store: ${folds.stats().misses}`);
    }
    const audit = await db.pool.query(`select count(*)::int as n from ${rebuilt.generation.schema}.audit_trail`);
    if (audit.rows[0].n !== events) throw new Error(`audit trail has ${audit.rows[0].n} rows for ${events} events`);

    const schema = rebuilt.generation.schema;
    await timeRuns(5, () => queryWinLoss(db.pool, schema, { groupBy: 'segment' }));
    const winLoss = await timeRuns(60, () => queryWinLoss(db.pool, schema, { groupBy: 'segment' }));
    console.log(`win/loss by segment: median ${round(percentile(winLoss, 50))} ms, p95 ${round(percentile(winLoss, 95))} ms (60 runs)`);

    // What GET /v1/projects/{id}/state does but HTTP: replayProject (read what a fold needs, fold)
    // and the view of the state.
    const long = await store.readStreamForFold(projectStreamId(longProjectId));
    const foldOnly = await timeRuns(50, () => projectViewOf(fold(long.map(toProjectEvent))));
    const readAndFold = await timeRuns(20, async () => projectViewOf((await replayProject(store, longProjectId))!.state));
    console.log(`replay of a ${long.length}-event project: fold ${round(percentile(foldOnly, 50), 2)} ms median; read + fold ${round(percentile(readAndFold, 50), 1)} ms median`);

    const ratio = rebuildEventsPerSec / rawReadEventsPerSec;
    console.log(`targets: rebuild >= 0.25 x raw (${round(ratio, 3)}) and >= 20000/s; win/loss p95 <= 100 ms; replay <= 10 ms`);
    console.log(JSON.stringify({
      rebuildEventsPerSec: Math.round(rebuildEventsPerSec),
      rawReadEventsPerSec: Math.round(rawReadEventsPerSec),
      ratio: round(ratio, 3),
      winLossP95Ms: round(percentile(winLoss, 95), 2),
      // What an auditor waits for: reading the stream and folding it, not the fold alone.
      replay1000Ms: round(percentile(readAndFold, 50), 2),
    }));
  } finally {
    await store.close();
    await db.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
