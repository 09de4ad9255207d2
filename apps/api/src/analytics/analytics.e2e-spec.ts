import { walkProjectToAmendment } from '../../../../test/support/project-journey.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';

// The whole path over HTTP: writes → inline projector → win/loss facts → analytics endpoints.
describe('win/loss analytics (HTTP, end to end)', () => {
  let t: TestApp;
  let position = 0;
  const get = (path: string, role: keyof TestApp['keys'] = 'auditor') => t.http().get(path).set('Authorization', `Bearer ${t.keys[role]}`);
  const write = async (path: string, body: object, role: keyof TestApp['keys'] = 'sales') => {
    const response = await t.http().post(path).set('Authorization', `Bearer ${t.keys[role]}`).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = Math.max(position, Number(response.headers['x-event-position'] ?? 0));
    return response.body;
  };
  const identify = (name: string, estimated: string) =>
    write('/v1/projects', { name, customer: { name: 'Port of Xiamen' }, segment: 'ports', region: 'south-china', leadSource: 'inbound', estimatedValue: { amount: estimated, currency: 'CNY' } });
  const screen = (id: string, decision: 'pursue' | 'drop') =>
    write(`/v1/projects/${id}/screening`, { customerValue: 3, willingness: 3, competitivePosition: 3, strategicImportance: 3, capabilityFit: 3, decision, notes: '' });

  beforeAll(async () => {
    t = await startTestApp({ READ_WAIT_MAX_MS: '5000' });
    // Won: revision 2 (2 × 240,000 + 3 × 5,000 = 495,000) submitted, contract 495,000 signed 2026-03-10
    position = (await walkProjectToAmendment(t, 'Harbour crane automation')).lastPosition;
    const dropped = await identify('Berth lighting', '300000.00');
    await screen(dropped.id, 'drop'); // withdrawn at screening
    const lost = await identify('Gantry retrofit', '800000.00');
    await screen(lost.id, 'pursue');
    await write(`/v1/projects/${lost.id}/loss`, { reason: 'relationship', winner: 'Acme Cranes', winningAmount: { amount: '760000.00', currency: 'CNY' } });
  }, 60_000);
  afterAll(async () => t.close());

  it('answers the win/loss figures once the projector has caught up with ?minPosition', async () => {
    const response = await get(`/v1/analytics/win-loss?groupBy=segment&minPosition=${position}`).expect(200);
    expect(response.headers['x-read-model-stale']).toBeUndefined();
    // ports: won 1, lost 1 (never bid: valued at its 800,000 estimate), withdrawn 1 → 1 / 2
    const ports = { won: 1, lost: 1, withdrawn: 1, cancelled: 0, winRate: '0.5000', wonValue: [{ amount: '495000.00', currency: 'CNY' }], lostValue: [{ amount: '800000.00', currency: 'CNY' }] };
    expect(response.body).toEqual({ groupBy: 'segment', from: null, to: null, groups: [{ key: 'ports', ...ports }], total: ports });
    const march = await get(`/v1/analytics/win-loss?groupBy=competitor&from=2026-03-01&to=2026-04-01&minPosition=${position}`).expect(200);
    expect(march.body.groups).toEqual([{ key: null, ...ports, lost: 0, withdrawn: 0, winRate: '1.0000', lostValue: [] }]);
  });

  it('serves every analytics route to every role, with the read-model position', async () => {
    for (const [path, role] of [['win-loss', 'erp'], ['loss-reasons', 'auditor'], ['funnel', 'estimator'], ['stage-durations', 'delivery'], ['price-gaps', 'sales']] as const) {
      const response = await get(`/v1/analytics/${path}?minPosition=${position}`, role).expect(200);
      expect(Number(response.headers['x-read-model-position'])).toBeGreaterThanOrEqual(position);
    }
    expect((await get('/v1/analytics/loss-reasons').expect(200)).body).toMatchObject({ lost: 1, reasons: [{ reason: 'relationship', count: 1, share: '1.0000' }] });
    const funnel = (await get('/v1/analytics/funnel').expect(200)).body;
    // reached: search 3; preparation and on: the won one only (it reached implementation)
    expect(funnel.stages.map((stage: { reached: number }) => stage.reached)).toEqual([3, 1, 1, 1, 1, 0]);
    await t.http().get('/v1/analytics/win-loss').expect(401);
  });

  it('refuses bad parameters with 400 problem documents', async () => {
    const bad = await get('/v1/analytics/win-loss?groupBy=weather&from=last-week').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['groupBy', 'from']));
    expect((await get('/v1/analytics/price-gaps?cursor=bm90LWEtY3Vyc29y').expect(400)).body.code).toBe('INVALID_CURSOR');
  });

  it('lists the analytics routes in the OpenAPI document', async () => {
    const paths = Object.keys((await t.http().get('/openapi.json').expect(200)).body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/v1/analytics/win-loss', '/v1/analytics/loss-reasons', '/v1/analytics/funnel', '/v1/analytics/stage-durations', '/v1/analytics/price-gaps']));
  });
});
