import { PostgresEventStore } from '#event-store';
import { allProjections, rebuildReadModels } from '#read-models';
import { walkProjectToAmendment, type Journey } from './support/project-journey.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const UNKNOWN = '4c2d3c8e-6f7b-4f7e-9a51-0d9f0c1b2a3e';

describe('read models and replay (HTTP)', () => {
  let t: TestApp;
  let journey: Journey;
  const get = (path: string, role: keyof TestApp['keys'] = 'auditor') => t.http().get(path).set('Authorization', `Bearer ${t.keys[role]}`);
  const identify = async (name: string) => {
    const response = await t.http().post('/v1/projects').set('Authorization', `Bearer ${t.keys.sales}`).send({
      name, customer: { name: 'Shenzhen Metro' }, segment: 'hvac', region: 'south-china', leadSource: 'inbound', estimatedValue: { amount: '100.05', currency: 'CNY' },
    }).expect(201);
    return { id: response.body.id as string, position: Number(response.headers['x-event-position']) };
  };

  beforeAll(async () => {
    t = await startTestApp({ READ_WAIT_MAX_MS: '10000' }); // generous: a busy shared server delays readability
    journey = await walkProjectToAmendment(t, 'Harbour crane automation');
  }, 60_000);
  afterAll(async () => t.close());

  describe('read-your-writes', () => {
    it('sees a write at once with ?minPosition, in the list and the pipeline', async () => {
      const { id, position } = await identify('Metro HVAC line 14');
      const list = await get(`/v1/projects?q=line%2014&minPosition=${position}`).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
      expect(Number(list.headers['x-read-model-position'])).toBeGreaterThanOrEqual(position);
      expect(list.headers['x-read-model-stale']).toBeUndefined();
      const pipeline = await get(`/v1/pipeline?segment=hvac&minPosition=${position}`).expect(200);
      expect(pipeline.body.stages[0]).toMatchObject({ stage: 'search', weight: '0.10', estimatedValue: [{ amount: '100.05', currency: 'CNY' }], weightedValue: [{ amount: '10.01', currency: 'CNY' }] });
    });

    it('answers anyway, flagged stale, when the position is not reached in time', async () => {
      const response = await get('/v1/projects?minPosition=999999999&limit=1').expect(200);
      expect(response.headers['x-read-model-stale']).toBe('true');
      expect(response.headers['x-read-model-position']).toMatch(/^\d+$/);
    }, 20_000);
  });

  describe('projects list', () => {
    it('pages with nextCursor, every project once', async () => {
      for (const n of [1, 2, 3]) await identify(`Paged project ${n}`);
      const { position } = await identify('Paged project 4');
      const seen: string[] = [];
      let cursor = '';
      for (let page = 0; page < 5; page++) {
        const response = await get(`/v1/projects?q=paged&limit=3&minPosition=${position}${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        seen.push(...response.body.items.map((item: { name: string }) => item.name));
        if (!response.body.nextCursor) break;
        cursor = response.body.nextCursor;
      }
      expect(seen).toEqual(['Paged project 4', 'Paged project 3', 'Paged project 2', 'Paged project 1']);
    });

    it('refuses bad parameters with 400 problem documents, and needs a key', async () => {
      const bad = await get('/v1/projects?limit=abc&stage=bogus&extra=1').expect(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['limit', 'stage', 'extra']));
      expect((await get('/v1/projects?cursor=bm90LWEtY3Vyc29y').expect(400)).body.code).toBe('INVALID_CURSOR');
      await get('/v1/projects?minPosition=-1').expect(400);
      await t.http().get('/v1/projects').expect(401);
      await t.http().get('/v1/pipeline').expect(401);
    });
  });

  describe('audit trail', () => {
    it('lists who, when, what and old → new, a revision line by line', async () => {
      const response = await get(`/v1/projects/${journey.id}/audit-trail?minPosition=${journey.lastPosition}`).expect(200);
      const events = (await get(`/v1/projects/${journey.id}/events`).expect(200)).body.items;
      expect(response.body.items.map((entry: { version: number }) => entry.version)).toEqual(events.map((event: { version: number }) => event.version));
      const revision = response.body.items.find((entry: { eventType: string; changes: unknown[] }) => entry.eventType === 'QuotationRevisionDrafted' && entry.changes.some((c) => (c as { to: unknown }).to === 2));
      expect(revision).toMatchObject({ actor: 'estimator-key', requestId: 'journey' });
      const at = `quotations[${journey.quotationId}]`;
      expect(revision.changes).toEqual(expect.arrayContaining([
        { field: `${at}.lines[A].unitPrice`, from: '250000.00', to: '240000.00' },
        { field: `${at}.lines[B]`, from: expect.objectContaining({ code: 'B' }), to: null },
        { field: `${at}.lines[C]`, from: null, to: expect.objectContaining({ code: 'C', lineTotal: '15000.00' }) },
        { field: `${at}.totals.total`, from: '1200000.00', to: '495000.00' },
      ]));
      const amended = await get(`/v1/projects/${journey.id}/audit-trail?actor=contract_manager-key&type=ContractAmended`).expect(200);
      expect(amended.body.items).toHaveLength(1);
      expect(amended.body.items[0].changes).toContainEqual({ field: 'contract.currentValue', from: { amount: '495000.00', currency: 'CNY' }, to: { amount: '545000.00', currency: 'CNY' } });
    });

    it('streams CSV with a BOM, a header row and RFC 4180 quoting', async () => {
      const response = await get(`/v1/projects/${journey.id}/audit-trail?format=csv`).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      }).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="audit-trail-${journey.id}.csv"`);
      const text = response.body as string;
      expect(text.startsWith('\uFEFFglobalPosition,version,recordedAt,actor,requestId,eventType,summary,changes\r\n')).toBe(true);
      expect(text).toContain('"Project ""Harbour crane automation"" identified for Ningbo Port Group');
      expect(text).toContain(`${'quotations['}${journey.quotationId}].lines[A].unitPrice: 250000.00 → 240000.00`);
    });

    it('answers 404 for an unknown project and 400 for bad filters', async () => {
      expect((await get(`/v1/projects/${UNKNOWN}/audit-trail`).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
      await get('/v1/projects/not-a-uuid/audit-trail').expect(400);
      await get(`/v1/projects/${journey.id}/audit-trail?format=xml`).expect(400);
      await get(`/v1/projects/${journey.id}/audit-trail?from=yesterday`).expect(400);
      await get(`/v1/projects/${journey.id}/audit-trail?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`).expect(400);
    });
  });

  describe('operations', () => {
    it('reports projection lag at /health/ready and in /metrics', async () => {
      const ready = await t.http().get('/health/ready').expect(200);
      expect(ready.body.checks.projections).toMatchObject({ status: 'ok', generation: 1, mode: 'inline', events: expect.any(Number), seconds: expect.any(Number) });
      const metrics = await get('/metrics').expect(200);
      expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
      expect(metrics.text).toMatch(/^bidledger_projection_lag_events\{generation="1"\} \d+$/m);
      expect(metrics.text).toMatch(/^bidledger_projection_lag_seconds\{generation="1"\} [\d.]+$/m);
      await t.http().get('/metrics').expect(401);
    });

    it('lists every read route in the OpenAPI document', async () => {
      const doc = await t.http().get('/openapi.json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
        '/v1/projects', '/v1/pipeline', '/v1/projects/{id}/audit-trail', '/v1/projects/{id}/state', '/v1/projects/{id}/events',
        '/v1/projects/{id}/integrity', '/v1/projects/{id}/quotations/{qid}/revisions', '/v1/projects/{id}/quotations/{qid}/revisions/{n}',
        '/v1/projects/{id}/quotations/{qid}/revisions/{n}/diff', '/metrics',
      ]));
      expect(doc.body.paths['/v1/projects'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['stage', 'outcome', 'segment', 'region', 'leadSource', 'q', 'limit', 'cursor', 'minPosition']),
      );
    });

    it('keeps answering during a rebuild, with the same results after the switch', async () => {
      const { position } = await identify('Before the rebuild');
      const paths = [`/v1/projects?limit=100&minPosition=${position}`, `/v1/pipeline?minPosition=${position}`, `/v1/projects/${journey.id}/audit-trail?minPosition=${position}`];
      const baseline = await Promise.all(paths.map(async (path) => (await get(path).expect(200)).body));
      const failures: string[] = [];
      let reads = 0;
      let rebuilding = true;
      const reader = (async () => {
        while (rebuilding) {
          for (const [index, path] of paths.entries()) {
            const response = await get(path);
            reads += 1;
            if (response.status !== 200) failures.push(`${path}: ${response.status}`);
            else if (JSON.stringify(response.body) !== JSON.stringify(baseline[index])) failures.push(`${path}: differs`);
          }
        }
      })();
      const store = new PostgresEventStore(t.db.pool);
      try {
        const result = await rebuildReadModels(store, t.db.pool, allProjections({ store }), { batchSize: 1000, dropAfterMs: 1500, logger: quiet });
        expect(result.generation.generation).toBe(2);
        await new Promise((resolve) => setTimeout(resolve, 500)); // reads go on after the old generation is dropped
      } finally {
        rebuilding = false;
        await reader;
        await store.close();
      }
      expect(failures).toEqual([]);
      expect(reads).toBeGreaterThan(3);
      const ready = await t.http().get('/health/ready').expect(200);
      expect(ready.body.checks.projections.generation).toBe(2);
      const { id, position: after } = await identify('After the rebuild');
      const list = await get(`/v1/projects?q=after%20the%20rebuild&minPosition=${after}`).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    }, 30_000);
  });
});
