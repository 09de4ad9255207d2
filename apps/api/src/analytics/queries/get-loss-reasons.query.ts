import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { queryLossReasons, type AnalyticsWindow, type LossReasonsReport } from '#read-models';
import { PG_POOL } from '../../infrastructure/tokens.js';

export class GetLossReasonsQuery extends Query<LossReasonsReport> {
  constructor(
    readonly schema: string,
    readonly params: AnalyticsWindow,
  ) {
    super();
  }
}

@QueryHandler(GetLossReasonsQuery)
export class GetLossReasonsQueryHandler implements IQueryHandler<GetLossReasonsQuery, LossReasonsReport> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  execute({ schema, params }: GetLossReasonsQuery): Promise<LossReasonsReport> {
    return queryLossReasons(this.pool, schema, params);
  }
}
