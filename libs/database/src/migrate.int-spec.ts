import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '#testing';
import { runMigrations } from './migrate.js';

describe('runMigrations', () => {
  let db: TestDatabase;
  let dir: string;

  beforeEach(async () => {
    db = await createTestDatabase({ migrate: false, poolSize: 2 });
    dir = await mkdtemp(join(tmpdir(), 'bidledger-migrations-'));
  });
  afterEach(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies each file once, in order, and hands back what a migration reported with RAISE NOTICE', async () => {
    await writeFile(join(dir, '0001_first.sql'), 'create table first_table (id integer)');
    await writeFile(join(dir, '0002_optional.sql'), `do $$ begin raise notice 'pg_nothing could not be installed'; end $$;`);
    expect(await runMigrations(db.pool, dir)).toEqual([
      { version: 1, name: '0001_first.sql', notices: [] },
      { version: 2, name: '0002_optional.sql', notices: ['pg_nothing could not be installed'] },
    ]);
    expect(await runMigrations(db.pool, dir)).toEqual([]);
  });

  it('rolls a failing file back and records nothing for it', async () => {
    await writeFile(join(dir, '0001_broken.sql'), 'create table half_done (id integer); select no_such_function()');
    await expect(runMigrations(db.pool, dir)).rejects.toThrow(/migration 0001_broken.sql failed: function no_such_function\(\) does not exist/);
    const { rows } = await db.pool.query(`select to_regclass('half_done') as half, (select count(*)::int from schema_migrations) as recorded`);
    expect(rows[0]).toEqual({ half: null, recorded: 0 });
  });

  it('goes on without pg_trgm where it cannot be installed, saying so (0007)', async () => {
    const applied = await runMigrations(db.pool);
    const trigram = applied.find((migration) => migration.name === '0007_trigram_search.sql')!;
    const { rows } = await db.pool.query(`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`);
    // Installed here when the server has contrib; otherwise the notice names the reason.
    if (rows[0].n === 1) expect(trigram.notices).toEqual([]);
    else expect(trigram.notices).toEqual([expect.stringMatching(/^pg_trgm could not be installed/)]);
  });
});
