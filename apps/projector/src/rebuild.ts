import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { allProjections, rebuildReadModels } from '#read-models';
import { openProjectorContext } from './projector-context.js';

// `npm run projections:rebuild [-- --batch-size 10000 --drop-after-seconds 30 --parts <cores>]`:
// builds a fresh read-model generation from position 0 beside the live one and switches over when
// caught up. The API keeps answering from the live generation throughout. With the PostgreSQL
// event store the bulk load is split by stream into `--parts` worker threads (default: one per
// core, at most 8; 1 runs it on the main thread), fewer if the server lacks free connections.
// The npm script gives Node `--max-semi-space-size=64 --single-threaded-gc` (README: "Where the
// rebuild stands"); run by hand, pass them to `node` before this file's path.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'batch-size': { type: 'string', default: '10000' },
      'drop-after-seconds': { type: 'string', default: '30' },
      parts: { type: 'string', default: String(Math.min(availableParallelism(), 8)) },
    },
  });
  const batchSize = Number(values['batch-size']);
  const dropAfterSeconds = Number(values['drop-after-seconds']);
  const parts = Number(values.parts);
  if (!Number.isInteger(batchSize) || batchSize < 1 || !Number.isFinite(dropAfterSeconds) || !Number.isInteger(parts) || parts < 1 || parts > 64) {
    console.error('usage: rebuild [--batch-size <positive integer>] [--drop-after-seconds <seconds; negative keeps the old generation>] [--parts <1..64>]');
    process.exit(64); // EX_USAGE
  }
  const logger = new Logger('Rebuild');
  const context = await openProjectorContext('bidledger-rebuild');
  try {
    // Parts open connections of their own, to the database the PostgreSQL event store is in.
    const { config } = context;
    const parallel = config.eventStore.kind === 'postgres' && parts > 1 ? { parts, connectionString: config.database.url! } : undefined;
    const result = await rebuildReadModels(context.store, context.pool, allProjections({ store: context.store }), {
      batchSize,
      dropAfterMs: dropAfterSeconds * 1000,
      logger,
      parallel,
    });
    const split = result.parts.length > 0 ? ` (bulk load in ${result.parts.length} parts: ${result.parts.map((part) => part.replayed).join(' + ')} events)` : '';
    logger.log(`done: generation ${result.generation.generation} live, ${result.eventsApplied} events in ${result.elapsedMs} ms${split}`);
  } finally {
    await context.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
