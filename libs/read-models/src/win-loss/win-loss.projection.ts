import type { PoolClient } from 'pg';
import { isProjectEventType, projectIdOf, toProjectEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '../projection.js';
import { BulkStateBySchema, PendingRows } from '../rebuild/pending-rows.js';
import { FactCache } from './win-loss-fact.cache.js';
import { withDerivedFigures } from './win-loss-fact.derive.js';
import { evolveFact, touchesFact } from './win-loss-fact.evolve.js';
import type { WinLossFact } from './win-loss-fact.js';
import { loadFacts, saveFacts } from './win-loss-fact.store.js';
import { contributions, RollupDelta, rollupSignature } from './win-loss-rollup.js';
import type { Contribution } from './win-loss-rollup.js';
import { addToRollup } from './win-loss-rollup.store.js';
import { createWinLossTables } from './win-loss.tables.js';

// A project's share of a batch: the stream versions it spans, and the events that change its fact.
type ProjectSlice = { firstVersion: number; lastVersion: number; events: RecordedEvent[] };

function byProject(events: readonly RecordedEvent[]): Map<string, ProjectSlice> {
  const slices = new Map<string, ProjectSlice>();
  for (const event of events) {
    const projectId = projectIdOf(event.streamId);
    if (projectId === null || !isProjectEventType(event.type)) continue;
    let slice = slices.get(projectId);
    if (!slice) slices.set(projectId, (slice = { firstVersion: event.version, lastVersion: event.version, events: [] }));
    slice.lastVersion = event.version;
    if (touchesFact(event.type)) slice.events.push(event);
  }
  return slices;
}

// bulkPendingRows: facts a rebuild's bulk load holds back (PendingRows); 0 writes every batch's.
export type WinLossProjectionOptions = { cacheSize?: number; bulkPendingRows?: number };

const FLUSH_CHUNK = 5_000;

// Set-based per batch: the facts it touches come from the cache or one read, are folded in
// memory and written back with one multi-row upsert, and the monthly rollup takes the net
// change with one more. No round trip per event or per project.
export function createWinLossProjection(options: WinLossProjectionOptions = {}): Projection {
  // Room for the open projects of a busy log: a fact takes about 1 kB; closed ones are never kept.
  const cache = new FactCache(options.cacheSize ?? 100_000);
  // A rebuild's bulk load holds changed facts back (changed in place by the fold, so a held fact
  // is always its project's latest: it is serialised when written), and adds up the rollup's
  // change batch after batch, to be added to the table once, at `finish`.
  const pendingLimit = options.bulkPendingRows ?? 50_000;
  const bulkState = new BulkStateBySchema(() => ({ facts: new PendingRows<WinLossFact>(pendingLimit), rollup: new RollupDelta() }));

  type Change = { fact: WinLossFact; takenBack: Contribution[]; signature: string };

  // The batch folded into the facts it changes, each with what it added to the rollup before.
  // `beforeRead`: called with the projects whose facts are about to be read from the table.
  async function foldBatch(events: RecordedEvent[], { tx, schema }: ProjectionContext, beforeRead?: (projectIds: string[]) => void): Promise<Change[]> {
    const slices = byProject(events);
    const known = new Map<string, WinLossFact | null>(); // null: identified in this batch, no row yet
    const toRead: string[] = [];
    for (const [projectId, slice] of slices) {
      const cached = cache.take(schema, projectId, slice.firstVersion - 1);
      if (cached || slice.firstVersion === 1) known.set(projectId, cached ?? null);
      else if (slice.events.length > 0) toRead.push(projectId);
    }
    if (toRead.length > 0) beforeRead?.(toRead);
    for (const [projectId, fact] of await loadFacts(tx, schema, toRead)) known.set(projectId, fact);

    const changed: Change[] = [];
    for (const [projectId, start] of known) {
      const slice = slices.get(projectId)!;
      const versionBefore = start?.lastVersion ?? 0;
      // Taken now: the fold changes the fact in place.
      const signature = rollupSignature(start);
      const takenBack = contributions(start);
      let fact = start;
      for (const event of slice.events) fact = evolveFact(fact, projectId, toProjectEvent(event), event.version);
      if (fact === null) continue;
      if (fact.lastVersion > versionBefore) changed.push({ fact: withDerivedFigures(fact), takenBack, signature });
      if (fact.lastVersion <= slice.lastVersion) cache.put(schema, projectId, slice.lastVersion, fact);
    }
    return changed;
  }

  function rollupDelta(changes: readonly Change[], delta = new RollupDelta()): RollupDelta {
    for (const { fact, takenBack, signature } of changes) {
      if (rollupSignature(fact) === signature) continue;
      delta.add(takenBack, -1);
      delta.add(contributions(fact), 1);
    }
    return delta;
  }

  async function apply(events: RecordedEvent[], context: ProjectionContext): Promise<void> {
    const changed = await foldBatch(events, context);
    const written = await saveFacts(context.tx, context.schema, changed.map(({ fact }) => fact));
    // Only rows really written move the rollup: a row already newer (a batch applied again) does not.
    await addToRollup(context.tx, context.schema, rollupDelta(changed.filter(({ fact }) => written.has(fact.projectId))).changes());
  }

  // Writes facts in one upsert per chunk; a row not written (never expected here) fails the rebuild.
  // Held facts change in place as later batches fold: this relies on saveFacts serialising its
  // rows when called, not when the lane gets to the statement.
  function saveAll(tx: PoolClient, schema: string, facts: readonly WinLossFact[]): Promise<void>[] {
    const saves: Promise<void>[] = [];
    for (let start = 0; start < facts.length; start += FLUSH_CHUNK) {
      const chunk = facts.slice(start, start + FLUSH_CHUNK);
      saves.push(saveFacts(tx, schema, chunk).then((written) => {
        if (written.size !== chunk.length) throw new Error(`win/loss bulk load: ${chunk.length - written.size} fact rows were not written`);
      }));
    }
    return saves;
  }

  // A rebuild's bulk load applies each batch once, in order, to a fresh generation: every
  // statement is queued at once. Changed facts are held back (PendingRows) and written when
  // pushed out, at `finish`, or before the table is read for them (a fact evicted from the cache
  // but not yet written); the rollup's change is added up here and written at `finish`.
  async function write(events: RecordedEvent[], context: ProjectionContext): Promise<{ done: Promise<void> }> {
    const { tx, schema } = context;
    const { facts: pending, rollup } = bulkState.of(schema);
    const writes: Promise<void>[] = [];
    let changed: Change[];
    try {
      changed = await foldBatch(events, context, (projectIds) => writes.push(...saveAll(tx, schema, pending.take(projectIds))));
    } catch (error) {
      // The rebuild fails with this error; the saves queued before it fail with the transaction.
      for (const queued of writes) queued.catch(() => undefined);
      throw error;
    }
    rollupDelta(changed, rollup);
    writes.push(...saveAll(tx, schema, pending.set(changed.map(({ fact }) => [fact.projectId, fact] as const))));
    return { done: Promise.all(writes).then(() => undefined) };
  }

  return {
    name: 'win_loss',
    createTables: (tx: PoolClient, schema: string) => createWinLossTables(tx, schema),
    apply,
    bulk: {
      async begin() {
        bulkState.begin();
      },
      write,
      async finish(connection, schema) {
        const { facts, rollup } = bulkState.end(schema);
        const held = facts.drain();
        // One statement at a time (a plain client, not the bulk load's serialised one), each its own transaction.
        for (let start = 0; start < held.length; start += FLUSH_CHUNK) await Promise.all(saveAll(connection, schema, held.slice(start, start + FLUSH_CHUNK)));
        // The part's whole change to the rollup, in one statement: added exactly once.
        await addToRollup(connection, schema, rollup.changes());
      },
    },
  };
}

export const winLossProjection: Projection = createWinLossProjection();
