import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodies } from './support/lifecycle-bodies.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('global event feed for ERP systems (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const createProject = () => t.http().post('/v1/projects').set('Authorization', `Bearer ${t.keys.erp}`).send(bodies.identify).expect(201);
  const feed = (query: string) => t.http().get(`/v1/events?${query}`).set('Authorization', `Bearer ${t.keys.auditor}`);

  it('pages through every event exactly once, in order, by cursor and by bare position', async () => {
    for (let i = 0; i < 5; i += 1) {
      const created = await createProject();
      await t.http().post(`/v1/projects/${created.body.id}/screening`).set('Authorization', `Bearer ${t.keys.erp}`).send(bodies.screenPursue).expect(200);
    }
    // An event becomes readable once every transaction before it (anywhere in the cluster) has
    // ended, so ask with a wait rather than assume it is visible the instant the write returns.
    const seen: number[] = [];
    let after = '';
    for (let page = 0; page < 20 && seen.length < 10; page += 1) {
      const response = await feed(`limit=3&waitSeconds=5&after=${after}`).expect(200);
      seen.push(...response.body.items.map((e: { globalPosition: number }) => e.globalPosition));
      after = response.body.nextAfter ?? after;
    }
    expect(seen.length).toBe(10);
    expect(new Set(seen).size).toBe(10);
    const byPosition = await feed(`after=${seen[3]}&limit=100`).expect(200);
    expect(byPosition.body.items.map((e: { globalPosition: number }) => e.globalPosition)).toEqual(seen.slice(4));
    const screenedOnly = await feed('types=ProjectScreened&limit=100&waitSeconds=2').expect(200);
    expect(screenedOnly.body.items).toHaveLength(5);
    expect(screenedOnly.body.items[0]).toMatchObject({ type: 'ProjectScreened', metadata: { actor: 'erp-key' }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('long-polls when caught up and returns as soon as an event is appended', async () => {
    const head = await feed('limit=1000&waitSeconds=2').expect(200);
    expect(head.body.items.length).toBeGreaterThanOrEqual(10);
    const started = Date.now();
    const waiting = feed(`after=${head.body.nextAfter}&waitSeconds=10`);
    const writer = new Promise((resolve) => setTimeout(resolve, 300)).then(() => createProject());
    const [response] = await Promise.all([waiting, writer]);
    expect(response.status).toBe(200);
    expect(response.body.items.map((e: { type: string }) => e.type)).toEqual(['ProjectIdentified']);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('refuses bad parameters with 400 problems', async () => {
    expect((await feed('limit=0').expect(400)).body.code).toBe('VALIDATION_FAILED');
    await feed('waitSeconds=99').expect(400);
    await feed('after=abc').expect(400);
    expect((await feed('after=999999999').expect(400)).body.code).toBe('UNKNOWN_POSITION');
    await t.http().get('/v1/events').expect(401);
  });

  it('streams the feed as server-sent events', async () => {
    const server = t.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const received = await new Promise<string>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port, path: '/v1/events/stream?after=0', headers: { Authorization: `Bearer ${t.keys.auditor}` } },
        (response) => {
          expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if ((text.match(/\n\n/g) ?? []).length >= 3) {
              request.destroy();
              resolve(text);
            }
          });
        },
      );
      request.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
    });
    const first = received.split('\n\n')[0]!;
    expect(first).toMatch(/^id: \d+:\d+\nevent: ProjectIdentified\ndata: \{/);
  });
});
