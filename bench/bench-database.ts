import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { createPool, projectRoot, runMigrations, startEmbeddedPostgres } from '#database';

export type BenchDatabase = { pool: pg.Pool; url: string; drop(): Promise<void> };

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function onServer(url: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

// A fresh, migrated database on DATABASE_URL's server, or on an embedded PostgreSQL when unset.
export async function createBenchDatabase(poolSize: number): Promise<BenchDatabase> {
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres(join(projectRoot(), '.data/bench-postgres'));
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url;
  const name = `bidledger_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const pool = createPool({ connectionString: url, max: poolSize, applicationName: 'bidledger-bench' });
  await runMigrations(pool);
  return {
    pool,
    url,
    async drop() {
      await pool.end();
      await onServer(serverUrl, `drop database if exists ${name} with (force)`);
      await embedded?.stop();
    },
  };
}
