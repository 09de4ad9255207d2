import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { AppConfig } from '#config';
import { ProjectorRunner } from '#read-models';
import { ReadinessService } from '../../health/readiness.service.js';
import { APP_CONFIG } from '../../infrastructure/tokens.js';
import { MetricsRegistry, processMetrics } from '../metrics/metrics.registry.js';
import { ProjectionMonitorService } from './projection-monitor.service.js';

// PROJECTOR=inline (the default): this API process also runs the projector. With
// PROJECTOR=off a separate `npm run start:projector` does; several of either may run, one
// applies at a time. Stopped in onModuleDestroy, before the pool closes.
@Injectable()
export class InlineProjectorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projector');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ProjectorRunner) private readonly runner: ProjectorRunner,
    @Inject(ProjectionMonitorService) private readonly monitor: ProjectionMonitorService,
    @Inject(MetricsRegistry) private readonly metrics: MetricsRegistry,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // ReadinessService belongs to the root module, which this module cannot import.
    this.moduleRef.get(ReadinessService, { strict: false }).register('projections', () => this.monitor.report());
    this.metrics.register('projections', () => this.monitor.metrics());
    this.metrics.register('process', processMetrics);
    if (this.config.projector.mode !== 'inline') {
      this.logger.log('PROJECTOR=off: read models are kept by a separate projector process');
      return;
    }
    await this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
