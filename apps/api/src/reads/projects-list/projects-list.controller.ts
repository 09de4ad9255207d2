import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadConsistencyService } from '../consistency/read-consistency.service.js';
import { READ_MODEL_HEADERS, ReadProblems } from '../consistency/read-model-headers.js';
import { ListProjectsRequestDto } from './list-projects.request.dto.js';
import { ListProjectsQuery } from './list-projects.query.js';
import { decodeProjectCursor, encodeProjectCursor } from './project-list-cursor.js';
import { ProjectsPageDto } from './projects-list.response.dto.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/projects')
export class ProjectsListController {
  constructor(
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(ReadConsistencyService) private readonly reads: ReadConsistencyService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List projects (read model): filters, text search on name and customer, cursor pagination',
    description: 'Newest identified first. Keyset pagination: pass nextCursor back as ?cursor= with the same filters.',
  })
  @ApiOkResponse({ type: ProjectsPageDto, headers: READ_MODEL_HEADERS })
  @ReadProblems()
  async list(@Query() query: ListProjectsRequestDto, @Res({ passthrough: true }) response: Response): Promise<ProjectsPageDto> {
    const { minPosition, limit, cursor, ...filter } = query;
    const after = cursor ? decodeProjectCursor(cursor) : null;
    const page = await this.reads.run(minPosition, response, (schema) =>
      this.queryBus.execute(new ListProjectsQuery(schema, filter, { after, limit: limit ?? 50 })),
    );
    return { items: page.items, nextCursor: page.next ? encodeProjectCursor(page.next) : null };
  }
}
