import { Worker } from 'node:worker_threads';
import type { Pool } from 'pg';
import type { EventStore, SlicedLogReads } from '#event-store';
import type { Generation } from '../generations/generation.js';
import type { Projection } from '../projection.js';
import { allProjections } from '../registry.js';
import { PART_POOL_SIZE, runPart, type PartResult, type PartTask } from './rebuild-part.js';
import type { PartMessage } from './rebuild-part.worker.js';

export type ParallelRebuild = {
  parts: number; // how many parts (at most) the log is split into, by stream; one worker thread each
  // The database of the PostgreSQL event store and of the read models: each part opens its own
  // connections. Never logged.
  connectionString: string;
  bulkPendingRows?: number;
  // 'threads' (the default): a worker thread per part. 'this-thread': the parts run side by side
  // on this thread, for tests (a worker thread cannot load the TypeScript sources jest runs).
  runIn?: 'threads' | 'this-thread';
};

export type PartsReplayResult = {
  replayed: number;
  head: { checkpoint: string; globalPosition: number } | null; // where the parts stopped: the subscription takes over here
  parts: PartResult[];
};

type RunningPart = { result: Promise<PartResult>; stop(): Promise<void> };

// Each part builds the registry's read models itself: a split rebuild of anything else (other
// projections, or the registry's configured differently) is refused before it starts.
export function assertRegistryProjections(projections: readonly Projection[], store: EventStore): void {
  const names = projections.map((projection) => projection.name);
  const registry = allProjections({ store }).map((projection) => projection.name);
  if (names.join() !== registry.join()) {
    throw new Error(`a parallel rebuild runs the registry's projections (${registry.join(', ')}), not ${names.join(', ')}`);
  }
}

// Client connections the server still takes (superusers' reserved ones aside).
const FREE_CONNECTIONS = `
  select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
         - (select count(*)::int from pg_stat_activity where backend_type = 'client backend') as free`;

// As many of the parts asked for as the server has connections for, leaving a quarter of what is
// free (at least 10) to the live API and projector. Fewer than two: the bulk load runs here.
export async function partsThatFit(pool: Pool, parts: number): Promise<number> {
  const { rows } = await pool.query<{ free: number }>(FREE_CONNECTIONS);
  const free = rows[0]?.free ?? 0;
  const spare = Math.max(10, Math.ceil(free / 4));
  return Math.max(1, Math.min(parts, Math.floor((free - spare) / PART_POOL_SIZE)));
}

function inWorkerThread(task: PartTask, onApplied: (events: number) => void): RunningPart {
  const worker = new Worker(new URL('./rebuild-part.worker.js', import.meta.url), { workerData: task });
  const name = `rebuild part ${task.part} of ${task.parts}`;
  const result = new Promise<PartResult>((resolve, reject) => {
    worker.on('message', (message: PartMessage) => {
      if (message.kind === 'applied') onApplied(message.events);
      else if (message.kind === 'done') resolve(message.result);
      else reject(Object.assign(new Error(`${name}: ${message.message}`), message.code ? { code: message.code } : {}));
    });
    worker.on('error', (error) => reject(new Error(`${name}: ${error.message}`)));
    // After `done` this changes nothing; before it, the part died without a word.
    worker.on('exit', (code) => reject(new Error(`${name} stopped (exit code ${code}) before it finished`)));
  });
  return { result, stop: async () => void (await worker.terminate()) };
}

// The bulk load of a rebuild split by stream into parts that run at the same time (BulkLoad
// tells what runs where). The parts read the log up to and including the head it has now, so
// together they replay exactly those events, each once; the generation's subscription takes over
// after that head. If a part fails, the others are stopped (a worker's connections close with it, so
// what it held open rolls back) and the rebuild fails: its generation is never made live.
//
// A part reads its streams in stream order, each whole, not interleaved as in the log. In log order
// a 10,000-event batch touches about 9,000 projects, and a project comes back in about 7 batches:
// each time its state is looked up, its win/loss fact derived again and its rollup change redone,
// its projects-list entry replaced, all on data long out of the processor's cache. In stream order
// a project is done in one batch, or two, from first event to last. PostgreSQL pays for it: a heap
// page per event instead of once per page (READ_SLICE). Measured on the benchmark's history
// (1,098,620 events, 2 parts, alternating runs), with parts still split by a hash of the stream id:
// 48,638 and 49,192 events/s in stream order against 44,380 and 45,257 in log order, the process's
// CPU 25.2 s against 34.0 s (not through fewer collections: the young generation's collections copy
// as much as before). Parts by range of stream ids then let each part fetch only its own events
// (with the hash, every part fetched every event to test it): 51,115 and 49,442 against 46,407 and
// 46,737 events/s with the hash, another 7 % or so, in a later spell of the same machine.
//
// Slices by range rely on the stream-id index's order (the database's collation); were it ever to
// disagree with the collation (an operating-system upgrade that changes sort order without a
// REINDEX), a range scan could miss or repeat streams. So the parts' events must add up to the
// log's count up to the head, or the rebuild fails: counted beside the parts, on its own connection.
export async function bulkReplayInParts(
  store: EventStore & SlicedLogReads,
  generation: Generation,
  projections: readonly Projection[],
  batchSize: number,
  parallel: ParallelRebuild,
  onApplied: (events: number) => void,
): Promise<PartsReplayResult> {
  const { parts, connectionString, bulkPendingRows, runIn = 'threads' } = parallel;
  if (!Number.isInteger(parts) || parts < 1) throw new TypeError(`a parallel rebuild needs a positive whole number of parts, not ${parts}`);
  // assertRegistryProjections: the caller checked, before building anything.
  const head = await store.head();
  if (head.checkpoint === null) return { replayed: 0, head: null, parts: [] };
  const upTo = head.checkpoint;
  const slices = await store.sliceLog(upTo, parts);
  const counted = store.countEvents(upTo);
  counted.catch(() => undefined); // awaited once the parts are done
  const names = projections.map((projection) => projection.name);

  const running: RunningPart[] = [];
  try {
    for (const [part, slice] of slices.entries()) {
      const task: PartTask = { connectionString, generation, part, parts: slices.length, slice, batchSize, projections: names, bulkPendingRows };
      running.push(runIn === 'threads' ? inWorkerThread(task, onApplied) : { result: runPart(task, onApplied), stop: async () => undefined });
    }
    const results = await Promise.all(running.map(({ result }) => result));
    const replayed = results.reduce((sum, part) => sum + part.replayed, 0);
    const expected = await counted;
    if (replayed !== expected) throw new Error(`the rebuild's parts replayed ${replayed} events, but the log holds ${expected} up to ${upTo}: a part missed or repeated events (is the stream-id index out of date with its collation? REINDEX it)`);
    return { replayed, head: { checkpoint: upTo, globalPosition: head.globalPosition }, parts: results };
  } catch (error) {
    await Promise.allSettled(running.map(({ stop }) => stop()));
    await Promise.allSettled(running.map(({ result }) => result)); // parts on this thread run to their end
    throw error;
  } finally {
    await Promise.allSettled(running.map(({ stop }) => stop()));
  }
}
