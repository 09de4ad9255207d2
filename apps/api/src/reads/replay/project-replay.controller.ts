import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { projectViewOf, projectStreamId } from '#domain';
import { EventStore } from '#event-store';
import { ProblemException } from '#http-problems';
import { ProjectId } from '../../projects/http/id-params.js';
import { ProjectViewDto } from '../../projects/dto/project-view.response.dto.js';
import { GetProjectQuery } from '../../projects/queries/get-project.query.js';
import { ReadProblems } from '../consistency/read-model-headers.js';
import { ProjectStreamsService, projectNotFound } from '../project-streams.service.js';
import { ProjectEventsRequestDto, ProjectStateRequestDto, ReplayReadRequestDto } from './replay.request.dto.js';
import { IntegrityDto, ProjectEventsDto } from './replay.response.dto.js';

// Reads that fold or read the project's own stream: never behind the write side.
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/projects/:id')
export class ProjectReplayController {
  constructor(
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ProjectStreamsService) private readonly projects: ProjectStreamsService,
  ) {}

  @Get('state')
  @ApiOperation({
    summary: 'The project exactly as it stood at an instant (?asOf) or right after a version (?atVersion)',
    description: 'Folds the stream prefix with the domain\'s own evolve, so it cannot disagree with the write side. Same body as GET /v1/projects/{id}; X-Project-Version names the version it reflects.',
  })
  @ApiOkResponse({ type: ProjectViewDto, headers: { 'X-Project-Version': { description: 'The stream version of the state returned', schema: { type: 'string', example: '5' } } } })
  @ReadProblems({ notFound: 'No such project, it did not exist yet at asOf, or it never reached atVersion' })
  async state(@ProjectId() id: string, @Query() query: ProjectStateRequestDto, @Res({ passthrough: true }) response: Response) {
    if ((query.asOf === undefined) === (query.atVersion === undefined)) {
      throw new ProblemException(400, 'VALIDATION_FAILED', 'Request validation failed', 'Give exactly one of asOf or atVersion', {
        errors: [{ field: query.asOf === undefined ? 'asOf' : 'atVersion', message: 'give exactly one of asOf or atVersion' }],
      });
    }
    const upTo = query.asOf !== undefined ? { asOf: new Date(query.asOf) } : { atVersion: query.atVersion! };
    const snapshot = await this.queryBus.execute(new GetProjectQuery(id, upTo));
    if (upTo.atVersion !== undefined && snapshot.version < upTo.atVersion) {
      throw new ProblemException(404, 'VERSION_NOT_FOUND', 'Not found', `Project ${id} is at version ${snapshot.version}; it never stood at version ${upTo.atVersion}`);
    }
    response.setHeader('X-Project-Version', String(snapshot.version));
    return projectViewOf(snapshot.state); // folded for this answer alone: no copy needed
  }

  @Get('events')
  @ApiOperation({ summary: 'The project\'s raw event stream with full metadata and hash chain, from a version on' })
  @ApiOkResponse({ type: ProjectEventsDto })
  @ReadProblems({ notFound: 'No such project' })
  async events(@ProjectId() id: string, @Query() query: ProjectEventsRequestDto): Promise<ProjectEventsDto> {
    const fromVersion = query.fromVersion ?? 1;
    const limit = query.limit ?? 500;
    const events = await this.store.readStream(projectStreamId(id), { fromVersion, toVersion: fromVersion + limit });
    if (events.length === 0) await this.projects.assertExists(id);
    const items = events.slice(0, limit).map(({ checkpoint: _checkpoint, ...event }) => event);
    return { items, nextCursor: events.length > limit ? String(fromVersion + limit) : null };
  }

  @Get('integrity')
  @ApiOperation({ summary: 'Verify the project\'s hash chain: ok, or the first broken version' })
  @ApiOkResponse({ type: IntegrityDto })
  @ReadProblems({ notFound: 'No such project' })
  async integrity(@ProjectId() id: string, @Query() _query: ReplayReadRequestDto): Promise<IntegrityDto> {
    const result = await this.store.verifyStream(projectStreamId(id));
    const verifiedAt = new Date().toISOString();
    if (result.ok) {
      if (result.version === 0) throw projectNotFound(id);
      return { projectId: id, ok: true, version: result.version, verifiedAt };
    }
    return { projectId: id, ok: false, brokenAtVersion: result.brokenAtVersion, reason: result.reason, verifiedAt };
  }
}
