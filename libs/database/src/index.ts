export { createPool, type PoolOptions } from './pool.js';
export { runMigrations, migrationsDir, type AppliedMigration } from './migrate.js';
export { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
export { projectRoot } from './project-root.js';
