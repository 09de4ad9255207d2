import { Logger, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { EventStore } from '#event-store';
import { allProjections, ProjectorRunner, type Projection } from '#read-models';
import { PG_POOL } from '../infrastructure/tokens.js';
import { GetAuditTrailHandler } from './audit-trail/get-audit-trail.query.js';
import { AuditTrailController } from './audit-trail/audit-trail.controller.js';
import { LiveGenerationService } from './consistency/live-generation.service.js';
import { ReadConsistencyService } from './consistency/read-consistency.service.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsRegistry } from './metrics/metrics.registry.js';
import { GetPipelineHandler } from './pipeline/get-pipeline.query.js';
import { PipelineController } from './pipeline/pipeline.controller.js';
import { ProjectStreamsService } from './project-streams.service.js';
import { InlineProjectorService } from './projector/inline-projector.service.js';
import { ProjectionMonitorService } from './projector/projection-monitor.service.js';
import { ListProjectsHandler } from './projects-list/list-projects.query.js';
import { ProjectsListController } from './projects-list/projects-list.controller.js';
import { READ_MODEL_PROJECTIONS } from './read-models.tokens.js';
import { ProjectReplayController } from './replay/project-replay.controller.js';
import { RevisionsController } from './replay/revisions.controller.js';

// The read side: read-model endpoints (list, pipeline, audit trail), replay endpoints that fold
// the stream, /metrics, and the projector (inline unless PROJECTOR=off).
@Module({
  controllers: [ProjectsListController, PipelineController, AuditTrailController, ProjectReplayController, RevisionsController, MetricsController],
  providers: [
    { provide: READ_MODEL_PROJECTIONS, inject: [EventStore], useFactory: (store: EventStore) => allProjections({ store }) },
    {
      provide: ProjectorRunner,
      inject: [EventStore, PG_POOL, READ_MODEL_PROJECTIONS],
      useFactory: (store: EventStore, pool: Pool, projections: Projection[]) =>
        new ProjectorRunner(store, pool, projections, { logger: new Logger('Projector') }),
    },
    LiveGenerationService,
    ReadConsistencyService,
    ProjectStreamsService,
    ProjectionMonitorService,
    InlineProjectorService,
    MetricsRegistry,
    ListProjectsHandler,
    GetPipelineHandler,
    GetAuditTrailHandler,
  ],
  exports: [MetricsRegistry, ProjectorRunner, LiveGenerationService, ReadConsistencyService],
})
export class ReadModelsModule {}
