import type { PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import { loadFacts } from './win-loss-fact.store.js';
import { createWinLossProjection, winLossProjection } from './win-loss.projection.js';
import { applyInBatches, factsIn, rollupFromFacts, rollupIn } from './testing/projection-tables.js';
import { day } from './testing/pursuit-builder.js';
import { recorded, recordedLog } from './testing/recorded-events.js';
import { examplePursuits, IDS } from './testing/win-loss-example.js';

const SCHEMA = 'rm_test';

describe('win/loss projection (PostgreSQL)', () => {
  let db: TestDatabase;
  let client: PoolClient;
  const log = recordedLog(examplePursuits());

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    client = await db.pool.connect();
    for (const schema of [SCHEMA, 'rm_one_batch', 'rm_twice', 'rm_uncached', 'rm_rollback']) {
      await client.query(`create schema ${schema}`);
      await winLossProjection.createTables(client, schema);
    }
    await applyInBatches(client, log, 7, SCHEMA);
  });
  afterAll(async () => {
    client.release();
    await db.drop();
  });

  it('creates its tables idempotently', async () => {
    await expect(winLossProjection.createTables(client, SCHEMA)).resolves.toBeUndefined();
  });

  it('keeps one row per project with stage days, revision count and price gap', async () => {
    const { rows } = await client.query(
      `select project_id, outcome, decided_at, stage_reached, competitors, our_bid, runner_up_amount, price_gap, revision_count,
              cycle_days, search_days, preparation_days, quotation_days, negotiation_days, implementation_days, transition_days
         from ${SCHEMA}.win_loss_facts where project_id = $1`,
      [IDS.wonWithOpening],
    );
    expect(rows).toEqual([{
      project_id: IDS.wonWithOpening, outcome: 'won', decided_at: new Date(day(60)), stage_reached: 'implementation',
      competitors: ['Acme', 'Beta'], our_bid: '1000000.00', runner_up_amount: '1100000.00',
      price_gap: '0.10', // (1,100,000 − 1,000,000) / 1,000,000
      revision_count: 2, cycle_days: '60.00',
      search_days: '10.00', preparation_days: '10.00', quotation_days: '20.00', negotiation_days: '30.00',
      implementation_days: null, transition_days: null,
    }]);
    expect(await client.query(`select count(*)::int as n from ${SCHEMA}.win_loss_facts`)).toMatchObject({ rows: [{ n: 8 }] });
  });

  it('stores a lost project with its reason, winner and gap, and reads every column back unchanged', async () => {
    const facts = await loadFacts(client, SCHEMA, [IDS.lostOnPrice, IDS.stillOpen]);
    expect(facts.get(IDS.lostOnPrice)).toMatchObject({
      outcome: 'lost', lossReason: 'price', winner: 'Acme', winningAmount: '1000000.00', priceGap: '0.20', competitors: ['Acme'],
      stageDays: { search: '5.00', preparation: '10.00', quotation: '15.00', negotiation: '20.00', implementation: null, transition: null },
    });
    expect(facts.get(IDS.stillOpen)).toMatchObject({ outcome: 'open', decidedAt: null, currentStage: 'preparation' });
  });

  it('gives the same rows whatever the batch size, with or without its cache', async () => {
    await applyInBatches(client, log, log.length, 'rm_one_batch');
    expect(await factsIn(client, 'rm_one_batch')).toEqual(await factsIn(client, SCHEMA));
    await applyInBatches(client, log, 3, 'rm_uncached', createWinLossProjection({ cacheSize: 0 }));
    expect(await factsIn(client, 'rm_uncached')).toEqual(await factsIn(client, SCHEMA));
  });

  it('does not count twice when a batch is applied again', async () => {
    await applyInBatches(client, log, 5, 'rm_twice');
    await applyInBatches(client, log.slice(0, 20), 20, 'rm_twice');
    await applyInBatches(client, log.slice(20, 40), 20, 'rm_twice', createWinLossProjection({ cacheSize: 0 }));
    expect(await factsIn(client, 'rm_twice')).toEqual(await factsIn(client, SCHEMA));
  });

  it('recovers from a batch rolled back after it was folded (its cached facts are not trusted)', async () => {
    const projection = createWinLossProjection();
    const cut = 37;
    await applyInBatches(client, log.slice(0, cut), 6, 'rm_rollback', projection);
    await client.query('begin');
    await projection.apply(log.slice(cut, cut + 9), { tx: client, schema: 'rm_rollback' });
    await client.query('rollback');
    await applyInBatches(client, log.slice(cut), 9, 'rm_rollback', projection);
    expect(await factsIn(client, 'rm_rollback')).toEqual(await factsIn(client, SCHEMA));
  });

  it('keeps the monthly rollup equal to the facts added up, however the batches fell', async () => {
    const expected = await rollupFromFacts(client, SCHEMA);
    expect(expected.length).toBeGreaterThan(20);
    expect(expected).toContainEqual({ dimension: 'total', key: null, month: '2026-03-01', outcome: 'won', currency: 'CNY', projects: 1, value: '980000.00' });
    for (const schema of [SCHEMA, 'rm_one_batch', 'rm_uncached', 'rm_twice', 'rm_rollback']) {
      expect(await rollupIn(client, schema)).toEqual(expected);
    }
  });

  it('moves the rollup when a decided fact changes later (a competitor named after the win)', async () => {
    await client.query('create schema rm_after');
    await winLossProjection.createTables(client, 'rm_after');
    const pursuits = examplePursuits();
    await applyInBatches(client, recordedLog(pursuits), 10, 'rm_after');
    const usdWin = pursuits.find((pursuit) => pursuit.projectId === IDS.wonInUsd)!;
    const before = usdWin.events.length;
    usdWin.competitor(101, 'Delta'); // still in negotiation after signing: the domain allows it
    await applyInBatches(client, [recorded(`project-${IDS.wonInUsd}`, usdWin.events[before]!, before + 1, 20_000)], 1, 'rm_after');
    const rollup = await rollupIn(client, 'rm_after');
    expect(rollup).toEqual(await rollupFromFacts(client, 'rm_after'));
    expect(rollup.filter((row) => row.dimension === 'competitor' && row.month === '2026-04-01')).toEqual([
      { dimension: 'competitor', key: 'Delta', month: '2026-04-01', outcome: 'won', currency: 'USD', projects: 1, value: '200000.00' },
      { dimension: 'competitor', key: 'Gamma', month: '2026-04-01', outcome: 'won', currency: 'USD', projects: 1, value: '200000.00' },
    ]);
  });

  it('ignores events of other streams', async () => {
    const foreign = [recorded('api-key-1', { type: 'ApiKeyCreated', data: {} }, 1, 10_000)];
    await applyInBatches(client, foreign, 1, SCHEMA);
    expect(await client.query(`select count(*)::int as n from ${SCHEMA}.win_loss_facts`)).toMatchObject({ rows: [{ n: 8 }] });
  });

  it('makes two round trips per batch however many events and projects it holds', async () => {
    await client.query('create schema rm_trips');
    await winLossProjection.createTables(client, 'rm_trips');
    const projection = createWinLossProjection({ cacheSize: 0 }); // every project not new to the batch is read
    let trips = 0;
    const counting = { query: (...args: unknown[]) => ((trips += 1), (client.query as (...a: unknown[]) => unknown)(...args)) };
    const tx = counting as unknown as PoolClient;
    await projection.apply(log.slice(0, 30), { tx, schema: 'rm_trips' });
    expect(trips).toBe(2); // all identified in this batch: nothing to read; the facts, then the rollup (P3 was dropped)
    await projection.apply(log.slice(30), { tx, schema: 'rm_trips' });
    expect(trips).toBe(5); // one select of the rows touched, one upsert of them all, one rollup change
    expect(await factsIn(client, 'rm_trips')).toEqual(await factsIn(client, SCHEMA));
  });
});
