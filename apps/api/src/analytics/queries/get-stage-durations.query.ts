import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { queryStageDurations, type AnalyticsWindow, type StageDurationsReport } from '#read-models';
import { PG_POOL } from '../../infrastructure/tokens.js';

export class GetStageDurationsQuery extends Query<StageDurationsReport> {
  constructor(
    readonly schema: string,
    readonly params: AnalyticsWindow,
  ) {
    super();
  }
}

@QueryHandler(GetStageDurationsQuery)
export class GetStageDurationsQueryHandler implements IQueryHandler<GetStageDurationsQuery, StageDurationsReport> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  execute({ schema, params }: GetStageDurationsQuery): Promise<StageDurationsReport> {
    return queryStageDurations(this.pool, schema, params);
  }
}
