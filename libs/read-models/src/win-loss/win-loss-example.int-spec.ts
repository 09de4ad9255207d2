import type { PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import { queryWinLoss } from './win-loss.query.js';
import { winLossProjection } from './win-loss.projection.js';
import { recordedLog } from './testing/recorded-events.js';
import { examplePursuits } from './testing/win-loss-example.js';

// The figures below are worked out by hand from testing/win-loss-example.ts, never by the code
// under test. Decided: P1 won 980,000 CNY · P2 lost (bid 1,200,000) · P3 withdrawn · P4 cancelled ·
// P6 lost (bid 700,000) · P7 won 200,000 USD · P8 lost (no bid, estimate 950,000). P5 is open.
const cny = (amount: string) => ({ amount, currency: 'CNY' });
const usd = (amount: string) => ({ amount, currency: 'USD' });
const figures = (won: number, lost: number, withdrawn: number, cancelled: number, winRate: string | null, wonValue: object[], lostValue: object[]) =>
  ({ won, lost, withdrawn, cancelled, winRate, wonValue, lostValue });

// won 2 (P1, P7), lost 3 (P2, P6, P8): 2 / 5 = 0.4; lost value 1,200,000 + 700,000 + 950,000 = 2,850,000
const TOTAL = figures(2, 3, 1, 1, '0.4000', [cny('980000.00'), usd('200000.00')], [cny('2850000.00')]);

describe('win/loss figures of the hand-computed example (PostgreSQL)', () => {
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

  const winLoss = (params: Parameters<typeof queryWinLoss>[2]) => queryWinLoss(db.pool, 'rm_test', params);

  it('by segment', async () => {
    expect(await winLoss({ groupBy: 'segment' })).toEqual({
      groupBy: 'segment', from: null, to: null, total: TOTAL,
      groups: [
        // P6 lost, P3 withdrawn, P4 cancelled: 0 / (0 + 1) = 0
        { key: 'buildings', ...figures(0, 1, 1, 1, '0.0000', [], [cny('700000.00')]) },
        // P1, P7 won; P2, P8 lost: 2 / 4 = 0.5; lost value 1,200,000 + 950,000 = 2,150,000
        { key: 'ports', ...figures(2, 2, 0, 0, '0.5000', [cny('980000.00'), usd('200000.00')], [cny('2150000.00')]) },
      ],
    });
  });

  it('by competitor: once under each competitor faced; the total counts each project once', async () => {
    expect(await winLoss({ groupBy: 'competitor' })).toMatchObject({
      total: TOTAL,
      groups: [
        // Acme: P1 won (bidder), P2 lost (named, winner), P8 lost (winner): 1 / 3 = 0.33333
        { key: 'Acme', ...figures(1, 2, 0, 0, '0.3333', [cny('980000.00')], [cny('2150000.00')]) },
        // Beta: P1 won (bidder), P6 lost (named): 1 / 2
        { key: 'Beta', ...figures(1, 1, 0, 0, '0.5000', [cny('980000.00')], [cny('700000.00')]) },
        // Gamma: P7 won
        { key: 'Gamma', ...figures(1, 0, 0, 0, '1.0000', [usd('200000.00')], []) },
        // none known: P3 withdrawn, P4 cancelled; nothing won or lost, so no rate
        { key: null, ...figures(0, 0, 1, 1, null, [], []) },
      ],
    });
  });

  it('by customer tier, quarter, revision count, entry mode, region and lead source', async () => {
    const rates = async (groupBy: Parameters<typeof winLoss>[0]['groupBy']) =>
      (await winLoss({ groupBy })).groups.map(({ key, won, lost, withdrawn, cancelled, winRate }) => [key, won, lost, withdrawn, cancelled, winRate]);
    // A: P1, P7 won, P4 cancelled · B: P2, P6, P8 lost · C: P3 withdrawn
    expect(await rates('customerTier')).toEqual([['A', 2, 0, 0, 1, '1.0000'], ['B', 0, 3, 0, 0, '0.0000'], ['C', 0, 0, 1, 0, null]]);
    // Q1: P1 won; P2, P6, P8 lost; P3; P4 → 1 / 4 · Q2: P7 won on 11 April
    expect(await rates('quarter')).toEqual([['2026-Q1', 1, 3, 1, 1, '0.2500'], ['2026-Q2', 1, 0, 0, 0, '1.0000']]);
    // 0 revisions: P3, P8 · 1: P2, P4, P6, P7 → 1 / 3 · 2: P1
    expect(await rates('revisionCount')).toEqual([[0, 0, 1, 1, 0, '0.0000'], [1, 1, 2, 0, 1, '0.3333'], [2, 1, 0, 0, 0, '1.0000']]);
    expect(await rates('entryMode')).toEqual([
      ['consortium_partner', 1, 1, 0, 0, '0.5000'], // P7 won, P2 lost
      ['prime_contractor', 1, 1, 0, 0, '0.5000'], // P1 won, P6 lost
      ['subcontractor', 0, 0, 0, 1, null], // P4 cancelled
      [null, 0, 1, 1, 0, '0.0000'], // P3 withdrawn, P8 lost
    ]);
    // east: P1 won, P8 lost, P3, P4 → 1 / 2 · north: P7 won, P2, P6 lost → 1 / 3
    expect(await rates('region')).toEqual([['east', 1, 1, 1, 1, '0.5000'], ['north', 1, 2, 0, 0, '0.3333']]);
    expect(await rates('leadSource')).toEqual([
      ['field_sighting', 0, 0, 1, 0, null], ['inbound', 0, 1, 0, 1, '0.0000'], ['informal_channel', 0, 1, 0, 0, '0.0000'],
      ['media_tender_notice', 1, 1, 0, 0, '0.5000'], ['partner_referral', 1, 0, 0, 0, '1.0000'],
    ]);
  });

  it('windows decided_at: from inclusive, to exclusive (UTC)', async () => {
    // P1 was decided on 2 March; P7 at exactly 2026-04-11T09:00Z, the excluded upper end
    const march = await winLoss({ from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-11T09:00:00Z') });
    expect(march).toEqual({ groupBy: null, from: '2026-03-01T00:00:00.000Z', to: '2026-04-11T09:00:00.000Z', groups: [],
      total: figures(1, 0, 0, 0, '1.0000', [cny('980000.00')], []) });
    const fromP7 = await winLoss({ from: new Date('2026-04-11T09:00:00Z') });
    expect(fromP7.total).toEqual(figures(1, 0, 0, 0, '1.0000', [usd('200000.00')], []));
    expect((await winLoss({ from: new Date('2027-01-01T00:00:00Z'), groupBy: 'segment' }))).toMatchObject({
      groups: [], total: figures(0, 0, 0, 0, null, [], []),
    });
  });

  it('adds whole months from the rollup to partial months read from the facts', async () => {
    // February from the rollup (P2 Acme lost, P6 Beta lost); 10–31 January from the facts (P8 Acme lost
    // on the 17th, P4 cancelled on the 31st; P3 on the 4th is outside); 1–5 March from the facts (P1 won)
    const report = await winLoss({ groupBy: 'competitor', from: new Date('2026-01-10T00:00:00Z'), to: new Date('2026-03-05T00:00:00Z') });
    expect(report.groups).toEqual([
      { key: 'Acme', ...figures(1, 2, 0, 0, '0.3333', [cny('980000.00')], [cny('2150000.00')]) }, // P1 · P2 + P8: 1,200,000 + 950,000
      { key: 'Beta', ...figures(1, 1, 0, 0, '0.5000', [cny('980000.00')], [cny('700000.00')]) }, // P1 · P6
      { key: null, ...figures(0, 0, 0, 1, null, [], []) }, // P4
    ]);
    expect(report.total).toEqual(figures(1, 3, 0, 1, '0.2500', [cny('980000.00')], [cny('2850000.00')]));
    // 15 February – 15 March holds no whole month: P2 (20 Feb) lost, P1 (2 Mar) won, both from the facts
    const noWholeMonth = await winLoss({ groupBy: 'quarter', from: new Date('2026-02-15T00:00:00Z'), to: new Date('2026-03-15T00:00:00Z') });
    expect(noWholeMonth.groups).toEqual([{ key: '2026-Q1', ...figures(1, 1, 0, 0, '0.5000', [cny('980000.00')], [cny('1200000.00')]) }]);
  });
});
