import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '#config';
import { EventStore } from '#event-store';
import { ProjectorRunner, projectionLag, subscriptionNameOf, type ProjectionLag } from '#read-models';
import { APP_CONFIG, PG_POOL } from '../../infrastructure/tokens.js';
import { LiveGenerationService } from '../consistency/live-generation.service.js';
import type { Metric } from '../metrics/metrics.registry.js';

export type ProjectionReport = ProjectionLag & { status: 'ok'; generation: number; mode: 'inline' | 'off'; activeHere: boolean };

// Projection lag for /health/ready and /metrics: the live generation against the head of the
// log, whichever process (this one inline, or a projector) applies it.
@Injectable()
export class ProjectionMonitorService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(LiveGenerationService) private readonly live: LiveGenerationService,
    @Inject(ProjectorRunner) private readonly runner: ProjectorRunner,
  ) {}

  async report(): Promise<ProjectionReport> {
    const generation = await this.live.get();
    const lag = await projectionLag(this.store, this.pool, subscriptionNameOf(generation.generation));
    const status = this.runner.status();
    const activeHere = status.generation?.generation === generation.generation && status.subscription?.active === true;
    return { status: 'ok', generation: generation.generation, mode: this.config.projector.mode, activeHere, ...lag };
  }

  async metrics(): Promise<Metric[]> {
    const report = await this.report();
    const labels = { generation: String(report.generation) };
    const gauge = (name: string, help: string, value: number): Metric => ({ name, help, type: 'gauge', samples: [{ labels, value }] });
    return [
      gauge('bidledger_projection_lag_events', 'Events in the log not yet applied to the live read models.', report.events),
      gauge('bidledger_projection_lag_seconds', 'Age in seconds of the oldest event not yet applied to the live read models.', report.seconds),
      gauge('bidledger_projection_applied_position', 'Global position of the last event applied to the live read models.', report.appliedPosition),
      gauge('bidledger_event_log_head_position', 'Global position of the newest readable event.', report.headPosition),
      gauge('bidledger_read_model_generation', 'The live read-model generation.', report.generation),
      gauge('bidledger_projector_active', '1 when this process applies the live generation.', report.activeHere ? 1 : 0),
    ];
  }
}
