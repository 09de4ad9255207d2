import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
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
// (`npm run projections:rebuild` runs the same file) as its own process; `npm test` builds first.
describe('npm run projections:rebuild (the built CLI, its parts in worker threads)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const cli = join(root, 'dist/apps/projector/src/rebuild.js');
  const rebuildOn = (url: string, args: string[]) => run(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
  const rebuild = (args: string[]) => rebuildOn(db.url, args);
  const fill = async (target: PostgresEventStore, stages: readonly (typeof STAGES)[number][]) => {
    for (const [n, stage] of stages.entries()) {
      const id = randomUUID();
      await appendHistory(target, id, historyFor(id, stage, { segment: n % 2 ? 'ports' : 'hvac' }));
    }
  };

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run the tests with npm test, which builds first`);
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    await fill(store, [...STAGES, ...STAGES, ...STAGES]);
  }, 60_000);
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

  it('fails as a whole when a part fails in its thread: the part named, the live generation kept, no part left connected', async () => {
    const broken = await createTestDatabase();
    const brokenStore = new PostgresEventStore(broken.pool);
    try {
      await fill(brokenStore, STAGES);
      await rebuildOn(broken.url, ['--parts', '2', '--drop-after-seconds=0']);
      const live = (await readLiveGeneration(broken.pool))!;
      // A stream that starts at version 2: folding it fails in whichever part holds it.
      await broken.pool.query(
        `insert into events (stream_id, version, event_id, type, schema_version, data, metadata, actor, correlation_id, occurred_at, recorded_at, hash)
         select $1, 2, gen_random_uuid(), type, schema_version, data, metadata, actor, correlation_id, occurred_at, recorded_at, hash
           from events where version = 1 order by global_position limit 1`,
        [`project-${randomUUID()}`],
      );
      await expect(rebuildOn(broken.url, ['--parts', '2'])).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/rebuild part [01] of 2: stream project-[0-9a-f-]+: expected 1 events, read 0/),
      });
      expect((await readLiveGeneration(broken.pool))?.generation).toBe(live.generation);
      const { rows } = await broken.pool.query(`select count(*)::int as n from pg_stat_activity where application_name like 'bidledger-rebuild%'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await brokenStore.close();
      await broken.drop();
    }
  }, 60_000);
});
