import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createPool, runMigrations } from '#database';

export type TestDatabase = { url: string; pool: pg.Pool; drop(): Promise<void> };

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (jest globalSetup starts an embedded PostgreSQL when it is absent)');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// A fresh, migrated database per test file: tests never see each other's rows.
export async function createTestDatabase(options: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  const name = `bidledger_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl(), name);
  const pool = createPool({ connectionString: url, max: options.poolSize ?? 10, applicationName: 'bidledger-test' });
  if (options.migrate !== false) await runMigrations(pool);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
