import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '#config';
import { assertTransactionHorizon, EventStore, EventStoreDbEventStore, PostgresEventStore } from '#event-store';
import { APP_CONFIG, PG_POOL } from './tokens.js';

@Global()
@Module({
  providers: [
    {
      provide: EventStore,
      inject: [APP_CONFIG, PG_POOL],
      useFactory: async (config: AppConfig, pool: Pool): Promise<EventStore> => {
        if (config.eventStore.kind === 'eventstoredb') return EventStoreDbEventStore.fromConnectionString(config.eventStore.url);
        await assertTransactionHorizon(pool);
        return new PostgresEventStore(pool);
      },
    },
  ],
  exports: [EventStore],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
