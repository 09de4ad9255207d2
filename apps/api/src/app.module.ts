import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '#config';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { ApiKeysController } from './api-keys/api-keys.controller.js';
import { ApiKeysRepository } from './api-keys/api-keys.repository.js';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessService } from './health/readiness.service.js';
import { ProblemFilter } from './http/problem.filter.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { BootstrapService } from './infrastructure/bootstrap.service.js';
import { DatabaseModule } from './infrastructure/database.module.js';
import { EventStoreModule } from './infrastructure/event-store.module.js';
import { APP_CONFIG } from './infrastructure/tokens.js';
import { FeedModule } from './feed/feed.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { ReadModelsModule } from './reads/read-models.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ConfigHolderModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] },
        CqrsModule.forRoot(),
        DatabaseModule,
        EventStoreModule,
        ProjectsModule,
        FeedModule,
        ReadModelsModule,
        AnalyticsModule,
      ],
      controllers: [HealthController, ApiKeysController],
      providers: [
        ApiKeysRepository,
        IdempotencyRepository,
        ReadinessService,
        BootstrapService,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [ReadinessService, IdempotencyRepository],
    };
  }
}

@Module({})
class ConfigHolderModule {}
