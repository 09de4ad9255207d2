import { bodies } from './support/lifecycle-bodies.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import type { Role } from '../apps/api/src/auth/roles.js';

type Route = {
  name: string;
  method: 'post' | 'put';
  path: (p: string, qid: string) => string;
  role: Role;
  body: Record<string, unknown>;
  required?: string; // a field whose absence is refused
  wrongType?: [string, unknown];
  outOfRange?: [string, unknown];
  longString?: string;
};

const HUGE = 'x'.repeat(100_000);
const base = (p: string) => p;

// Every lifecycle write; each bad body below must be a 400 problem and leave the stream unchanged.
const ROUTES: Route[] = [
  { name: 'identify', method: 'post', path: () => '/v1/projects', role: 'sales', body: bodies.identify, required: 'name', wrongType: ['estimatedValue', 12], outOfRange: ['leadSource', 'carrier-pigeon'], longString: 'name' },
  { name: 'screening', method: 'post', path: (p) => `${p}/screening`, role: 'sales', body: bodies.screenPursue, required: 'decision', wrongType: ['willingness', '3'], outOfRange: ['capabilityFit', 6], longString: 'notes' },
  { name: 'entry-mode', method: 'put', path: (p) => `${p}/entry-mode`, role: 'sales', body: bodies.entryMode, required: 'mode', wrongType: ['partners', 'none'], outOfRange: ['mode', 'franchisee'], longString: 'mode' },
  { name: 'team', method: 'put', path: (p) => `${p}/team`, role: 'sales', body: bodies.team, required: 'members', wrongType: ['members', {}], outOfRange: ['members', []], longString: 'members' },
  { name: 'plan', method: 'put', path: (p) => `${p}/plan`, role: 'sales', body: bodies.plan, required: 'funding', wrongType: ['coreServices', 'one'], outOfRange: ['coreServices', Array.from({ length: 101 }, (_, i) => `s${i}`)], longString: 'funding' },
  { name: 'stakeholders', method: 'post', path: (p) => `${p}/stakeholders`, role: 'sales', body: bodies.stakeholder, required: 'relationshipOwners', wrongType: ['influence', 3], outOfRange: ['relationshipOwners', []], longString: 'name' },
  { name: 'competitors', method: 'post', path: (p) => `${p}/competitors`, role: 'sales', body: bodies.competitor, required: 'name', wrongType: ['name', 42], outOfRange: ['name', ''], longString: 'notes' },
  { name: 'stage-transitions', method: 'post', path: (p) => `${p}/stage-transitions`, role: 'sales', body: bodies.advance('preparation'), required: 'to', wrongType: ['reason', false], outOfRange: ['to', 'heaven'], longString: 'reason' },
  { name: 'quotations', method: 'post', path: (p) => `${p}/quotations`, role: 'estimator', body: bodies.quotation, required: 'lines', wrongType: ['lines', 'C-1'], outOfRange: ['currency', 'yuan'], longString: 'technicalApproach' },
  { name: 'revisions', method: 'post', path: (p, q) => `${p}/quotations/${q}/revisions`, role: 'estimator', body: bodies.revision('1.00', 'r'), required: 'reason', wrongType: ['lines', [{ code: 1 }]], outOfRange: ['lines', []], longString: 'reason' },
  { name: 'submission', method: 'post', path: (p, q) => `${p}/quotations/${q}/revisions/1/submission`, role: 'estimator', body: {} },
  { name: 'quotation-withdrawal', method: 'post', path: (p, q) => `${p}/quotations/${q}/withdrawal`, role: 'estimator', body: bodies.reason, required: 'reason', wrongType: ['reason', 1], outOfRange: ['reason', '   '], longString: 'reason' },
  { name: 'bid-opening', method: 'post', path: (p) => `${p}/bid-opening`, role: 'estimator', body: bodies.bidOpening, required: 'ourRank', wrongType: ['bids', 'ZPMC'], outOfRange: ['ourRank', 0], longString: 'ourRank' },
  { name: 'negotiation-rounds', method: 'post', path: (p) => `${p}/negotiation-rounds`, role: 'contract_manager', body: bodies.negotiationRound, required: 'date', wrongType: ['topics', 'price'], outOfRange: ['date', '2026-13-45'], longString: 'notes' },
  { name: 'contract', method: 'post', path: (p, q) => `${p}/contract`, role: 'contract_manager', body: bodies.contract('6c1a3b0e-2f4d-4c8a-9b7e-1d2c3b4a5f60', 1), required: 'value', wrongType: ['revision', '1'], outOfRange: ['revision', 0], longString: 'paymentTerms' },
  { name: 'amendments', method: 'post', path: (p) => `${p}/contract/amendments`, role: 'contract_manager', body: bodies.amendment, required: 'kind', wrongType: ['valueDelta', '100'], outOfRange: ['kind', 'rewrite'], longString: 'scope' },
  { name: 'milestones', method: 'post', path: (p) => `${p}/milestones`, role: 'delivery', body: bodies.milestone, required: 'progressPercent', wrongType: ['progressPercent', '100'], outOfRange: ['progressPercent', 101], longString: 'name' },
  { name: 'acceptance', method: 'post', path: (p) => `${p}/acceptance`, role: 'delivery', body: bodies.acceptance, required: 'acceptedAt', wrongType: ['notes', []], outOfRange: ['acceptedAt', 'yesterday'], longString: 'notes' },
  { name: 'handover', method: 'post', path: (p) => `${p}/handover`, role: 'delivery', body: bodies.handover, required: 'handedOverAt', wrongType: ['notes', {}], outOfRange: ['handedOverAt', '2026-02-30T00:00:00Z'], longString: 'notes' },
  { name: 'settlement', method: 'post', path: (p) => `${p}/settlement`, role: 'delivery', body: bodies.settlement, required: 'amount', wrongType: ['retentionReleased', 'yes'], outOfRange: ['amount', { amount: '-1.00', currency: 'CNY' }], longString: 'notes' },
  { name: 'loss', method: 'post', path: (p) => `${p}/loss`, role: 'sales', body: bodies.loss, required: 'reason', wrongType: ['winningAmount', 5], outOfRange: ['reason', 'bad-luck'], longString: 'winner' },
  { name: 'withdrawal', method: 'post', path: (p) => `${p}/withdrawal`, role: 'sales', body: bodies.reason, required: 'reason', wrongType: ['reason', 7], outOfRange: ['reason', ''], longString: 'reason' },
  { name: 'cancellation', method: 'post', path: (p) => `${p}/cancellation`, role: 'sales', body: bodies.reason, required: 'reason', wrongType: ['reason', null], outOfRange: ['reason', ''], longString: 'reason' },
];

