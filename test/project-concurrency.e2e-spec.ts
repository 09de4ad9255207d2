import { PostgresEventStore } from '#event-store';
import { bodies } from './support/lifecycle-bodies.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('optimistic concurrency and idempotency over HTTP', () => {
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

  const newProject = async () => {
    const created = await t.http().post('/v1/projects').set('Authorization', `Bearer ${t.keys.sales}`).send(bodies.identify).expect(201);
    return created.body.id as string;
  };
  const versionOf = async (id: string) => (await store.readStream(`project-${id}`)).length;

  it('lets exactly one of two writers with the same If-Match win; the other gets 412', async () => {
    const id = await newProject();
    const send = (name: string) =>
      t.http().post(`/v1/projects/${id}/competitors`).set('Authorization', `Bearer ${t.keys.sales}`).set('If-Match', '"1"').send({ name });
    const results = await Promise.all([send('ZPMC'), send('Liebherr')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 412]);
    const loser = results.find((r) => r.status === 412)!;
    expect(loser.body).toMatchObject({ code: 'PRECONDITION_FAILED', currentVersion: 2 });
    expect(await versionOf(id)).toBe(2);
  });

  it('runs against the stated version only: a stale If-Match is 412, a current one passes', async () => {
    const id = await newProject();
    await t.http().post(`/v1/projects/${id}/competitors`).set('Authorization', `Bearer ${t.keys.sales}`).set('If-Match', '"3"').send({ name: 'A' }).expect(412);
    await t.http().post(`/v1/projects/${id}/competitors`).set('Authorization', `Bearer ${t.keys.sales}`).set('If-Match', 'W/"1"').send({ name: 'A' }).expect(201);
    await t.http().post(`/v1/projects/${id}/competitors`).set('Authorization', `Bearer ${t.keys.sales}`).set('If-Match', 'banana').send({ name: 'B' }).expect(412);
    expect(await versionOf(id)).toBe(2);
  });

  it('without If-Match, concurrent writers all succeed against the latest version, none lost', async () => {
    const id = await newProject();
    const names = Array.from({ length: 8 }, (_, i) => `Competitor ${i}`);
    const results = await Promise.all(
      names.map((name) => t.http().post(`/v1/projects/${id}/competitors`).set('Authorization', `Bearer ${t.keys.sales}`).send({ name })),
    );
    const ok = results.filter((r) => r.status === 201).length;
    const conflicts = results.filter((r) => r.status === 409).length;
    expect(ok + conflicts).toBe(names.length);
    expect(await versionOf(id)).toBe(1 + ok);
    const events = await store.readStream(`project-${id}`);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
  });

  it('replays the first response for a retried Idempotency-Key and writes nothing new', async () => {
    const first = await t.http().post('/v1/projects').set('Authorization', `Bearer ${t.keys.sales}`).set('Idempotency-Key', 'erp-42').send(bodies.identify).expect(201);
    const retry = await t.http().post('/v1/projects').set('Authorization', `Bearer ${t.keys.sales}`).set('Idempotency-Key', 'erp-42').send(bodies.identify).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const count = await t.db.pool.query(`select count(*)::int as n from events where stream_id like 'project-%' and data->>'name' = $1`, [bodies.identify.name]);
    const other = await t.http().post('/v1/projects').set('Authorization', `Bearer ${t.keys.sales}`).set('Idempotency-Key', 'erp-42').send({ ...bodies.identify, name: 'Another' }).expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const after = await t.db.pool.query(`select count(*)::int as n from events where stream_id like 'project-%' and data->>'name' = $1`, [bodies.identify.name]);
    expect(after.rows[0].n).toBe(count.rows[0].n);
  });

  it('replays a refused write the same way, and scopes keys per API key', async () => {
    const id = await newProject();
    const path = `/v1/projects/${id}/stage-transitions`;
    const first = await t.http().post(path).set('Authorization', `Bearer ${t.keys.sales}`).set('Idempotency-Key', 'k-1').send(bodies.advance('preparation')).expect(409);
    const again = await t.http().post(path).set('Authorization', `Bearer ${t.keys.sales}`).set('Idempotency-Key', 'k-1').send(bodies.advance('preparation')).expect(409);
    expect(again.body).toEqual(first.body);
    // Another caller using the same key string is a different request altogether.
    await t.http().post(`/v1/projects/${id}/competitors`).set('Authorization', `Bearer ${t.keys.erp}`).set('Idempotency-Key', 'k-1').send({ name: 'X' }).expect(201);
    expect(await versionOf(id)).toBe(2);
  });

  it('runs two simultaneous requests with one key once', async () => {
    const id = await newProject();
    const send = () =>
      t.http().post(`/v1/projects/${id}/competitors`).set('Authorization', `Bearer ${t.keys.sales}`).set('Idempotency-Key', 'same-time').send({ name: 'Twin' });
    const results = await Promise.all([send(), send(), send()]);
    expect(results.every((r) => [201, 409].includes(r.status))).toBe(true);
    expect(await versionOf(id)).toBe(2);
  });

  it('writes nothing new when a retry follows a crash between the append and saving the answer', async () => {
    const id = await newProject();
    // Adding a stakeholder is not naturally idempotent: each request names a new stakeholder id.
    await t.http().post(`/v1/projects/${id}/stakeholders`).set('Authorization', `Bearer ${t.keys.sales}`).set('Idempotency-Key', 'co-1').send(bodies.stakeholder).expect(201);
    // The process "died" after the events committed but before the answer was stored: the key is free again.
    await t.db.pool.query(`delete from idempotency_keys where key = 'co-1'`);
    const retry = await t.http().post(`/v1/projects/${id}/stakeholders`).set('Authorization', `Bearer ${t.keys.sales}`).set('Idempotency-Key', 'co-1').send(bodies.stakeholder).expect(201);
    expect(retry.body.stakeholders).toHaveLength(1);
    expect(retry.headers.etag).toBe('"2"');
    expect(await versionOf(id)).toBe(2);
  });

  it('names the same project on a retried identification after a crash, creating it once', async () => {
    const first = await t.http().post('/v1/projects').set('Authorization', `Bearer ${t.keys.erp}`).set('Idempotency-Key', 'lead-7').send(bodies.identify).expect(201);
    await t.db.pool.query(`delete from idempotency_keys where key = 'lead-7'`);
    const retry = await t.http().post('/v1/projects').set('Authorization', `Bearer ${t.keys.erp}`).set('Idempotency-Key', 'lead-7').send(bodies.identify).expect(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(await versionOf(first.body.id)).toBe(1);
  });
});
