import type { Pool } from 'pg';
import type { EventStore } from '#event-store';
import { subscriptionNameOf, type Generation } from '../generations/generation.js';
import { lockGenerations, MAKE_LIVE, readLiveGeneration, RETIRE_LIVE } from '../generations/generations.queries.js';
import { inTransaction } from '../generations/transaction.js';

// Locks both checkpoints (in name order, as every batch locks its own first): the live
// projector's batch in flight finishes, the next one waits for this switch and then finds
// its generation retired.
const LOCK_CHECKPOINTS = `
  select name, checkpoint from subscription_checkpoints where name = any($1::text[]) order by name for update`;

export type SwitchOutcome = { switched: true; previous: Generation | null } | { switched: false };

// Makes `building` live in one transaction, if it has applied everything the live generation
// has; otherwise changes nothing (the caller catches up and tries again).
export async function switchLive(store: EventStore, pool: Pool, building: Generation): Promise<SwitchOutcome> {
  return inTransaction(pool, async (tx) => {
    await lockGenerations(tx);
    const live = await readLiveGeneration(tx);
    const names = [subscriptionNameOf(building.generation), ...(live ? [subscriptionNameOf(live.generation)] : [])];
    const { rows } = await tx.query<{ name: string; checkpoint: string | null }>(LOCK_CHECKPOINTS, [names]);
    const checkpointOf = (name: string) => rows.find((row) => row.name === name)?.checkpoint ?? null;
    const liveCheckpoint = live ? checkpointOf(subscriptionNameOf(live.generation)) : null;
    if (liveCheckpoint !== null && !store.isReached(liveCheckpoint, checkpointOf(subscriptionNameOf(building.generation)))) {
      return { switched: false };
    }
    await tx.query(RETIRE_LIVE);
    const made = await tx.query(MAKE_LIVE, [building.generation]);
    if (made.rowCount !== 1) throw new Error(`generation ${building.generation} is no longer building`);
    return { switched: true, previous: live };
  });
}
