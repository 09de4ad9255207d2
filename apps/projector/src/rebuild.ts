import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { allProjections, rebuildReadModels } from '#read-models';
import { openProjectorContext } from './projector-context.js';

// `npm run projections:rebuild [-- --batch-size 10000 --drop-after-seconds 30]`: builds a fresh
// read-model generation from position 0 beside the live one and switches over when caught up.
// The API keeps answering from the live generation throughout.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'batch-size': { type: 'string', default: '10000' }, 'drop-after-seconds': { type: 'string', default: '30' } },
  });
  const batchSize = Number(values['batch-size']);
  const dropAfterSeconds = Number(values['drop-after-seconds']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || !Number.isFinite(dropAfterSeconds)) {
    console.error('usage: rebuild [--batch-size <positive integer>] [--drop-after-seconds <seconds; negative keeps the old generation>]');
    process.exit(64); // EX_USAGE
  }
  const logger = new Logger('Rebuild');
  const context = await openProjectorContext('bidledger-rebuild');
  try {
    const result = await rebuildReadModels(context.store, context.pool, allProjections({ store: context.store }), {
      batchSize,
      dropAfterMs: dropAfterSeconds * 1000,
      logger,
    });
    logger.log(`done: generation ${result.generation.generation} live, ${result.eventsApplied} events in ${result.elapsedMs} ms`);
  } finally {
    await context.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
