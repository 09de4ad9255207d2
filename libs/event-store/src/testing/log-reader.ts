import type { EventStore, LogCheckpoint, RecordedEvent } from '../event-store.port.js';

// Reads the global log in small batches until `done` holds for what was read (the log may be
// held back for a while by any transaction still open on the server), failing on a deadline.
export async function readLogUntil(
  store: EventStore,
  after: LogCheckpoint | null,
  done: (events: RecordedEvent[]) => boolean,
  { batchSize = 3, timeoutMs = 15_000 }: { batchSize?: number; timeoutMs?: number } = {},
): Promise<{ events: RecordedEvent[]; checkpoint: LogCheckpoint | null }> {
  const deadline = Date.now() + timeoutMs;
  const events: RecordedEvent[] = [];
  let checkpoint = after;
  while (!done(events)) {
    const batch = await store.readAll(checkpoint, batchSize);
    if (batch.events.length > batchSize) throw new Error(`readAll returned ${batch.events.length} events for a limit of ${batchSize}`);
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
    if (batch.events.length > 0) continue;
    if (Date.now() > deadline) throw new Error(`log read timed out after ${events.length} events`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { events, checkpoint };
}

export const hasAll = (eventIds: string[]) => (events: RecordedEvent[]) => {
  const seen = new Set(events.map((event) => event.eventId));
  return eventIds.every((id) => seen.has(id));
};
