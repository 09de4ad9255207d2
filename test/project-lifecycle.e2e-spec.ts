import { PostgresEventStore } from '#event-store';
import { bodies } from './support/lifecycle-bodies.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import type { Role } from '../apps/api/src/auth/roles.js';

describe('project lifecycle over HTTP', () => {
  let t: TestApp;
  let store: PostgresEventStore;
  beforeAll(async () => {
    t = await startTestApp();
    store = new PostgresEventStore(t.db.pool);
  });
  afterAll(async () => {
    await store.close();
    await t.close();
  });

  const write = (role: Role, method: 'post' | 'put', path: string, body: object = {}) =>
    t.http()[method](path).set('Authorization', `Bearer ${t.keys[role]}`).send(body);
  const storedEvents = async (id: string) => store.readStream(`project-${id}`);

  it('takes a project from identification to settlement: three revisions, bid opening, contract, two amendments', async () => {
    const created = await write('sales', 'post', '/v1/projects', bodies.identify).expect(201);
    const id: string = created.body.id;
    expect(created.headers.location).toBe(`/v1/projects/${id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(Number(created.headers['x-event-position'])).toBeGreaterThan(0);
    expect(created.body).toMatchObject({ stage: 'search', outcome: 'open', name: bodies.identify.name });

    const p = `/v1/projects/${id}`;
    await write('sales', 'post', `${p}/screening`, bodies.screenPursue).expect(200);
    await write('sales', 'post', `${p}/stage-transitions`, bodies.advance('preparation')).expect(200);
    await write('sales', 'put', `${p}/entry-mode`, bodies.entryMode).expect(200);
    await write('sales', 'put', `${p}/team`, bodies.team).expect(200);
    await write('sales', 'put', `${p}/plan`, bodies.plan).expect(200);
    await write('sales', 'post', `${p}/stakeholders`, bodies.stakeholder).expect(201);
    await write('sales', 'post', `${p}/competitors`, bodies.competitor).expect(201);
    const quotation = await write('estimator', 'post', `${p}/quotations`, bodies.quotation).expect(201);
    const qid: string = quotation.body.quotations[0].quotationId;
    expect(quotation.body.quotations[0].revisions[0].totals).toMatchObject({ total: '1320000.00', totalCost: '1090000.00', margin: '230000.00' });
    await write('sales', 'post', `${p}/stage-transitions`, bodies.advance('quotation')).expect(200);
    await write('estimator', 'post', `${p}/quotations/${qid}/revisions`, bodies.revision('400000.00', 'Steel price drop')).expect(201);
    await write('estimator', 'post', `${p}/quotations/${qid}/revisions`, bodies.revision('410000.00', 'Scope clarified')).expect(201);
    const submitted = await write('estimator', 'post', `${p}/quotations/${qid}/revisions/3/submission`).expect(200);
    expect(submitted.body.quotations[0].revisions.map((r: { status: string }) => r.status)).toEqual(['draft', 'draft', 'submitted']);
    await write('estimator', 'post', `${p}/quotations/${qid}/revisions/3/submission`).expect(409);
    await write('estimator', 'post', `${p}/bid-opening`, bodies.bidOpening).expect(200);
    await write('contract_manager', 'post', `${p}/stage-transitions`, bodies.advance('negotiation')).expect(200);
    await write('contract_manager', 'post', `${p}/negotiation-rounds`, bodies.negotiationRound).expect(201);
    const signed = await write('contract_manager', 'post', `${p}/contract`, bodies.contract(qid, 3)).expect(201);
    expect(signed.body.outcome).toBe('won');
    await write('contract_manager', 'post', `${p}/contract/amendments`, bodies.amendment).expect(201);
    const corrected = await write('contract_manager', 'post', `${p}/contract/amendments`, bodies.correction).expect(201);
    expect(corrected.body.contract.currentValue).toEqual({ amount: '1324999.50', currency: 'CNY' });
    expect(corrected.body.contract.amendments.map((a: { number: number; kind: string }) => [a.number, a.kind])).toEqual([[1, 'amendment'], [2, 'correction']]);
    await write('delivery', 'post', `${p}/stage-transitions`, bodies.advance('implementation')).expect(200);
    await write('delivery', 'post', `${p}/milestones`, bodies.milestone).expect(201);
    await write('delivery', 'post', `${p}/stage-transitions`, bodies.advance('transition')).expect(200);
    await write('delivery', 'post', `${p}/acceptance`, bodies.acceptance).expect(200);
    await write('delivery', 'post', `${p}/handover`, bodies.handover).expect(200);
    const settled = await write('delivery', 'post', `${p}/settlement`, bodies.settlement).expect(200);
    expect(settled.body).toMatchObject({ stage: 'closed', outcome: 'won', stageReached: 'transition' });

    const current = await t.http().get(p).set('Authorization', `Bearer ${t.keys.auditor}`).expect(200);
    const events = await storedEvents(id);
    expect(current.headers.etag).toBe(`"${events.length}"`);
    expect(settled.headers.etag).toBe(`"${events.length}"`);
    expect(events.map((e) => e.type)).toEqual([
      'ProjectIdentified', 'ProjectScreened', 'StageAdvanced', 'EntryModeSet', 'TeamSet', 'MarketingPlanSet', 'StakeholderAdded',
      'CompetitorAdded', 'QuotationCreated', 'QuotationRevisionDrafted', 'StageAdvanced', 'QuotationRevisionDrafted',
      'QuotationRevisionDrafted', 'QuotationRevisionSubmitted', 'BidOpeningRecorded', 'StageAdvanced', 'NegotiationRoundRecorded',
      'ContractSigned', 'ContractAmended', 'ContractAmended', 'StageAdvanced', 'MilestoneRecorded', 'StageAdvanced',
      'AcceptanceRecorded', 'HandoverRecorded', 'ProjectSettled',
    ]);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]!.metadata.actor).toBe('sales-key');
    expect(events.find((e) => e.type === 'ContractSigned')!.metadata.actor).toBe('contract_manager-key');
    expect(events.at(-1)!.metadata.actor).toBe('delivery-key');
    expect(new Set(events.map((e) => e.metadata.correlationId)).size).toBe(events.length - 1); // creating a quotation writes two events in one request
    expect(await store.verifyStream(`project-${id}`)).toMatchObject({ ok: true, version: events.length });
  });

  it('records a loss with the winner and the winning amount', async () => {
    const id = (await write('sales', 'post', '/v1/projects', bodies.identify).expect(201)).body.id as string;
    const p = `/v1/projects/${id}`;
    await write('sales', 'post', `${p}/screening`, bodies.screenPursue).expect(200);
    await write('sales', 'post', `${p}/stage-transitions`, bodies.advance('preparation')).expect(200);
    await write('estimator', 'post', `${p}/quotations`, bodies.quotation).expect(201);
    const lost = await write('sales', 'post', `${p}/loss`, bodies.loss).expect(200);
    expect(lost.body).toMatchObject({ stage: 'closed', outcome: 'lost', stageReached: 'preparation' });
    expect(lost.body.ending).toMatchObject({ reason: 'price', winner: 'ZPMC', winningAmount: { amount: '1190000.00', currency: 'CNY' } });
    const refused = await write('sales', 'post', `${p}/withdrawal`, bodies.reason).expect(409);
    expect(refused.body.code).toBe('PROJECT_CLOSED');
    expect((await storedEvents(id)).at(-1)!.type).toBe('ProjectLost');
  });

  it('ends a project dropped at screening as withdrawn', async () => {
    const id = (await write('sales', 'post', '/v1/projects', bodies.identify).expect(201)).body.id as string;
    const dropped = await write('sales', 'post', `/v1/projects/${id}/screening`, bodies.screenDrop).expect(200);
    expect(dropped.body).toMatchObject({ stage: 'closed', outcome: 'withdrawn', stageReached: 'search' });
    expect((await storedEvents(id)).map((e) => e.type)).toEqual(['ProjectIdentified', 'ProjectScreened', 'ProjectWithdrawn']);
  });

  it('refuses a gate with its stable code and writes nothing', async () => {
    const id = (await write('sales', 'post', '/v1/projects', bodies.identify).expect(201)).body.id as string;
    const p = `/v1/projects/${id}`;
    const noScreening = await write('sales', 'post', `${p}/stage-transitions`, bodies.advance('preparation')).expect(409);
    expect(noScreening.body).toMatchObject({ status: 409, code: 'STAGE_GATE_SCREENING_MISSING' });
    await write('sales', 'post', `${p}/screening`, bodies.screenPursue).expect(200);
    await write('sales', 'post', `${p}/stage-transitions`, bodies.advance('preparation')).expect(200);
    const noEntryMode = await write('sales', 'post', `${p}/stage-transitions`, bodies.advance('quotation')).expect(409);
    expect(noEntryMode.body.code).toBe('STAGE_GATE_ENTRY_MODE_MISSING');
    const skip = await write('sales', 'post', `${p}/stage-transitions`, bodies.advance('negotiation')).expect(409);
    expect(skip.body.code).toBe('STAGE_TRANSITION_NOT_NEXT');
    expect((await storedEvents(id)).length).toBe(3);
  });

  it('answers 404 for an unknown project and 400 for a malformed id', async () => {
    const unknown = await t.http().get('/v1/projects/7f1c9a52-5c1e-4b8e-9d07-3a1f5c2b9e10').set('Authorization', `Bearer ${t.keys.auditor}`).expect(404);
    expect(unknown.body.code).toBe('PROJECT_NOT_FOUND');
    await write('sales', 'post', '/v1/projects/7f1c9a52-5c1e-4b8e-9d07-3a1f5c2b9e10/screening', bodies.screenPursue).expect(404);
    await t.http().get('/v1/projects/not-a-uuid').set('Authorization', `Bearer ${t.keys.auditor}`).expect(400);
  });
});
