import { Worker } from 'node:worker_threads';
import type { EventStore, SlicedLogReads } from '#event-store';
import type { Generation } from '../generations/generation.js';
import type { Projection } from '../projection.js';
import { allProjections } from '../registry.js';
import { runPart, type PartResult, type PartTask } from './rebuild-part.js';
import type { PartMessage } from './rebuild-part.worker.js';

export type ParallelRebuild = {
  parts: number; // how many parts the log is split into, by stream; one worker thread each
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

function inWorkerThread(task: PartTask, onApplied: (events: number) => void): RunningPart {
  const worker = new Worker(new URL('./rebuild-part.worker.js', import.meta.url), { workerData: task });
  const name = `rebuild part ${task.slice.part} of ${task.slice.parts}`;
  const result = new Promise<PartResult>((resolve, reject) => {
    worker.on('message', (message: PartMessage) => {
      if (message.kind === 'applied') onApplied(message.events);
      else if (message.kind === 'done') resolve(message.result);
      else reject(new Error(`${name}: ${message.message}`));
    });
    worker.on('error', (error) => reject(new Error(`${name}: ${error.message}`)));
    // After `done` this changes nothing; before it, the part died without a word.
    worker.on('exit', (code) => reject(new Error(`${name} stopped (exit code ${code}) before it finished`)));
  });
  return { result, stop: async () => void (await worker.terminate()) };
}

// The bulk load of a rebuild split by stream into parts that run at the same time (BulkLoad
// tells what runs where). The parts read the log up to the head it has now, so together they
// replay exactly the events before it, each once; the generation's subscription takes over from
// that head. If a part fails, the others are stopped (a worker's connections close with it, so
// what it held open rolls back) and the rebuild fails: its generation is never made live.
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
  const names = projections.map((projection) => projection.name);
  const registry = allProjections({ store }).map((projection) => projection.name);
  if (names.join() !== registry.join()) {
    throw new Error(`a parallel rebuild runs the registry's projections (${registry.join(', ')}), not ${names.join(', ')}`);
  }
  const head = await store.head();
  if (head.checkpoint === null) return { replayed: 0, head: null, parts: [] };
  const upTo = head.checkpoint;

  const running = Array.from({ length: parts }, (_, part): RunningPart => {
    const task: PartTask = { connectionString, generation, slice: { upTo, part, parts }, batchSize, projections: names, bulkPendingRows };
    return runIn === 'threads' ? inWorkerThread(task, onApplied) : { result: runPart(task, onApplied), stop: async () => undefined };
  });
  try {
    const results = await Promise.all(running.map(({ result }) => result));
    return { replayed: results.reduce((sum, { replayed }) => sum + replayed, 0), head: { checkpoint: upTo, globalPosition: head.globalPosition }, parts: results };
  } catch (error) {
    await Promise.allSettled(running.map(({ stop }) => stop()));
    await Promise.allSettled(running.map(({ result }) => result)); // parts on this thread run to their end
    throw error;
  } finally {
    await Promise.allSettled(running.map(({ stop }) => stop()));
  }
}
