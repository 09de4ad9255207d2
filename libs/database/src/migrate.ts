import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { projectRoot } from './project-root.js';

export const migrationsDir = (): string => join(projectRoot(), 'migrations');

// Any fixed 64-bit key; every process that migrates takes the same lock, so two
// instances starting together apply each file once, in order.
const MIGRATION_LOCK_KEY = 7_313_001;
const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;

// notices: what the migration reported with RAISE NOTICE (e.g. an optional extension it could
// not install), for the caller to log: a migration is applied once, so this is the only chance.
export type AppliedMigration = { version: number; name: string; notices: string[] };

export async function runMigrations(pool: Pool, dir: string = migrationsDir()): Promise<AppliedMigration[]> {
  const files = (await readdir(dir)).filter((f) => FILE_PATTERN.test(f)).sort();
  const client = await pool.connect();
  const applied: AppliedMigration[] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(
      `create table if not exists schema_migrations (
         version integer primary key,
         name text not null,
         applied_at timestamptz not null default now())`,
    );
    const done = new Set(
      (await client.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => r.version),
    );
    for (const name of files) {
      const version = Number(FILE_PATTERN.exec(name)![1]);
      if (done.has(version)) continue;
      const sql = await readFile(join(dir, name), 'utf8');
      const notices: string[] = [];
      const onNotice = (notice: { message?: string }) => notices.push(notice.message ?? '');
      client.on('notice', onNotice);
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('insert into schema_migrations (version, name) values ($1, $2)', [version, name]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      } finally {
        client.off('notice', onNotice);
      }
      applied.push({ version, name, notices });
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return applied;
}
