import type { Pool } from 'pg';
import type { EventStore, RecordedEvent } from '#event-store';
import { subscriptionNameOf, type Generation } from '../generations/generation.js';
import { SHARE_GENERATION_STATUS } from '../generations/generations.queries.js';
import type { Projection, ProjectionContext } from '../projection.js';
import { serialisedClient } from '../runner/serialised-client.js';

// Where the building generation's subscription takes over. Written with each batch, so rows and
// position commit together; the subscription (which creates its row with `on conflict do
// nothing`) then starts from here. Table: migrations/0002_subscriptions.sql.
const SEED_CHECKPOINT = `
  insert into subscription_checkpoints (name, checkpoint, global_position) values ($1, $2, $3)
  on conflict (name) do update set checkpoint = excluded.checkpoint, global_position = excluded.global_position, updated_at = now()`;

// A building generation needs no durability per batch (a crash drops it); the switch's own
// synchronous commit flushes the log past every one of these batches.
const NO_COMMIT_WAIT = 'set local synchronous_commit = off';

// Batches queued on the connection at once (the one executing and the ones computed after it).
const DEPTH = 3;

type Outcome = { error: unknown } | null;
const outcomeOf = (work: PromiseLike<unknown>): Promise<Outcome> => Promise.resolve(work).then(() => null, (error: unknown) => ({ error }));

// The bulk of a rebuild: the log from position 0 in large batches, each committed on its own
// and short (a long transaction would hold the gap-safe log back for every reader) with the
// checkpoint the subscription takes over from. Pipelined on one connection: while PostgreSQL
// executes batch N's statements, Node computes the next batches' rows (up to DEPTH - 1 ahead) and
// queues them behind N's commit, while the store reads the batch after. Projections with a
// `bulk` loader queue their writes and move on; the others apply as usual, each batch only once
// their previous one finished (their apply may read what it wrote). Any failure fails the
// rebuild (a batch queued behind the failed one may still commit: the generation is never made
// live, and the next rebuild drops the generation it left building; it is never resumed).
export async function bulkReplay(
  store: EventStore,
  pool: Pool,
  generation: Generation,
  projections: readonly Projection[],
  batchSize: number,
  onApplied: (events: number) => void = () => undefined,
): Promise<number> {
  const subscription = subscriptionNameOf(generation.generation);
  const connection = await pool.connect();
  const tx = serialisedClient(connection);
  const context: ProjectionContext = { tx, schema: generation.schema };
  // Bulk loaders first: their rows are computed while the previous batch still executes.
  const ordered = [...projections.filter((p) => p.bulk), ...projections.filter((p) => !p.bulk)];
  const lastApply = new Map<Projection, Promise<Outcome>>();
  let replayed = 0;
  const inFlight: Promise<void>[] = [];
  let failed = false;

  // Queues one batch's transaction; resolves once queued, with its outcome (rejected on failure).
  async function queueBatch(events: RecordedEvent[]): Promise<{ done: Promise<void> }> {
    const last = events.at(-1)!;
    const outcomes: Promise<Outcome>[] = [];
    const track = (work: PromiseLike<unknown>) => outcomes.push(outcomeOf(work));
    track(tx.query('begin'));
    track(tx.query(NO_COMMIT_WAIT));
    // Like every batch of a subscription: a share lock on the generation's row, and only while building.
    track(tx.query<{ status: string }>(SHARE_GENERATION_STATUS, [generation.generation]).then(({ rows }) => {
      if (rows[0]?.status !== 'building') throw new Error(`generation ${generation.generation} is no longer building`);
    }));
    let computeError: Outcome = null;
    for (const projection of ordered) {
      try {
        if (projection.bulk) {
          const { done } = await projection.bulk.write(events, context);
          track(done);
        } else {
          await lastApply.get(projection);
          const applied = outcomeOf(projection.apply(events, context));
          lastApply.set(projection, applied);
          outcomes.push(applied);
        }
      } catch (error) {
        computeError = { error };
        break;
      }
    }
    if (computeError) {
      track(tx.query('rollback'));
      throw computeError.error;
    }
    track(tx.query(SEED_CHECKPOINT, [subscription, last.checkpoint, last.globalPosition]));
    // COMMIT of a transaction a statement failed in answers ROLLBACK rather than an error.
    const committed = outcomeOf(tx.query('commit').then((result) => {
      if (result.command !== 'COMMIT') throw new Error(`a batch of the bulk replay was rolled back (${result.command})`);
    }));
    const done = Promise.all([...outcomes, committed]).then((results) => {
      const failure = results.find((outcome) => outcome !== null);
      if (failure) throw failure.error;
      replayed += events.length;
      onApplied(events.length);
    });
    return { done };
  }

  try {
    let next = store.readAll(null, batchSize);
    for (;;) {
      const { events } = await next;
      if (events.length === 0) break;
      next = store.readAll(events.at(-1)!.checkpoint, batchSize);
      next.catch(() => undefined); // awaited (and its error thrown) on the next turn
      const { done: batch } = await queueBatch(events);
      batch.catch(() => undefined); // awaited in turn below
      inFlight.push(batch);
      // At most DEPTH batches queued on the connection: Node runs ahead of PostgreSQL by that much.
      if (inFlight.length >= DEPTH) await inFlight.shift();
    }
    for (const batch of inFlight) await batch;
    return replayed;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failure the connection is closed, not pooled: a batch still queued behind the
    // failed one must not commit, and its open transaction ends with the connection.
    connection.release(failed ? true : undefined);
  }
}
