import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '#config';
import { createPool, runMigrations } from '#database';
import { APP_CONFIG, PG_POOL } from './tokens.js';

// PostgreSQL holds the event store (by default), the read models, keys and idempotency records.
// Migrations run before anything else touches the pool.
@Global()
@Module({
  providers: [
    {
      provide: PG_POOL,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<Pool> => {
        const pool = createPool({ connectionString: config.database.url!, max: config.database.poolSize, applicationName: 'bidledger-api' });
        const logger = new Logger('Migrations');
        for (const { name, notices } of await runMigrations(pool)) {
          logger.log(`applied ${name}`);
          for (const notice of notices) logger.warn(`${name}: ${notice}`);
        }
        return pool;
      },
    },
  ],
  exports: [PG_POOL],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
