import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { queryFunnel, type AnalyticsWindow, type FunnelReport } from '#read-models';
import { PG_POOL } from '../../infrastructure/tokens.js';

export class GetFunnelQuery extends Query<FunnelReport> {
  constructor(
    readonly schema: string,
    readonly params: AnalyticsWindow,
  ) {
    super();
  }
}

@QueryHandler(GetFunnelQuery)
export class GetFunnelQueryHandler implements IQueryHandler<GetFunnelQuery, FunnelReport> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  execute({ schema, params }: GetFunnelQuery): Promise<FunnelReport> {
    return queryFunnel(this.pool, schema, params);
  }
}
