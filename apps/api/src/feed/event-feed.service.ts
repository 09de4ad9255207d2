import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type LogCheckpoint, type RecordedEvent } from '#event-store';
import { ProblemException } from '#http-problems';

export type FeedPage = { items: FeedEvent[]; nextAfter: string | null };
export type FeedEvent = Omit<RecordedEvent, 'checkpoint'> & { cursor: string };

const SCAN_BATCH = 500;

// The global log for ERP systems, gap-safe because the store's readAll is. Cursors are the store's
// checkpoints; a bare global position (what clients see on events) is translated to one.
@Injectable()
export class EventFeedService {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async resolveAfter(after: string | undefined): Promise<LogCheckpoint | null> {
    if (after === undefined || after === '' || after === '0') return null;
    if (!/^\d{1,15}$/.test(after)) return after; // an opaque cursor handed out earlier
    const checkpoint = await this.store.checkpointOf(Number(after));
    if (checkpoint === null) {
      throw new ProblemException(400, 'UNKNOWN_POSITION', 'Unknown position', `No event is stored at global position ${after}`);
    }
    return checkpoint;
  }

  // Up to `limit` events after the cursor, of the given types; waits up to `waitMs` when caught up.
  async page(after: LogCheckpoint | null, limit: number, types: Set<string> | null, waitMs: number): Promise<FeedPage> {
    const deadline = Date.now() + waitMs;
    let cursor = after;
    for (;;) {
      const items: FeedEvent[] = [];
      let caughtUp = false;
      while (items.length < limit && !caughtUp) {
        const batch = await this.store.readAll(cursor, Math.min(SCAN_BATCH, Math.max(limit, 50)));
        caughtUp = batch.events.length === 0;
        for (const event of batch.events) {
          cursor = event.checkpoint;
          if (!types || types.has(event.type)) items.push(toFeedEvent(event));
          if (items.length === limit) break;
        }
      }
      if (items.length > 0 || Date.now() >= deadline) return { items, nextAfter: cursor };
      await this.waitForAppend(deadline - Date.now());
    }
  }

  waitForAppend(ms: number): Promise<void> {
    return new Promise((resolve) => {
      // Polling backs up the wake-up: a lost notification only delays, never stalls.
      const timer = setTimeout(done, Math.min(ms, 1000));
      const unsubscribe = this.store.onAppended(done);
      function done() {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }
}

function toFeedEvent({ checkpoint, ...event }: RecordedEvent): FeedEvent {
  return { ...event, cursor: checkpoint };
}
