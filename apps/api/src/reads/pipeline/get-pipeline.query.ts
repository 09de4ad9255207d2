import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { readPipeline, type PipelineFilter, type PipelineStage } from '#read-models';
import { PG_POOL } from '../../infrastructure/tokens.js';

export class GetPipelineQuery extends Query<PipelineStage[]> {
  constructor(
    readonly schema: string,
    readonly filter: PipelineFilter,
  ) {
    super();
  }
}

@QueryHandler(GetPipelineQuery)
export class GetPipelineHandler implements IQueryHandler<GetPipelineQuery, PipelineStage[]> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  execute({ schema, filter }: GetPipelineQuery): Promise<PipelineStage[]> {
    return readPipeline(this.pool, schema, filter);
  }
}
