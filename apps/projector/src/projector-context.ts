import type { Pool } from 'pg';
import { ConfigError, loadConfig, type AppConfig } from '#config';
import { createPool, runMigrations } from '#database';
import { EventStore, EventStoreDbEventStore, PostgresEventStore } from '#event-store';

export type ProjectorContext = { config: AppConfig; pool: Pool; store: EventStore; close(): Promise<void> };

// What both projector entry points need. No embedded PostgreSQL here: a projector serves a
// database someone else runs, so DATABASE_URL is required.
export async function openProjectorContext(applicationName: string): Promise<ProjectorContext> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) exit(error.message);
    throw error;
  }
  if (!config.database.url) exit('DATABASE_URL is required (the projector does not start an embedded PostgreSQL)');
  const pool = createPool({ connectionString: config.database.url, max: config.database.poolSize, applicationName });
  for (const { name, notices } of await runMigrations(pool)) {
    console.log(`migrations: applied ${name}`);
    for (const notice of notices) console.warn(`migrations: ${name}: ${notice}`);
  }
  const store = config.eventStore.kind === 'eventstoredb' ? EventStoreDbEventStore.fromConnectionString(config.eventStore.url) : new PostgresEventStore(pool);
  return {
    config,
    pool,
    store,
    async close() {
      await store.close();
      await pool.end();
    },
  };
}

function exit(message: string): never {
  console.error(message);
  process.exit(78); // EX_CONFIG
}
