import { END, excludeSystemEvents, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';

const RESUBSCRIBE_DELAY_MS = 1_000;

// onAppended for EventStoreDB: appends through this store wake listeners at once; appends by
// other processes arrive through one live subscribeToAll (from the end, system events filtered
// out by the server; event id claims still wake, harmlessly) shared by all listeners, opened
// on the first listener and closed with the last. Wake-ups are hints: readers still poll, so
// a dropped subscription only delays them.
export class EsdbAppendNotifier {
  private readonly listeners = new Set<() => void>();
  private subscription: AllStreamSubscription | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly client: EventStoreDBClient) {}

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.shut();
    };
  }

  // Appends made through this store: no need to wait for the server to echo them.
  appended(): void {
    this.notify();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.shut();
  }

  private open(): void {
    if (this.closed || this.subscription || this.retryTimer) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    this.subscription = subscription;
    subscription.on('data', () => this.notify());
    // Appends made before the subscription was confirmed were not heard: wake everyone once.
    subscription.on('confirmation', () => this.notify());
    const reopen = (): void => {
      if (this.subscription !== subscription) return;
      this.subscription = null;
      if (this.closed || this.listeners.size === 0) return;
      // Whatever was appended while we were not listening is found by the readers' next read.
      this.notify();
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.listeners.size > 0) this.open();
      }, RESUBSCRIBE_DELAY_MS);
      this.retryTimer.unref();
    };
    subscription.on('error', reopen);
    subscription.on('end', reopen);
    subscription.on('close', reopen);
  }

  private async shut(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.unsubscribe().catch(() => undefined);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // One listener's failure must not starve the others of their wake-up.
      }
    }
  }
}
