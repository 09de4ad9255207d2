import { bodies } from './support/lifecycle-bodies.js';
import { ADMIN_KEY, startTestApp, type TestApp } from './support/test-app.js';

describe('authentication, roles and API keys (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('answers health probes without a key', async () => {
    await t.http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
  });

  it('refuses a missing or unknown key with a 401 problem document', async () => {
    const missing = await t.http().get('/v1/api-keys').expect(401);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    await t.http().get('/v1/projects/4c2d3c8e-6f7b-4f7e-9a51-0d9f0c1b2a3e').set('Authorization', 'Bearer nope').expect(401);
  });

  it('lets only admin manage keys, returns the secret once and stores only its hash', async () => {
    await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${t.keys.auditor}`).expect(403);
    await t.http().post('/v1/api-keys').set('Authorization', `Bearer ${t.keys.erp}`).send({ name: 'x1', role: 'admin' }).expect(403);
    const created = await t.http().post('/v1/api-keys').set('Authorization', `Bearer ${ADMIN_KEY}`).send({ name: 'odoo', role: 'erp' }).expect(201);
    expect(created.body.secret).toMatch(/^blk_/);
    const listed = await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${ADMIN_KEY}`).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(listed.body.items.map((k: { name: string }) => k.name)).toEqual(expect.arrayContaining(['bootstrap-admin', 'odoo']));
    const stored = await t.db.pool.query('select key_hash from api_keys where id = $1', [created.body.id]);
    expect(stored.rows[0].key_hash.toString('utf8')).not.toContain(created.body.secret);
    await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${created.body.secret}`).expect(403);
  });

  it('refuses a duplicate active name, bad bodies, and revokes keys for good', async () => {
    await t.http().post('/v1/api-keys').set('Authorization', `Bearer ${ADMIN_KEY}`).send({ name: 'odoo', role: 'erp' }).expect(409);
    const bad = await t.http().post('/v1/api-keys').set('Authorization', `Bearer ${ADMIN_KEY}`).send({ name: 'z', role: 'king', extra: 1 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name', 'role', 'extra']));
    const key = await t.http().post('/v1/api-keys').set('Authorization', `Bearer ${ADMIN_KEY}`).send({ name: 'temp', role: 'sales' }).expect(201);
    await t.http().delete(`/v1/api-keys/${key.body.id}`).set('Authorization', `Bearer ${ADMIN_KEY}`).expect(200);
    await t.http().delete(`/v1/api-keys/${key.body.id}`).set('Authorization', `Bearer ${ADMIN_KEY}`).expect(409);
    await t.http().delete('/v1/api-keys/0b0e7f0e-0000-4000-8000-000000000000').set('Authorization', `Bearer ${ADMIN_KEY}`).expect(404);
    await t.http().delete('/v1/api-keys/not-a-uuid').set('Authorization', `Bearer ${ADMIN_KEY}`).expect(400);
    await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${key.body.secret}`).expect(401);
  });

  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const given = await t.http().get('/health/live').set('X-Request-Id', 'erp-trace-42').expect(200);
    expect(given.headers['x-request-id']).toBe('erp-trace-42');
    const made = await t.http().get('/health/live').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 and an oversize body with 413, both as problems', async () => {
    const malformed = await t.http().post('/v1/projects').set('Authorization', `Bearer ${ADMIN_KEY}`).set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    const oversize = await t.http().post('/v1/projects').set('Authorization', `Bearer ${ADMIN_KEY}`).set('Content-Type', 'application/json').send(huge).expect(413);
    expect(oversize.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers text the event store cannot keep (NUL, a lone surrogate) with 400 and writes nothing', async () => {
    const events = async () => Number((await t.db.pool.query('select count(*) from events')).rows[0].count);
    const before = await events();
    // The last: an escaped backslash, the letters ud800, then a real lone low surrogate.
    for (const escaped of ['\\u0000', '\\ud800', '\\udc00', '\\\\ud800\\udc00']) {
      const body = JSON.stringify({ ...bodies.identify, name: 'Harbour XYZ' }).replace('XYZ', escaped);
      const refused = await t.http().post('/v1/projects').set('Authorization', `Bearer ${ADMIN_KEY}`).set('Content-Type', 'application/json').send(body).expect(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 400, code: 'UNSTORABLE_TEXT' });
    }
    // Only UTF-8 bodies are read (in UTF-16 the escapes above would not be seen as such).
    const utf16 = Buffer.from(JSON.stringify({ ...bodies.identify, name: 'Harbour \u0000' }), 'utf16le');
    const otherCharset = await t.http().post('/v1/projects').set('Authorization', `Bearer ${ADMIN_KEY}`).set('Content-Type', 'application/json; charset=utf-16le').send(utf16).expect(415);
    expect(otherCharset.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_CHARSET' });
    expect(await events()).toBe(before);
    // An escaped surrogate pair is ordinary text.
    const paired = JSON.stringify({ ...bodies.identify, name: 'Harbour XYZ' }).replace('XYZ', '\\ud83c\\udfd7');
    const created = await t.http().post('/v1/projects').set('Authorization', `Bearer ${ADMIN_KEY}`).set('Content-Type', 'application/json').send(paired).expect(201);
    expect(created.body.name).toBe('Harbour \u{1F3D7}');
  });

  it('serves the OpenAPI document with the bearer scheme', async () => {
    const doc = await t.http().get('/openapi.json').expect(200);
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/projects', '/v1/api-keys', '/v1/projects/{id}/contract/amendments']));
  });
});
