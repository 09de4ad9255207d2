import { startEmbeddedPostgres } from '../libs/database/src/embedded-postgres.js';
import { projectRoot } from '../libs/database/src/project-root.js';

// With DATABASE_URL set (CI, a developer's server) tests use it; without, they bring up an
// embedded PostgreSQL so `npm test` passes on a machine with nothing installed.
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const db = await startEmbeddedPostgres(`${projectRoot()}/.data/test-postgres`);
  process.env.DATABASE_URL = db.url;
  (globalThis as Record<string, unknown>).__embeddedPostgres = db;
}
