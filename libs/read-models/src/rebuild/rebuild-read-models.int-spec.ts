import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type LogSlice } from '#event-store';
import { createPool } from '#database';
import { createTestDatabase, type TestDatabase } from '#testing';
import { dayAt } from '../../../domain/src/testing/index.js';
import { createGeneration } from '../generations/generation-schema.js';
import { lockGenerations, readLiveGeneration } from '../generations/generations.queries.js';
import { inTransaction } from '../generations/transaction.js';
import type { Projection } from '../projection.js';
import { allProjections } from '../registry.js';
import { auditTrailProjection } from '../audit-trail/audit-trail.projection.js';
import { ProjectFolds } from '../folding/project-folds.js';
import { projectsListProjection } from '../projects-list/projects-list.projection.js';
import { createWinLossProjection } from '../win-loss/win-loss.projection.js';
import { ProjectorRunner } from '../runner/projector-runner.js';
import { eventually } from '../testing/eventually.js';
import { appendHistory, command, historyFor, runCommand, storedEventCount, toNewEvents } from '../testing/read-model-fixtures.js';
import { applyAll } from '../testing/apply-all.js';
import { schemaDigest, schemaTables } from '../testing/schema-digest.js';
import { rebuildReadModels } from './rebuild-read-models.js';
import { openTransaction } from '../../../event-store/src/postgres/testing/raw-append.js';
import { partsThatFit } from './parallel-bulk.js';
import { PART_POOL_SIZE } from './rebuild-part.js';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const STAGES = ['search', 'preparation', 'quotation', 'negotiation', 'implementation', 'transition', 'closed'] as const;

