import type { Pool } from 'pg';
import { readSubscriptionCheckpoint, type EventStore } from '#event-store';

export type ProjectionLag = {
  subscription: string;
  appliedPosition: number; // global position of the last applied event
  headPosition: number;
  events: number; // events not yet applied (exact up to EXACT_UP_TO, else estimated from positions)
  seconds: number; // age of the oldest event not yet applied
};

const EXACT_UP_TO = 1_000;

// How far a subscription is behind the head of the log.
export async function projectionLag(store: EventStore, pool: Pool, subscription: string, now = Date.now()): Promise<ProjectionLag> {
  const [head, stored] = await Promise.all([store.head(), readSubscriptionCheckpoint(pool, subscription)]);
  const applied = stored?.checkpoint ?? null;
  const base = { subscription, appliedPosition: stored?.globalPosition ?? 0, headPosition: head.globalPosition };
  if (head.checkpoint === null || (applied !== null && store.isReached(head.checkpoint, applied))) {
    return { ...base, events: 0, seconds: 0 };
  }
  const { events } = await store.readAll(applied, EXACT_UP_TO);
  const oldest = events[0];
  return {
    ...base,
    events: events.length < EXACT_UP_TO ? events.length : Math.max(EXACT_UP_TO, head.globalPosition - base.appliedPosition),
    seconds: oldest ? Math.max(0, (now - Date.parse(oldest.recordedAt)) / 1000) : 0,
  };
}
