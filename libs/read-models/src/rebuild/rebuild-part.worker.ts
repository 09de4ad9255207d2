import { parentPort, workerData } from 'node:worker_threads';
import { runPart, type PartTask } from './rebuild-part.js';

// A worker thread's entry: runs one part of a parallel rebuild (parallel-bulk.ts starts it) and
// reports progress, then its result or its error, as messages.
export type PartMessage =
  | { kind: 'applied'; events: number }
  | { kind: 'done'; result: Awaited<ReturnType<typeof runPart>> }
  | { kind: 'failed'; message: string; code?: string }; // code: PostgreSQL's SQLSTATE, when it was one

const post = (message: PartMessage) => parentPort!.postMessage(message);

// Progress in a message every so often, not every batch.
let unreported = 0;
let reportedAt = 0;
const onApplied = (events: number) => {
  unreported += events;
  if (Date.now() - reportedAt < 250) return;
  post({ kind: 'applied', events: unreported });
  unreported = 0;
  reportedAt = Date.now();
};

runPart(workerData as PartTask, onApplied).then(
  (result) => {
    if (unreported > 0) post({ kind: 'applied', events: unreported });
    post({ kind: 'done', result });
  },
  (error: unknown) => {
    const code = (error as { code?: unknown } | null)?.code;
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) });
  },
);