describe('rebuildReadModels', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const tables = (schema: string) => schemaTables(db.pool, schema);
  const digest = (schema: string) => schemaDigest(db.pool, schema);
  // Every index (the ones a bulk load defers included), its definition without the schema name.
  const indexes = async (schema: string) =>
    (await db.pool.query<{ definition: string }>(`select replace(indexdef, $1, 'rm.') as definition from pg_indexes where schemaname = $2 order by indexname`, [`${schema}.`, schema])).rows.map(
      (row) => row.definition,
    );
  const schemaExists = async (schema: string) => (await db.pool.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount === 1;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    for (const [index, stage] of [...STAGES, ...STAGES].entries()) {
      const id = randomUUID();
      // Text COPY's special characters (tab, newline, carriage return, backslash) in names, reasons and actors.
      const odd = index % 3 === 0 ? { name: `Crane\tretrofit \\ "berths"\r\n3-5 #${index}` } : {};
      await appendHistory(store, id, historyFor(id, stage, { segment: index % 2 ? 'ports' : 'hvac', ...odd }));
      if (stage === 'negotiation') {
        const ending = index % 2 ? command('RecordLoss', {}, dayAt(40)) : command('WithdrawProject', { reason: 'no\tcapacity\nthis year \\N' }, dayAt(40));
        await runCommand(store, id, ending, { actor: 'erp\\sap\tbatch' });
      }
      if (stage === 'implementation') await runCommand(store, id, command('AmendContract', {}, dayAt(40)));
    }
    // Generation 1, built incrementally with small batches by the live runner.
    const runner = new ProjectorRunner(store, db.pool, allProjections({ store }), { batchSize: 5, logger: quiet });
    await runner.start();
    const stored = await storedEventCount(db.pool);
    await eventually(async () => Number((await db.pool.query('select count(*) from rm_g1.audit_trail')).rows[0].count), (n) => n >= stored);
    await runner.stop();
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('builds the same rows from position 0 in large batches and switches live to them', async () => {
    const result = await rebuildReadModels(store, db.pool, allProjections({ store }), { batchSize: 1000, dropAfterMs: -1, logger: quiet });
    expect(result).toMatchObject({ generation: { generation: 2, schema: 'rm_g2', status: 'live' }, previous: { generation: 1 } });
    expect(result.eventsApplied).toBe(await storedEventCount(db.pool));
    expect((await readLiveGeneration(db.pool))?.generation).toBe(2);
    expect(await tables('rm_g2')).toEqual(await tables('rm_g1'));
    expect(await digest('rm_g2')).toEqual(await digest('rm_g1'));
    expect(await indexes('rm_g2')).toEqual(await indexes('rm_g1'));
    const trigram = (await db.pool.query(`select 1 from pg_extension where extname = 'pg_trgm'`)).rowCount === 1;
    const deferred = [/projects_identified_idx ON rm.projects/, ...(trigram ? [/projects_search_idx ON rm.projects USING gin/] : [])];
    expect(await indexes('rm_g2')).toEqual(expect.arrayContaining(deferred.map((pattern) => expect.stringMatching(pattern))));
    const { rows } = await db.pool.query('select generation, status, live_at is not null as was_live, retired_at is not null as retired from read_model_generations order by 1');
    expect(rows).toEqual([
      { generation: 1, status: 'retired', was_live: true, retired: true },
      { generation: 2, status: 'live', was_live: true, retired: false },
    ]);
  });

  it('runs one rebuild at a time', async () => {
    const both = await Promise.allSettled([0, 1].map(() => rebuildReadModels(store, db.pool, allProjections({ store }), { dropAfterMs: 0, logger: quiet })));
    expect(both.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(both.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: new Error('another read-model rebuild is running') });
    // The winner dropped the generation it replaced; the one retired before it went at its start.
    expect(await schemaExists('rm_g1')).toBe(false);
    expect(await schemaExists('rm_g2')).toBe(false);
    expect((await readLiveGeneration(db.pool))?.generation).toBe(3);
  });

  it('drops a generation left building by a rebuild that died', async () => {
    const abandoned = await inTransaction(db.pool, async (tx) => {
      await lockGenerations(tx);
      return createGeneration(tx, 'building', allProjections({ store }));
    });
    expect(await schemaExists(abandoned.schema)).toBe(true);
    const result = await rebuildReadModels(store, db.pool, allProjections({ store }), { dropAfterMs: 0, logger: quiet });
    expect(await schemaExists(abandoned.schema)).toBe(false);
    expect(result.generation.generation).toBe(abandoned.generation + 1);
    const { rows } = await db.pool.query('select status, dropped_at is not null as dropped from read_model_generations where generation = $1', [abandoned.generation]);
    expect(rows[0]).toEqual({ status: 'retired', dropped: true });
  });

  it('fails as a whole when one projection fails mid-way in the bulk load, and the live generation keeps serving', async () => {
    const live = (await readLiveGeneration(db.pool))!;
    let batches = 0;
    // Writes on its own lane; its second batch repeats a key, after other lanes have committed batches.
    const failing: Projection = {
      name: 'failing',
      createTables: async (tx, schema) => void (await tx.query(`create table if not exists ${schema}.failing (n integer primary key)`)),
      apply: async () => undefined,
      bulk: {
        async write(_events, { tx, schema }) {
          batches += 1;
          return { done: tx.query(`insert into ${schema}.failing values ($1)`, [batches === 2 ? 1 : batches]).then(() => undefined) };
        },
      },
    };
    await expect(rebuildReadModels(store, db.pool, [...allProjections({ store }), failing], { batchSize: 10, dropAfterMs: 0, logger: quiet })).rejects.toThrow(
      /duplicate key/,
    );
    expect((await readLiveGeneration(db.pool))?.generation).toBe(live.generation);
    expect(await schemaExists(live.schema)).toBe(true);
    // Nothing was left holding the pool or the lock: the next rebuild drops what the failed one built, and goes live.
    const result = await rebuildReadModels(store, db.pool, allProjections({ store }), { dropAfterMs: -1, logger: quiet });
    expect(result.generation.generation).toBe(live.generation + 2);
    expect(await schemaExists(`rm_g${live.generation + 1}`)).toBe(false);
    expect(await digest(result.generation.schema)).toEqual(await digest(live.schema));
  });

  it('lets each loader write what it held back outside any transaction, so no long one holds the log back', async () => {
    const seen: (string | null)[] = [];
    const probe: Projection = {
      name: 'finish-probe',
      createTables: async (tx, schema) => void (await tx.query(`create table if not exists ${schema}.finish_probe (n integer)`)),
      apply: async () => undefined,
      bulk: {
        write: async () => ({ done: Promise.resolve() }),
        async finish(connection, schema) {
          await connection.query(`insert into ${schema}.finish_probe values (1)`); // takes a transaction id
          const { rows } = await connection.query<{ xid: string | null }>('select pg_current_xact_id_if_assigned()::text as xid');
          seen.push(rows[0]!.xid); // null: the insert's transaction has already committed
        },
      },
    };
    const result = await rebuildReadModels(store, db.pool, [...allProjections({ store }), probe], { dropAfterMs: 0, logger: quiet });
    expect(seen).toEqual([null]);
    expect((await db.pool.query(`select count(*)::int as n from ${result.generation.schema}.finish_probe`)).rows[0].n).toBe(1);
    await rebuildReadModels(store, db.pool, allProjections({ store }), { dropAfterMs: 0, logger: quiet }); // the registry's read models live again
  });

  it('shares lanes on a small pool rather than waiting forever for a connection, and refuses one too small', async () => {
    const expected = await digest((await readLiveGeneration(db.pool))!.schema);
    for (const max of [3, 4]) {
      const small = createPool({ connectionString: db.url, max, applicationName: 'bidledger-test-small' });
      try {
        const smallStore = new PostgresEventStore(small);
        const result = await rebuildReadModels(smallStore, small, allProjections({ store: smallStore }), { batchSize: 7, dropAfterMs: 0, logger: quiet }).finally(
          () => smallStore.close(),
        );
        expect(await digest(result.generation.schema)).toEqual(expected);
      } finally {
        await small.end().catch(() => undefined);
      }
    }
    const tiny = createPool({ connectionString: db.url, max: 2, applicationName: 'bidledger-test-tiny' });
    try {
      await expect(rebuildReadModels(new PostgresEventStore(tiny), tiny, allProjections({ store }), { dropAfterMs: 0, logger: quiet })).rejects.toThrow(
        /needs a pool of at least 3 connections/,
      );
    } finally {
      await tiny.end().catch(() => undefined);
    }
  });

  it('builds the rows batch-by-batch apply builds however many project rows the bulk load holds back, with projects interleaved in the log', async () => {
    // Projects whose events alternate in the log: a row pushed out is changed again later, and a
    // fact pushed out is read back from the table when the cache does not hold it.
    const ids = Array.from({ length: 6 }, () => randomUUID());
    const histories = ids.map((id, n) => historyFor(id, (['implementation', 'negotiation', 'closed', 'quotation'] as const)[n % 4]));
    for (let version = 0; version < Math.max(...histories.map((history) => history.length)); version++) {
      for (const [n, id] of ids.entries()) {
        const event = histories[n]![version];
        if (event) await store.append(`project-${id}`, toNewEvents([event]), version === 0 ? 'no_stream' : version);
      }
    }
    await applyAll(store, db.pool, allProjections({ store }), 'rm_reference', await storedEventCount(db.pool), 5);
    const expected = await digest('rm_reference');
    for (const bulkPendingRows of [0, 1, 3]) {
      const result = await rebuildReadModels(store, db.pool, allProjections({ store, bulkPendingRows }), { batchSize: 7, dropAfterMs: 0, logger: quiet });
      expect(await digest(result.generation.schema)).toEqual(expected);
    }
    // No fact cache: every project not new to a batch has its fact read from the table, so the
    // facts held back for it must be written first.
    for (const bulkPendingRows of [1, 1_000]) {
      const folds = new ProjectFolds(store);
      const uncached = [projectsListProjection(folds, { bulkPendingRows }), auditTrailProjection(folds), createWinLossProjection({ cacheSize: 0, bulkPendingRows })];
      const result = await rebuildReadModels(store, db.pool, uncached, { batchSize: 7, dropAfterMs: 0, logger: quiet });
      expect(await digest(result.generation.schema)).toEqual(expected);
    }
  });

  describe('split into parts by stream (a parallel bulk load, its parts side by side on this thread)', () => {
    const inParts = (parts: number, extra: Record<string, unknown> = {}) => ({ parts, connectionString: db.url, runIn: 'this-thread' as const, ...extra });

    it('builds the rows batch-by-batch apply builds, whatever the number of parts and rows held back', async () => {
      await applyAll(store, db.pool, allProjections({ store }), 'rm_reference_parts', await storedEventCount(db.pool), 5);
      const expected = await digest('rm_reference_parts');
      for (const [parts, bulkPendingRows] of [[2, undefined], [3, 1], [5, 0]] as const) {
        const result = await rebuildReadModels(store, db.pool, allProjections({ store }), {
          batchSize: 7,
          dropAfterMs: 0,
          logger: quiet,
          parallel: inParts(parts, { bulkPendingRows }),
        });
        expect(result.parts).toHaveLength(parts);
        expect(result.parts.filter((part) => part.replayed > 0).length).toBeGreaterThan(1); // the streams really were spread
        expect(result.parts.reduce((sum, part) => sum + part.replayed, 0)).toBe(await storedEventCount(db.pool));
        expect(await digest(result.generation.schema)).toEqual(expected);
        expect(await indexes(result.generation.schema)).toEqual(await indexes('rm_reference_parts'));
      }
    });

    it('stops the parts at the head of the log, and the subscription applies what a slow transaction commits after it', async () => {
      const id = randomUUID();
      const slow = await openTransaction(db.url);
      await slow.append(`project-${id}`, toNewEvents(historyFor(id, 'quotation')));
      const before = await storedEventCount(db.pool);
      // Commits right after the parts' head was read: its events are past it, whatever the timing.
      let committed: Promise<void> | undefined;
      const racing = new (class extends PostgresEventStore {
        override async head() {
          const head = await super.head();
          committed ??= slow.commit();
          await committed;
          return head;
        }
      })(db.pool);
      const result = await rebuildReadModels(racing, db.pool, allProjections({ store: racing }), { batchSize: 50, dropAfterMs: 0, logger: quiet, parallel: inParts(2) }).finally(
        () => racing.close(), // its subscription listened for appends
      );
      expect(committed).toBeDefined();
      const total = await storedEventCount(db.pool);
      expect(total).toBeGreaterThan(before);
      expect(result.parts.reduce((sum, part) => sum + part.replayed, 0)).toBe(before);
      expect(result.eventsApplied).toBe(total);
      const { rows } = await db.pool.query(`select count(*)::int as n from ${result.generation.schema}.audit_trail where project_id = $1`, [id]);
      expect(rows[0].n).toBe(total - before);
      await applyAll(store, db.pool, allProjections({ store }), 'rm_reference_slow', total, 50);
      expect(await digest(result.generation.schema)).toEqual(await digest('rm_reference_slow'));
    });

    it('asks for no more parts than the server has free connections for, a quarter of them left spare', async () => {
      const { rows } = await db.pool.query<{ max: number; used: number }>(
        `select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int as max,
                (select count(*)::int from pg_stat_activity where backend_type = 'client backend') as used`,
      );
      const free = rows[0]!.max - rows[0]!.used;
      const many = await partsThatFit(db.pool, 10_000);
      expect(many).toBeGreaterThanOrEqual(1);
      expect(many).toBeLessThan(10_000);
      if (many > 1) expect(many * PART_POOL_SIZE).toBeLessThanOrEqual(free - Math.max(10, Math.ceil(free / 4)) + PART_POOL_SIZE); // others may have closed since
      expect(await partsThatFit(db.pool, 1)).toBe(1);
    });

    it('fails as a whole when a part fails, without a word of the connection string, and the live generation keeps serving', async () => {
      const live = (await readLiveGeneration(db.pool))!;
      const url = new URL(db.url);
      url.username = 'bidledger_no_such_role';
      url.password = 'secret-in-the-url';
      const failed = rebuildReadModels(store, db.pool, allProjections({ store }), { dropAfterMs: 0, logger: quiet, parallel: inParts(2, { connectionString: url.toString() }) });
      await expect(failed).rejects.toThrow(/bidledger_no_such_role/);
      await expect(failed).rejects.not.toThrow(/secret-in-the-url/);
      expect((await readLiveGeneration(db.pool))?.generation).toBe(live.generation);
      // Only the registry's read models can be split (each part builds its own): refused before anything is built.
      const extra: Projection = { name: 'extra', createTables: async () => undefined, apply: async () => undefined };
      await expect(rebuildReadModels(store, db.pool, [...allProjections({ store }), extra], { dropAfterMs: 0, logger: quiet, parallel: inParts(2) })).rejects.toThrow(
        /runs the registry's projections/,
      );
      const expected = await digest(live.schema);
      const result = await rebuildReadModels(store, db.pool, allProjections({ store }), { dropAfterMs: -1, logger: quiet, parallel: inParts(2) });
      expect(result.generation.generation).toBe(live.generation + 2);
      expect(await digest(result.generation.schema)).toEqual(expected);
    });

    it('fails, and leaves the live generation serving, when the parts did not read exactly the log up to the head', async () => {
      const live = (await readLiveGeneration(db.pool))!;
      // Slices that repeat one (events read twice) or leave one out (events never read): what an
      // index out of step with its collation could do to range scans.
      // A repeated slice trips the projections' own guards first (a fact or an audit row written
      // twice); a slice left out, only the count.
      const skews: [(slices: LogSlice[]) => LogSlice[], RegExp][] = [
        [(slices) => [...slices, slices[0]!], /./],
        [(slices) => slices.slice(1), /missed or repeated events/],
      ];
      for (const [skew, failure] of skews) {
        const skewed = new (class extends PostgresEventStore {
          override async sliceLog(upTo: string, parts: number) {
            return skew(await super.sliceLog(upTo, parts));
          }
        })(db.pool);
        await expect(rebuildReadModels(skewed, db.pool, allProjections({ store: skewed }), { batchSize: 50, dropAfterMs: 0, logger: quiet, parallel: inParts(2) })).rejects.toThrow(failure);
        await skewed.close();
        expect((await readLiveGeneration(db.pool))?.generation).toBe(live.generation);
      }
    });
  });
});
