import type { Pool } from 'pg';
import { readSubscriptionCheckpoint, type EventStore, type LogCheckpoint } from '#event-store';

export type PositionWait = { reached: boolean; appliedPosition: number };

const POLL_MS = 20;
const MAX_POLL_MS = 200;

// Read-your-writes: waits (at most maxWaitMs) until the subscription has applied the event at
// `position`. Compared through the store's checkpoints, never by position alone: the log's
// order is the store's to define.
export async function waitForPosition(
  store: EventStore,
  pool: Pool,
  subscription: string,
  position: number,
  maxWaitMs: number,
): Promise<PositionWait> {
  const deadline = Date.now() + maxWaitMs;
  let target: LogCheckpoint | null = null;
  for (let poll = POLL_MS; ; poll = Math.min(poll * 2, MAX_POLL_MS)) {
    target ??= position > 0 ? await store.checkpointOf(position) : null;
    const stored = await readSubscriptionCheckpoint(pool, subscription);
    const appliedPosition = stored?.globalPosition ?? 0;
    if (position <= 0 || (target !== null && store.isReached(target, stored?.checkpoint ?? null))) return { reached: true, appliedPosition };
    const left = deadline - Date.now();
    if (left <= 0) return { reached: false, appliedPosition };
    await new Promise((resolve) => setTimeout(resolve, Math.min(poll, left)));
  }
}
