import type { PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import { queryFunnel } from './funnel.query.js';
import { queryLossReasons } from './loss-reasons.query.js';
import { queryPriceGaps } from './price-gaps.query.js';
import { queryStageDurations } from './stage-durations.query.js';
import { winLossProjection } from './win-loss.projection.js';
import { day } from './testing/pursuit-builder.js';
import { recordedLog } from './testing/recorded-events.js';
import { examplePursuits, IDS } from './testing/win-loss-example.js';

// Expected figures worked out by hand from testing/win-loss-example.ts (7 decided, P5 open).
describe('loss reasons, funnel, stage durations and price gaps of the example (PostgreSQL)', () => {
  let db: TestDatabase;
  let client: PoolClient;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    client = await db.pool.connect();
    await client.query('create schema rm_test');
    await winLossProjection.createTables(client, 'rm_test');
    await winLossProjection.apply(recordedLog(examplePursuits()), { tx: client, schema: 'rm_test' });
  });
  afterAll(async () => {
    client.release();
    await db.drop();
  });

  it('loss reasons: price 2 of 3 (P2, P8), technical 1 of 3 (P6)', async () => {
    expect(await queryLossReasons(db.pool, 'rm_test', {})).toEqual({
      from: null, to: null, lost: 3,
      reasons: [{ reason: 'price', count: 2, share: '0.6667' }, { reason: 'technical', count: 1, share: '0.3333' }],
    });
  });

  it('funnel: reached, share reaching the next stage, share won', async () => {
    // Furthest stage: P3 search · P8 preparation · P4, P6 quotation · P2, P7 negotiation · P1 implementation.
    // Won: P1, P7 (both reached negotiation).
    expect(await queryFunnel(db.pool, 'rm_test', {})).toEqual({
      from: null, to: null, decided: 7,
      stages: [
        { stage: 'search', reached: 7, reachedNext: 6, shareReachedNext: '0.8571', won: 2, shareWon: '0.2857' }, // 6/7, 2/7
        { stage: 'preparation', reached: 6, reachedNext: 5, shareReachedNext: '0.8333', won: 2, shareWon: '0.3333' }, // 5/6, 2/6
        { stage: 'quotation', reached: 5, reachedNext: 3, shareReachedNext: '0.6000', won: 2, shareWon: '0.4000' }, // 3/5, 2/5
        { stage: 'negotiation', reached: 3, reachedNext: 1, shareReachedNext: '0.3333', won: 2, shareWon: '0.6667' }, // 1/3, 2/3
        { stage: 'implementation', reached: 1, reachedNext: 0, shareReachedNext: '0.0000', won: 1, shareWon: '1.0000' },
        { stage: 'transition', reached: 0, reachedNext: null, shareReachedNext: null, won: 0, shareWon: null },
      ],
    });
  });

  it('stage durations: median and p90 days of completed stays (percentile_cont interpolates)', async () => {
    expect((await queryStageDurations(db.pool, 'rm_test', {})).stages).toEqual([
      // 3,4,5,6,10,10,10: median the 4th = 6; p90 at rank 0.9·6 = 5.4 → 10 + 0.4·(10 − 10) = 10
      { stage: 'search', sampleSize: 7, medianDays: 6, p90Days: 10 },
      // 8,10,10,10,10,15: median (10 + 10) / 2 = 10; p90 at 0.9·5 = 4.5 → 10 + 0.5·(15 − 10) = 12.5
      { stage: 'preparation', sampleSize: 6, medianDays: 10, p90Days: 12.5 },
      // 10,15,20,25,28: median 20; p90 at 0.9·4 = 3.6 → 25 + 0.6·(28 − 25) = 26.8
      { stage: 'quotation', sampleSize: 5, medianDays: 20, p90Days: 26.8 },
      // 20 (P2), 30 (P1); P7's stay is still running: median 25; p90 at 0.9 → 20 + 0.9·10 = 29
      { stage: 'negotiation', sampleSize: 2, medianDays: 25, p90Days: 29 },
      { stage: 'implementation', sampleSize: 0, medianDays: null, p90Days: null }, // P1 is still implementing
      { stage: 'transition', sampleSize: 0, medianDays: null, p90Days: null },
    ]);
    // Only P1 was decided in March: search 10, preparation 10, quotation 20, negotiation 30
    const march = await queryStageDurations(db.pool, 'rm_test', { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') });
    expect(march.stages.map((stage) => [stage.sampleSize, stage.medianDays])).toEqual([[1, 10], [1, 10], [1, 20], [1, 30], [0, null], [0, null]]);
  });

  it('price gaps: per project, and the median per outcome', async () => {
    const report = await queryPriceGaps(db.pool, 'rm_test', { limit: 100 });
    expect(report.summary).toEqual([
      { key: null, outcome: 'lost', projects: 1, medianGap: '0.2000' }, // P2: (1,200,000 − 1,000,000) / 1,000,000
      // P1 0.1 and P7 (195,000 − 210,000) / 210,000 = −0.071429: median (0.1 − 0.071429) / 2 = 0.0142855
      { key: null, outcome: 'won', projects: 2, medianGap: '0.0143' },
    ]);
    expect(report.items.map((item) => [item.projectId, item.outcome, item.priceGap])).toEqual([
      [IDS.wonInUsd, 'won', '-0.0714'], [IDS.wonWithOpening, 'won', '0.1000'], [IDS.lostOnPrice, 'lost', '0.2000'],
    ]);
    expect(report.items[1]).toEqual({
      projectId: IDS.wonWithOpening, outcome: 'won', decidedAt: day(60), segment: 'ports', region: 'east',
      leadSource: 'media_tender_notice', entryMode: 'prime_contractor', customerTier: 'A', competitors: ['Acme', 'Beta'],
      revisionCount: 2, ourBid: { amount: '1000000.00', currency: 'CNY' }, winner: null,
      winningAmount: { amount: '980000.00', currency: 'CNY' }, runnerUpAmount: { amount: '1100000.00', currency: 'CNY' },
      priceGap: '0.1000',
    });
    expect(report.nextAfter).toBeNull();
  });

  it('price gaps grouped, windowed and paged', async () => {
    const bySegment = await queryPriceGaps(db.pool, 'rm_test', { limit: 100, groupBy: 'segment' });
    // buildings has no gap (P6's winner price is unknown)
    expect(bySegment.summary).toEqual([
      { key: 'ports', outcome: 'lost', projects: 1, medianGap: '0.2000' },
      { key: 'ports', outcome: 'won', projects: 2, medianGap: '0.0143' },
    ]);
    const first = await queryPriceGaps(db.pool, 'rm_test', { limit: 2 });
    expect(first.items.map((item) => item.projectId)).toEqual([IDS.wonInUsd, IDS.wonWithOpening]);
    expect(first.nextAfter).toEqual({ decidedAt: day(60), projectId: IDS.wonWithOpening });
    const second = await queryPriceGaps(db.pool, 'rm_test', { limit: 2, after: first.nextAfter! });
    expect(second.items.map((item) => item.projectId)).toEqual([IDS.lostOnPrice]);
    expect(second.nextAfter).toBeNull();
    const february = await queryPriceGaps(db.pool, 'rm_test', { limit: 100, from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') });
    expect(february.items.map((item) => item.projectId)).toEqual([IDS.lostOnPrice]);
  });
});
