import type { EmbeddedDatabase } from '../libs/database/src/embedded-postgres.js';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as Record<string, unknown>).__embeddedPostgres as EmbeddedDatabase | undefined;
  await db?.stop();
}
