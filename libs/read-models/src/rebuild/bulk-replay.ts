import type { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from '#event-store';
import type { Generation } from '../generations/generation.js';
import { SHARE_GENERATION_STATUS } from '../generations/generations.queries.js';
import type { Projection, ProjectionContext } from '../projection.js';
import { serialisedClient } from '../runner/serialised-client.js';

// The next batch of the log (or of a part of it) after the last event of the previous one (null:
// from the start); empty at its end. A part of the log comes in stream order (SlicedLogReads).
export type BatchReader = (after: RecordedEvent | null) => Promise<RecordedEvent[]>;

export type BulkReplayResult = { replayed: number; last: RecordedEvent | undefined };

// A building generation needs no durability per batch (a crash drops it); the switch's own
// synchronous commit flushes the log past every one of these batches.
const NO_COMMIT_WAIT = 'set local synchronous_commit = off';

// Batches not yet written by every projection: how far Node runs ahead of PostgreSQL.
const DEPTH = 3;

type Outcome = { error: unknown } | null;
const outcomeOf = (work: PromiseLike<unknown>): Promise<Outcome> => Promise.resolve(work).then(() => null, (error: unknown) => ({ error }));

// A connection of the bulk load and the projections writing on it. Its statements run in order,
// batch after batch, so a projection still reads what its previous batches wrote (win/loss loads
// facts).
type Lane = { projections: Projection[]; connection: PoolClient; tx: PoolClient; lastApply: Map<Projection, Promise<Outcome>> };

// Besides its lanes a rebuild holds its lock's connection throughout and needs one more, now and
// then, to read the log (and the stream of a state not in memory).
const CONNECTIONS_BESIDE_LANES = 2;

// The bulk of a rebuild: the log (or a part of it) from position 0 in large batches. Each
// projection writes on a connection of its own (a lane; projections share lanes when the pool is
// too small for one each), one short transaction per batch (a long one would hold the gap-safe log
// back for every reader), so PostgreSQL works through one projection's statements while another's
// are still being computed, rather than idling whenever Node is busy between two statements of a
// single connection. Every projection's tables are its own, so the lanes never wait on each other's
// rows; the generation's subscription starts from the checkpoint written once all lanes are done.
// Node computes a batch while PostgreSQL writes the ones before (up to DEPTH in flight) and the
// store reads the next. Projections with a `bulk` loader queue their writes and move on; the others
// apply as usual, each batch once their previous one finished. Any failure fails the rebuild: lanes
// are closed, not pooled, so what they still held open rolls back; a batch already committed stays
// in a generation that is never made live, and the next rebuild drops it (it is never resumed).
export async function bulkReplay(
  read: BatchReader,
  pool: Pool,
  generation: Generation,
  projections: readonly Projection[],
  onApplied: (events: number) => void = () => undefined,
): Promise<BulkReplayResult> {
  // Bulk loaders first: their rows are computed and queued before the others apply.
  const ordered = [...projections.filter((p) => p.bulk), ...projections.filter((p) => !p.bulk)];
  // A lane per projection if the pool has room, else projections share lanes: the lanes must
  // never take the connections the log reads need, or the rebuild would wait forever.
  const poolSize = (pool as { options?: { max?: number } }).options?.max ?? 10;
  if (poolSize < CONNECTIONS_BESIDE_LANES + 1) throw new Error(`a read-model rebuild needs a pool of at least ${CONNECTIONS_BESIDE_LANES + 1} connections, not ${poolSize}`);
  const laneCount = Math.max(1, Math.min(ordered.length, poolSize - CONNECTIONS_BESIDE_LANES));
  const lanes: Lane[] = [];
  let failed = false;
  try {
    for (let index = 0; index < laneCount; index++) {
      const connection = await pool.connect();
      const shared = ordered.filter((_, position) => position % laneCount === index);
      lanes.push({ projections: shared, connection, tx: serialisedClient(connection), lastApply: new Map() });
    }
    return await replayOnLanes(read, generation, lanes, onApplied);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    for (const { connection } of lanes) connection.release(failed ? true : undefined);
  }
}

async function replayOnLanes(read: BatchReader, generation: Generation, lanes: Lane[], onApplied: (events: number) => void): Promise<BulkReplayResult> {
  let replayed = 0;
  const inFlight: Promise<void>[] = [];

  // Queues one batch's transaction on every lane; resolves once queued, with its outcome.
  async function queueBatch(events: RecordedEvent[]): Promise<{ done: Promise<void> }> {
    const outcomes: Promise<Outcome>[] = [];
    for (const lane of lanes) outcomes.push(...(await queueOnLane(lane, events, generation)));
    const done = Promise.all(outcomes).then((results) => {
      const failure = results.find((outcome) => outcome !== null);
      if (failure) throw failure.error;
      replayed += events.length;
      onApplied(events.length);
    });
    return { done };
  }

  let last: RecordedEvent | undefined;
  let next = read(null);
  for (;;) {
    const events = await next;
    if (events.length === 0) break;
    last = events.at(-1)!;
    next = read(last);
    next.catch(() => undefined); // awaited (and its error thrown) on the next turn
    const { done: batch } = await queueBatch(events);
    batch.catch(() => undefined); // awaited in turn below
    inFlight.push(batch);
    if (inFlight.length >= DEPTH) await inFlight.shift();
  }
  for (const batch of inFlight) await batch;
  return { replayed, last };
}

// After a bulk replay: each loader writes what it held back, on a connection of its own outside
// any transaction, so each of its statements commits by itself. Tens of thousands of held rows in
// one transaction would hold the gap-safe log back for seconds (every reader of the log, the
// live projector among them, waits for the oldest open transaction); a statement of a few
// thousand rows, a fraction of a second. Nothing needs them together: a failure fails the
// rebuild, and its generation is dropped.
export async function finishLoaders(pool: Pool, projections: readonly Projection[], schema: string): Promise<void> {
  await Promise.all(projections.map(async ({ bulk }) => {
    if (!bulk?.finish) return;
    const connection = await pool.connect();
    try {
      await bulk.finish(connection, schema);
    } catch (error) {
      connection.release(true);
      throw error;
    }
    connection.release();
  }));
}

// A lane's transaction for a batch: each of its projections' writes, queued in turn. Throws if
// computing the rows failed (after queueing a rollback); otherwise returns the outcomes of what
// it queued.
async function queueOnLane(lane: Lane, events: RecordedEvent[], generation: Generation): Promise<Promise<Outcome>[]> {
  const { tx } = lane;
  const context: ProjectionContext = { tx, schema: generation.schema };
  const outcomes: Promise<Outcome>[] = [];
  const track = (work: PromiseLike<unknown>) => outcomes.push(outcomeOf(work));
  track(tx.query('begin'));
  track(tx.query(NO_COMMIT_WAIT));
  // Like every batch of a subscription: a share lock on the generation's row, and only while building.
  track(tx.query<{ status: string }>(SHARE_GENERATION_STATUS, [generation.generation]).then(({ rows }) => {
    if (rows[0]?.status !== 'building') throw new Error(`generation ${generation.generation} is no longer building`);
  }));
  try {
    for (const projection of lane.projections) {
      if (projection.bulk) {
        const { done } = await projection.bulk.write(events, context);
        track(done);
      } else {
        await lane.lastApply.get(projection);
        const applied = outcomeOf(projection.apply(events, context));
        lane.lastApply.set(projection, applied);
        outcomes.push(applied);
      }
    }
  } catch (error) {
    track(tx.query('rollback'));
    throw error;
  }
  // COMMIT of a transaction a statement failed in answers ROLLBACK rather than an error.
  const names = lane.projections.map((projection) => projection.name).join(', ');
  track(tx.query('commit').then((result) => {
    if (result.command !== 'COMMIT') throw new Error(`a batch of the bulk replay was rolled back in ${names} (${result.command})`);
  }));
  return outcomes;
}
