import type { INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { winLossProjection } from '#read-models';
import { createTestDatabase, type TestDatabase } from '#testing';
import { ProblemFilter } from '../http/problem.filter.js';
import { validationPipe } from '../http/validation.pipe.js';
import { IdempotencyRepository } from '../idempotency/idempotency.repository.js';
import { PG_POOL } from '../infrastructure/tokens.js';
import { ReadConsistencyService } from '../reads/consistency/read-consistency.service.js';
import { recordedLog } from '../../../../libs/read-models/src/win-loss/testing/recorded-events.js';
import { examplePursuits, IDS } from '../../../../libs/read-models/src/win-loss/testing/win-loss-example.js';
import { AnalyticsController } from './analytics.controller.js';
import { GetFunnelQueryHandler } from './queries/get-funnel.query.js';
import { GetLossReasonsQueryHandler } from './queries/get-loss-reasons.query.js';
import { GetPriceGapsQueryHandler } from './queries/get-price-gaps.query.js';
import { GetStageDurationsQueryHandler } from './queries/get-stage-durations.query.js';
import { GetWinLossQueryHandler } from './queries/get-win-loss.query.js';

// The analytics routes over HTTP (validation pipe, problem filter, query bus) against the
// hand-computed example projected into rm_test; the read-consistency wait is stubbed to it.
describe('analytics endpoints (HTTP, PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const get = (path: string) => request(app.getHttpServer()).get(path);

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    const client = await db.pool.connect();
    await client.query('create schema rm_test');
    await winLossProjection.createTables(client, 'rm_test');
    await winLossProjection.apply(recordedLog(examplePursuits()), { tx: client, schema: 'rm_test' });
    client.release();
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      controllers: [AnalyticsController],
      providers: [
        GetWinLossQueryHandler, GetLossReasonsQueryHandler, GetFunnelQueryHandler, GetStageDurationsQueryHandler, GetPriceGapsQueryHandler,
        { provide: PG_POOL, useValue: db.pool },
        { provide: ReadConsistencyService, useValue: { run: (_: unknown, __: unknown, query: (schema: string) => unknown) => query('rm_test') } },
        { provide: IdempotencyRepository, useValue: {} },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(validationPipe());
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db.drop();
  });

  it('GET /v1/analytics/win-loss groups decided projects in the window', async () => {
    const response = await get('/v1/analytics/win-loss?groupBy=segment&from=2026-01-01&to=2026-04-01').expect(200);
    // P7 (won 11 April) falls outside: ports keeps P1 won, P2 and P8 lost → 1 / 3
    expect(response.body).toEqual({
      groupBy: 'segment', from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z',
      groups: [
        { key: 'buildings', won: 0, lost: 1, withdrawn: 1, cancelled: 1, winRate: '0.0000', wonValue: [], lostValue: [{ amount: '700000.00', currency: 'CNY' }] },
        { key: 'ports', won: 1, lost: 2, withdrawn: 0, cancelled: 0, winRate: '0.3333', wonValue: [{ amount: '980000.00', currency: 'CNY' }], lostValue: [{ amount: '2150000.00', currency: 'CNY' }] },
      ],
      total: { won: 1, lost: 3, withdrawn: 1, cancelled: 1, winRate: '0.2500', wonValue: [{ amount: '980000.00', currency: 'CNY' }], lostValue: [{ amount: '2850000.00', currency: 'CNY' }] },
    });
    const all = await get('/v1/analytics/win-loss').expect(200);
    expect(all.body).toMatchObject({ groupBy: null, groups: [], total: { won: 2, lost: 3, winRate: '0.4000' } });
  });

  it.each([
    ['groupBy=colour', 'groupBy'],
    ['groupBy=', 'groupBy'],
    ['from=2026-13-01', 'from'],
    ['from=2026-02-30', 'from'],
    ['from=yesterday', 'from'],
    ['to=2026-01-01T00:00:00', 'to'], // a local time without its offset is ambiguous
    ['from=2026-04-01&to=2026-04-01', 'from'],
    ['from=2026-05-01&to=2026-04-01', 'from'],
    ['minPosition=-1', 'minPosition'],
    ['segment=ports', 'segment'], // not a parameter of this route
  ])('GET /v1/analytics/win-loss?%s is a 400 problem naming %s', async (query, field) => {
    const response = await get(`/v1/analytics/win-loss?${query}`).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('GET /v1/analytics/loss-reasons, /funnel and /stage-durations answer their shapes', async () => {
    expect((await get('/v1/analytics/loss-reasons').expect(200)).body).toEqual({
      from: null, to: null, lost: 3, reasons: [{ reason: 'price', count: 2, share: '0.6667' }, { reason: 'technical', count: 1, share: '0.3333' }],
    });
    const funnel = (await get('/v1/analytics/funnel?to=2026-12-31T00:00:00%2B08:00').expect(200)).body;
    expect(funnel).toMatchObject({ to: '2026-12-30T16:00:00.000Z', decided: 7 });
    expect(funnel.stages[0]).toEqual({ stage: 'search', reached: 7, reachedNext: 6, shareReachedNext: '0.8571', won: 2, shareWon: '0.2857' });
    const durations = (await get('/v1/analytics/stage-durations').expect(200)).body;
    expect(durations.stages.map((stage: { stage: string }) => stage.stage)).toEqual(['search', 'preparation', 'quotation', 'negotiation', 'implementation', 'transition']);
    expect(durations.stages[2]).toEqual({ stage: 'quotation', sampleSize: 5, medianDays: 20, p90Days: 26.8 });
    await get('/v1/analytics/funnel?from=soon').expect(400);
    await get('/v1/analytics/stage-durations?groupBy=segment').expect(400);
  });

  it('GET /v1/analytics/price-gaps pages with an opaque cursor and refuses a forged one', async () => {
    const first = (await get('/v1/analytics/price-gaps?limit=2&groupBy=segment').expect(200)).body;
    expect(first.summary).toEqual([
      { key: 'ports', outcome: 'lost', projects: 1, medianGap: '0.2000' },
      { key: 'ports', outcome: 'won', projects: 2, medianGap: '0.0143' },
    ]);
    expect(first.items.map((item: { projectId: string }) => item.projectId)).toEqual([IDS.wonInUsd, IDS.wonWithOpening]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await get(`/v1/analytics/price-gaps?limit=2&groupBy=segment&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.items).toEqual([expect.objectContaining({ projectId: IDS.lostOnPrice, outcome: 'lost', priceGap: '0.2000', winner: 'Acme' })]);
    expect(second.nextCursor).toBeNull();
    const forged = await get('/v1/analytics/price-gaps?cursor=bm90LWEtY3Vyc29y').expect(400);
    expect(forged.body).toMatchObject({ code: 'INVALID_CURSOR', errors: [{ field: 'cursor' }] });
    for (const bad of ['limit=0', 'limit=1001', 'limit=ten', 'cursor=no%20spaces']) await get(`/v1/analytics/price-gaps?${bad}`).expect(400);
  });
});
