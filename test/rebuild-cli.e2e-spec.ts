import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '#database';
import { PostgresEventStore } from '#event-store';
import { readLiveGeneration } from '#read-models';
import { createTestDatabase, type TestDatabase } from '#testing';
import { appendHistory, historyFor } from '../libs/read-models/src/testing/read-model-fixtures.js';
import { schemaDigest } from '../libs/read-models/src/testing/schema-digest.js';

const run = promisify(execFile);
const root = projectRoot();
const STAGES = ['search', 'preparation', 'quotation', 'negotiation', 'implementation', 'transition', 'closed'] as const;

// The worker threads of a split rebuild load compiled JavaScript, so this runs the built CLI
// (`npm run projections:rebuild` runs the same file) as its own process.
describe('npm run projections:rebuild (the built CLI, its parts in worker threads)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const rebuild = (args: string[]) =>
    run(process.execPath, [join(root, 'dist/apps/projector/src/rebuild.js'), ...args], { cwd: root, env: { ...process.env, DATABASE_URL: db.url } });

  beforeAll(async () => {
    await run(process.execPath, [join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build'], { cwd: root });
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    for (const [n, stage] of [...STAGES, ...STAGES, ...STAGES].entries()) {
      const id = randomUUID();
      await appendHistory(store, id, historyFor(id, stage, { segment: n % 2 ? 'ports' : 'hvac' }));
    }
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('splits the bulk load over worker threads and builds what a single thread builds', async () => {
    const split = await rebuild(['--parts', '3', '--batch-size', '7', '--drop-after-seconds=-1']);
    expect(split.stdout).toMatch(/bulk load in 3 parts: [1-9]\d* \+ \d+ \+ \d+ events/);
    const threaded = (await readLiveGeneration(db.pool))!;
    const single = await rebuild(['--parts', '1', '--batch-size', '7', '--drop-after-seconds=-1']);
    expect(single.stdout).toMatch(/done: generation \d+ live/);
    expect(single.stdout).not.toMatch(/in \d+ parts/);
    const unsplit = (await readLiveGeneration(db.pool))!;
    expect(unsplit.generation).toBe(threaded.generation + 1);
    const digest = await schemaDigest(db.pool, unsplit.schema);
    expect(digest.audit_trail?.n).toBeGreaterThan(100);
    expect(await schemaDigest(db.pool, threaded.schema)).toEqual(digest);
  }, 120_000);

  it('refuses a number of parts that is not a whole number from 1 to 64, with its usage', async () => {
    for (const parts of ['0', '1.5', 'many', '65']) {
      await expect(rebuild(['--parts', parts])).rejects.toMatchObject({ code: 64, stderr: expect.stringMatching(/usage: rebuild .*--parts <1\.\.64>/) });
    }
  });
});
