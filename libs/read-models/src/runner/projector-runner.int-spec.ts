import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '#event-store';
import { createTestDatabase, type TestDatabase } from '#testing';
import { readLiveGeneration } from '../generations/generations.queries.js';
import { rebuildReadModels } from '../rebuild/rebuild-read-models.js';
import { allProjections } from '../registry.js';
import { countingProjection } from '../testing/counting-projection.js';
import { eventually } from '../testing/eventually.js';
import { appendHistory, historyFor, storedEventCount } from '../testing/read-model-fixtures.js';
import { ProjectorRunner } from './projector-runner.js';
import { projectionLag } from './projection-lag.js';
import { waitForPosition } from './read-position.js';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('ProjectorRunner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const runner = (name: string, batchSize = 7) =>
    new ProjectorRunner(store, db.pool, [countingProjection(name), ...allProjections({ store })], { batchSize, pollIntervalMs: 50, generationCheckMs: 100, logger: quiet });
  const appendProjects = (count: number) =>
    Promise.all(Array.from({ length: count }, () => {
      const id = randomUUID();
      return appendHistory(store, id, historyFor(id, 'negotiation'));
    }));
  const totalEvents = () => storedEventCount(db.pool);
  const count = async (table: string) => Number((await db.pool.query(`select count(*) from ${table}`)).rows[0].count);
  // Until the projections have applied everything stored (readable can lag on a busy server).
  const settled = async (table: string) => {
    const total = await totalEvents();
    return eventually(() => count(table), (n) => n >= total);
  };

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 20 });
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('two runners started at once apply every event exactly once, and one takes over when the other stops', async () => {
    const a = runner('a');
    const b = runner('b');
    await Promise.all([a.start(), b.start()]);
    await Promise.all([appendProjects(12), appendProjects(12)]);
    await settled('rm_g1.audit_trail');
    await a.stop();
    await appendProjects(10);
    await settled('rm_g1.audit_trail');
    await b.stop();
    const { rows } = await db.pool.query('select global_position, count(*)::int as times from rm_g1.applied_events group by 1 having count(*) > 1');
    expect(rows).toEqual([]);
    const applied = await db.pool.query('select count(*)::int as n, count(distinct runner)::int as runners from rm_g1.applied_events');
    expect(applied.rows[0].n).toBe(await totalEvents());
    const audit = await db.pool.query('select count(*)::int as n from rm_g1.audit_trail');
    expect(audit.rows[0].n).toBe(await totalEvents());
    expect((await db.pool.query('select count(*)::int as n from rm_g1.projects')).rows[0].n).toBe(34);
  });

  it('reports lag, and waits for a position until it is applied', async () => {
    const appended = (await appendProjects(1))[0]!;
    const last = appended.lastGlobalPosition;
    const behind = await eventually(() => projectionLag(store, db.pool, 'read-models@g1'), (lag) => lag.events === appended.events.length);
    expect(behind).toMatchObject({ events: appended.events.length, headPosition: last });
    expect(behind.seconds).toBeGreaterThanOrEqual(0);
    expect(await waitForPosition(store, db.pool, 'read-models@g1', last, 100)).toEqual({ reached: false, appliedPosition: behind.appliedPosition });
    const r = runner('c');
    await r.start();
    expect(await waitForPosition(store, db.pool, 'read-models@g1', last, 30_000)).toEqual({ reached: true, appliedPosition: last });
    expect(await projectionLag(store, db.pool, 'read-models@g1')).toMatchObject({ events: 0, seconds: 0, appliedPosition: last });
    await r.stop();
  });

  it('follows the live generation when a rebuild switches it, and the rebuild gives the same rows', async () => {
    const r = runner('live');
    await r.start();
    await settled('rm_g1.audit_trail');
    const writing = appendProjects(5);
    const rebuilt = await rebuildReadModels(store, db.pool, [countingProjection('rebuild'), ...allProjections({ store })], { batchSize: 50, dropAfterMs: 300, logger: quiet });
    await writing;
    expect(rebuilt.generation.generation).toBe(2);
    expect((await readLiveGeneration(db.pool))?.generation).toBe(2);
    await appendProjects(3);
    await settled('rm_g2.applied_events');
    expect(r.generation?.generation).toBe(2);
    const total = await totalEvents();
    const applied = await db.pool.query('select count(*)::int as n, count(distinct global_position)::int as distinct_positions from rm_g2.applied_events');
    expect(applied.rows[0]).toEqual({ n: total, distinct_positions: total });
    expect((await db.pool.query('select count(*)::int as n from rm_g2.audit_trail')).rows[0].n).toBe(total);
    expect((await db.pool.query(`select 1 from pg_namespace where nspname = 'rm_g1'`)).rowCount).toBe(0);
    await r.stop();
  });
});
