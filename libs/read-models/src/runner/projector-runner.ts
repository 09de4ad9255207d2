import type { Pool } from 'pg';
import { Subscription, type EventStore, type SubscriptionLogger, type SubscriptionStatus } from '#event-store';
import { subscriptionNameOf, type Generation } from '../generations/generation.js';
import { readLiveGeneration } from '../generations/generations.queries.js';
import { ensureLiveGeneration } from '../generations/live-generation.js';
import type { Projection } from '../projection.js';
import { generationHandler } from './generation-handler.js';

export type ProjectorRunnerOptions = {
  batchSize?: number; // default 500
  pollIntervalMs?: number; // default 500 (wake-ups on append make it a fallback)
  generationCheckMs?: number; // default 1000: how soon a rebuild's switch is followed
  logger?: SubscriptionLogger;
};

export type ProjectorStatus = { running: boolean; generation: Generation | null; subscription: SubscriptionStatus | null };

// Follows the live read-model generation with one subscription (`read-models@g<n>`), all
// projections applied in the subscription's transaction. Any number of runners may start
// (API instances, projector processes): the subscription's lock lets one apply, its fence
// keeps a batch from being applied twice. When a rebuild switches generations, the runner
// stops the old subscription and follows the new generation from its checkpoint.
export class ProjectorRunner {
  private current: { generation: Generation; subscription: Subscription } | null = null;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private moving: Promise<void> = Promise.resolve();
  private readonly logger: SubscriptionLogger;

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorRunnerOptions = {},
  ) {
    this.logger = options.logger ?? { log: console.log, warn: console.warn, error: console.error };
  }

  get generation(): Generation | null {
    return this.current?.generation ?? null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const { generation, missing } = await ensureLiveGeneration(this.pool, this.projections);
    if (missing.length > 0) {
      this.logger.warn(`read models: generation ${generation.generation} was built without ${missing.join(', ')}; run npm run projections:rebuild to fill them from the start`);
    }
    this.follow(generation);
    this.timer = setInterval(() => void this.followLive(), this.options.generationCheckMs ?? 1_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    await this.moving;
    const current = this.current;
    this.current = null;
    await current?.subscription.stop();
  }

  status(): ProjectorStatus {
    return { running: this.running, generation: this.generation, subscription: this.current?.subscription.status() ?? null };
  }

  // Resolves once everything readable now is applied to the live generation (by any runner).
  async catchUp(): Promise<void> {
    await this.followLive();
    await this.current?.subscription.catchUp();
  }

  // Serialised: the timer and a handler that met a retired generation may both ask.
  followLive(): Promise<void> {
    this.moving = this.moving
      .then(() => this.moveToLive())
      .catch((error: Error) => this.logger.error(`read models: could not check the live generation: ${error.message}`));
    return this.moving;
  }

  private async moveToLive(): Promise<void> {
    if (!this.running) return;
    const live = await readLiveGeneration(this.pool);
    if (!live || live.generation === this.current?.generation.generation) return;
    this.logger.log(`read models: generation ${live.generation} is live; following it`);
    const previous = this.current;
    this.current = null;
    await previous?.subscription.stop();
    if (this.running) this.follow(live);
  }

  private follow(generation: Generation): void {
    const subscription = new Subscription(this.store, this.pool, {
      name: subscriptionNameOf(generation.generation),
      // Not awaited: the handler runs inside the batch that stopping the subscription waits for.
      handler: generationHandler(generation, this.projections, () => void this.followLive()),
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
      logger: this.logger,
    });
    subscription.start();
    this.current = { generation, subscription };
  }
}
