import { fold, toProjectView, type ProjectEvent } from '#domain';
import { walkProjectToAmendment, type Journey } from './support/project-journey.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN = '4c2d3c8e-6f7b-4f7e-9a51-0d9f0c1b2a3e';

// Reads that fold or read the project's own stream (never behind the write side).
describe('replay, events, revisions and integrity (HTTP)', () => {
  let t: TestApp;
  let journey: Journey;
  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${t.keys.auditor}`);
  const identify = async (name: string) => {
    const response = await t.http().post('/v1/projects').set('Authorization', `Bearer ${t.keys.sales}`).send({
      name, customer: { name: 'Shenzhen Metro' }, segment: 'hvac', region: 'south-china', leadSource: 'inbound', estimatedValue: { amount: '100.05', currency: 'CNY' },
    }).expect(201);
    return { id: response.body.id as string };
  };

  beforeAll(async () => {
    t = await startTestApp({ PROJECTOR: 'off' });
    journey = await walkProjectToAmendment(t, 'Harbour crane automation');
  }, 60_000);
  afterAll(async () => t.close());

  it('gives the state as of an instant before and after the amendment, equal to the fold', async () => {
    const events = (await get(`/v1/projects/${journey.id}/events`).expect(200)).body.items as { type: string; recordedAt: string; data: Record<string, unknown>; schemaVersion: number }[];
    const amendment = events.findIndex((event) => event.type === 'ContractAmended');
    const foldUpTo = (instant: string) =>
      toProjectView(fold(events.filter((event) => event.recordedAt <= instant).map((e) => ({ type: e.type, schemaVersion: e.schemaVersion, data: e.data }) as ProjectEvent)));
    const before = events[amendment - 1]!.recordedAt;
    const after = events[amendment]!.recordedAt;
    const stateBefore = await get(`/v1/projects/${journey.id}/state?asOf=${before}`).expect(200);
    const stateAfter = await get(`/v1/projects/${journey.id}/state?asOf=${after}`).expect(200);
    expect(stateBefore.body).toEqual(JSON.parse(JSON.stringify(foldUpTo(before))));
    expect(stateAfter.body).toEqual(JSON.parse(JSON.stringify(foldUpTo(after))));
    expect(stateBefore.body.contract.currentValue.amount).toBe('495000.00');
    expect(stateAfter.body.contract.currentValue.amount).toBe('545000.00');
    const atVersion = await get(`/v1/projects/${journey.id}/state?atVersion=1`).expect(200);
    expect(atVersion.headers['x-project-version']).toBe('1');
    expect(atVersion.body.stage).toBe('search');
  });

  it('refuses anything but exactly one of asOf and atVersion, and 404s outside the history', async () => {
    await get(`/v1/projects/${journey.id}/state`).expect(400);
    await get(`/v1/projects/${journey.id}/state?asOf=2026-01-01T00:00:00Z&atVersion=2`).expect(400);
    await get(`/v1/projects/${journey.id}/state?atVersion=0`).expect(400);
    expect((await get(`/v1/projects/${journey.id}/state?atVersion=9999`).expect(404)).body.code).toBe('VERSION_NOT_FOUND');
    expect((await get(`/v1/projects/${journey.id}/state?asOf=2000-01-01T00:00:00Z`).expect(404)).body.code).toBe('PROJECT_NOT_YET_IDENTIFIED');
    await get(`/v1/projects/${UNKNOWN}/state?atVersion=1`).expect(404);
  });

  it('returns the raw events with metadata and hash, page by page', async () => {
    const first = await get(`/v1/projects/${journey.id}/events?limit=3`).expect(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.items[0]).toMatchObject({ version: 1, type: 'ProjectIdentified', metadata: { actor: 'sales-key', correlationId: 'journey' }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(first.body.items[0].checkpoint).toBeUndefined();
    expect(first.body.nextCursor).toBe('4');
    const rest = await get(`/v1/projects/${journey.id}/events?fromVersion=4`).expect(200);
    expect(rest.body.items[0].version).toBe(4);
    expect(rest.body.nextCursor).toBeNull();
    await get(`/v1/projects/${UNKNOWN}/events`).expect(404);
  });

  it('lists revisions, one revision, and the diff between two', async () => {
    const base = `/v1/projects/${journey.id}/quotations/${journey.quotationId}/revisions`;
    const list = await get(base).expect(200);
    expect(list.body.items.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([[1, 'draft'], [2, 'submitted']]);
    expect((await get(`${base}/2`).expect(200)).body.totals.total).toBe('495000.00');
    const diff = await get(`${base}/2/diff?against=1`).expect(200);
    expect(diff.body).toMatchObject({ from: 1, to: 2, added: [expect.objectContaining({ code: 'C' })], removed: [expect.objectContaining({ code: 'B' })] });
    expect(diff.body.changed).toEqual([{ code: 'A', changes: [{ field: 'unitPrice', from: '250000.00', to: '240000.00' }, { field: 'lineTotal', from: '500000.00', to: '480000.00' }] }]);
    expect(diff.body.totals.delta.total).toBe('-705000.00');
    expect((await get(`${base}/7`).expect(404)).body.code).toBe('REVISION_NOT_FOUND');
    await get(`${base}/2/diff`).expect(400);
    expect((await get(`/v1/projects/${journey.id}/quotations/${UNKNOWN}/revisions`).expect(404)).body.code).toBe('QUOTATION_NOT_FOUND');
  });

  it('verifies the hash chain and names the first broken version', async () => {
    expect((await get(`/v1/projects/${journey.id}/integrity`).expect(200)).body).toMatchObject({ ok: true, version: 15 });
    const { id } = await identify('Tampered');
    await t.http().post(`/v1/projects/${id}/screening`).set('Authorization', `Bearer ${t.keys.sales}`)
      .send({ customerValue: 1, willingness: 1, competitivePosition: 1, strategicImportance: 1, capabilityFit: 1, decision: 'pursue', notes: 'n' }).expect(200);
    await t.db.pool.query(`update events set data = jsonb_set(data::jsonb, '{notes}', '"edited"')::json where stream_id = $1 and version = 2`, [`project-${id}`]);
    expect((await get(`/v1/projects/${id}/integrity`).expect(200)).body).toMatchObject({ ok: false, brokenAtVersion: 2 });
    await get(`/v1/projects/${UNKNOWN}/integrity`).expect(404);
  });
});
