import { Logger } from '@nestjs/common';
import { allProjections, ProjectorRunner } from '#read-models';
import { openProjectorContext } from './projector-context.js';

// `npm run start:projector`: keeps the read models in a process of its own (run the API with
// PROJECTOR=off, or not: any number of runners may start, one applies at a time).
async function main(): Promise<void> {
  const logger = new Logger('Projector');
  const context = await openProjectorContext('bidledger-projector');
  const runner = new ProjectorRunner(context.store, context.pool, allProjections({ store: context.store }), { logger });
  await runner.start();
  logger.log(`following read-model generation ${runner.generation?.generation}`);
  const shutdown = async (signal: string) => {
    logger.log(`${signal}: finishing the batch in flight and stopping`);
    await runner.stop();
    await context.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
