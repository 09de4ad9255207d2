import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadConsistencyService } from '../consistency/read-consistency.service.js';
import { READ_MODEL_HEADERS, ReadProblems } from '../consistency/read-model-headers.js';
import { GetPipelineQuery } from './get-pipeline.query.js';
import { PipelineRequestDto } from './pipeline.request.dto.js';
import { PipelineDto } from './pipeline.response.dto.js';

@ApiTags('pipeline')
@ApiBearerAuth()
@Controller('v1/pipeline')
export class PipelineController {
  constructor(
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(ReadConsistencyService) private readonly reads: ReadConsistencyService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The pipeline per stage: count, estimated value and value weighted by stage',
    description: 'Projects not closed, per working stage. Weights: search 0.10, preparation 0.20, quotation 0.40, negotiation 0.60, implementation 1.00, transition 1.00 (signed work counts in full). Money is summed exactly per currency (SQL numeric), never converted.',
  })
  @ApiOkResponse({ type: PipelineDto, headers: READ_MODEL_HEADERS })
  @ReadProblems()
  async pipeline(@Query() query: PipelineRequestDto, @Res({ passthrough: true }) response: Response): Promise<PipelineDto> {
    const { minPosition, ...filter } = query;
    const stages = await this.reads.run(minPosition, response, (schema) => this.queryBus.execute(new GetPipelineQuery(schema, filter)));
    return { stages };
  }
}