function badBodies(route: Route): [string, unknown][] {
  const cases: [string, unknown][] = [['unknown field', { ...route.body, unexpected: true }]];
  if (route.required) {
    const { [route.required]: _, ...rest } = route.body;
    cases.push(['missing field', rest]);
  }
  if (route.wrongType) cases.push(['wrong type', { ...route.body, [route.wrongType[0]]: route.wrongType[1] }]);
  if (route.outOfRange) cases.push(['out of range', { ...route.body, [route.outOfRange[0]]: route.outOfRange[1] }]);
  if (route.longString) cases.push(['huge string', { ...route.body, [route.longString]: HUGE }]);
  cases.push(['array instead of object', [route.body]]);
  return cases;
}

describe('every lifecycle write refuses bad input, wrong roles and missing keys, changing nothing', () => {
  let t: TestApp;
  let projectPath: string;
  let quotationId: string;
  const etag = async () => (await t.http().get(projectPath).set('Authorization', `Bearer ${t.keys.auditor}`).expect(200)).headers.etag;

  beforeAll(async () => {
    t = await startTestApp();
    const created = await t.http().post('/v1/projects').set('Authorization', `Bearer ${t.keys.sales}`).send(bodies.identify).expect(201);
    projectPath = `/v1/projects/${created.body.id}`;
    await t.http().post(`${projectPath}/screening`).set('Authorization', `Bearer ${t.keys.sales}`).send(bodies.screenPursue).expect(200);
    await t.http().post(`${projectPath}/stage-transitions`).set('Authorization', `Bearer ${t.keys.sales}`).send(bodies.advance('preparation')).expect(200);
    const q = await t.http().post(`${projectPath}/quotations`).set('Authorization', `Bearer ${t.keys.estimator}`).send(bodies.quotation).expect(201);
    quotationId = q.body.quotations[0].quotationId;
  });
  afterAll(async () => t.close());

  describe.each(ROUTES.map((route) => [route.name, route] as const))('%s', (_name, route) => {
    const path = () => base(route.path(projectPath, quotationId));

    it.each(badBodies(route))('answers %s with a 400 problem listing the field', async (_case, body) => {
      const before = await etag();
      const response = await t.http()[route.method](path()).set('Authorization', `Bearer ${t.keys[route.role]}`).send(body as object);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 400, code: expect.any(String), type: expect.any(String), title: expect.any(String) });
      if (response.body.code === 'VALIDATION_FAILED') expect(response.body.errors.length).toBeGreaterThan(0);
      expect(await etag()).toBe(before);
    });

    it('refuses an auditor key with 403 and no key with 401', async () => {
      const before = await etag();
      const auditor = await t.http()[route.method](path()).set('Authorization', `Bearer ${t.keys.auditor}`).send(route.body);
      expect(auditor.status).toBe(403);
      expect(auditor.body.code).toBe('ROLE_NOT_ALLOWED');
      const anonymous = await t.http()[route.method](path()).send(route.body);
      expect(anonymous.status).toBe(401);
      expect(await etag()).toBe(before);
    });
  });

  it('refuses a role outside the route\'s list (estimator screening, sales pricing)', async () => {
    await t.http().post(`${projectPath}/competitors`).set('Authorization', `Bearer ${t.keys.estimator}`).send(bodies.competitor).expect(403);
    await t.http().post(`${projectPath}/quotations`).set('Authorization', `Bearer ${t.keys.sales}`).send(bodies.quotation).expect(403);
  });
});
