import type { Pool } from 'pg';
import type { EventStore } from '../event-store.port.js';
import { applyBatch } from './subscription-batch.js';
import { loadCheckpoint, readSubscriptionCheckpoint } from './subscription-checkpoint.queries.js';
import { SubscriptionLock } from './subscription-lock.js';
import type { SubscriptionLogger, SubscriptionOptions, SubscriptionStatus } from './subscription.types.js';
import { WakeSignal } from './wake-signal.js';

const consoleLogger: SubscriptionLogger = { log: console.log, warn: console.warn, error: console.error };

// Error text only: never the events, the handler's data or connection settings.
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error thrown';
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${error.message}`;
}

// Feeds the global log to a handler, batch by batch, each batch in one transaction with its
// checkpoint. One active instance per name (advisory lock); others stand by and take over.
const RECHECK_AFTER_WAKE_MS = 20;

export class Subscription {
  private readonly options: Required<Omit<SubscriptionOptions, 'logger'>> & { logger: SubscriptionLogger };
  private readonly wake = new WakeSignal(); // appends, stop, lock loss
  private readonly interrupt = new WakeSignal(); // stop, lock loss: cuts back-offs short
  private readonly stopping = new WakeSignal(); // stop only: cuts the stand-by wait short
  private readonly progress = new WakeSignal(); // a batch committed
  private running = false;
  private loop: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  private state: Omit<SubscriptionStatus, 'name'> = { active: false, checkpoint: null, globalPosition: 0, lastAppliedAt: null };

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    options: SubscriptionOptions,
  ) {
    this.options = {
      batchSize: 500,
      pollIntervalMs: 500,
      lockRetryMs: 1_000,
      retryDelayMs: 200,
      maxRetryDelayMs: 30_000,
      logger: consoleLogger,
      ...options,
    };
  }

  get name(): string {
    return this.options.name;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const signal of [this.wake, this.interrupt, this.stopping]) signal.clear();
    this.unsubscribe = this.store.onAppended(() => this.wake.fire());
    // A restart right after stop() runs only once the previous loop has wound down.
    this.loop = (this.loop ?? Promise.resolve()).then(() => this.run());
  }

  // Resolves once the batch in flight (if any) has committed or rolled back and the lock is released.
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const signal of [this.wake, this.interrupt, this.stopping]) signal.fire();
    await this.loop;
  }

  status(): SubscriptionStatus {
    return { name: this.name, ...this.state };
  }

  // Resolves when everything readable at the time of the call has been applied (by this
  // instance or by the active one elsewhere). Starts and then stops the subscription if it
  // was not running; rejects if it is stopped meanwhile.
  async catchUp(): Promise<void> {
    const target = (await this.store.head()).checkpoint;
    if (target === null) return;
    const startedHere = !this.running;
    if (startedHere) this.start();
    try {
      for (;;) {
        if (this.store.isReached(target, this.state.checkpoint)) return;
        const stored = await readSubscriptionCheckpoint(this.pool, this.name);
        if (stored && this.store.isReached(target, stored.checkpoint)) return;
        if (!this.running) throw new Error(`subscription ${this.name} stopped before catching up`);
        await this.progress.wait(this.options.pollIntervalMs);
      }
    } finally {
      if (startedHere) await this.stop();
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let lock: SubscriptionLock | null = null;
      try {
        lock = await SubscriptionLock.tryAcquire(this.pool, this.name, () => this.onLockLost());
        if (lock) await this.runActive(lock);
      } catch (error) {
        this.options.logger.error(`subscription ${this.name}: ${describeError(error)}`);
      } finally {
        this.state.active = false;
        await lock?.release();
      }
      // Also after standing down, so a waiting instance gets its turn at the lock first.
      if (this.running) await this.stopping.wait(this.options.lockRetryMs);
    }
  }

  private async runActive(lock: SubscriptionLock): Promise<void> {
    const { batchSize, pollIntervalMs, retryDelayMs, maxRetryDelayMs, logger } = this.options;
    let stored = await loadCheckpoint(this.pool, this.name);
    this.state = { ...this.state, active: true, checkpoint: stored.checkpoint, globalPosition: stored.globalPosition };
    logger.log(`subscription ${this.name}: active from ${stored.checkpoint ?? 'the start'}`);
    let failures = 0;
    // A wake-up can arrive while the new event is still held back (an older transaction anywhere
    // in the cluster is open), so after a wake-up that read nothing, look again soon, backing off.
    let recheckMs = 0;
    while (this.running && !lock.lost) {
      try {
        if (failures > 0) {
          // The last attempt may have committed after all (a lost commit reply): re-read.
          stored = await loadCheckpoint(this.pool, this.name);
          this.state = { ...this.state, checkpoint: stored.checkpoint, globalPosition: stored.globalPosition };
        }
        const { events } = await this.store.readAll(this.state.checkpoint, batchSize);
        if (events.length === 0) {
          failures = 0;
          const woken = await this.wake.wait(recheckMs > 0 ? recheckMs : pollIntervalMs);
          recheckMs = woken ? RECHECK_AFTER_WAKE_MS : recheckMs > 0 && recheckMs < pollIntervalMs ? recheckMs * 2 : 0;
          await lock.check();
          continue;
        }
        const outcome = await applyBatch(this.pool, this.name, this.state.checkpoint, events, this.options.handler);
        if (outcome === 'fenced') {
          logger.warn(`subscription ${this.name}: checkpoint moved by another instance; standing down`);
          return;
        }
        const last = events.at(-1)!;
        this.state = { active: true, checkpoint: last.checkpoint, globalPosition: last.globalPosition, lastAppliedAt: new Date().toISOString() };
        failures = 0;
        recheckMs = 0;
        this.progress.fire();
      } catch (error) {
        failures += 1;
        const delay = Math.min(retryDelayMs * 2 ** (failures - 1), maxRetryDelayMs);
        logger.error(`subscription ${this.name}: batch after ${this.state.checkpoint ?? 'the start'} failed (attempt ${failures}), retrying in ${delay} ms: ${describeError(error)}`);
        await this.interrupt.wait(delay);
      }
    }
    if (lock.lost && this.running) logger.warn(`subscription ${this.name}: lock connection lost; standing down`);
  }

  private onLockLost(): void {
    this.wake.fire();
    this.interrupt.fire();
  }
}
