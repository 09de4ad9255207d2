import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { queryPriceGaps, type PriceGapsParams, type PriceGapsReport } from '#read-models';
import { PG_POOL } from '../../infrastructure/tokens.js';

export class GetPriceGapsQuery extends Query<PriceGapsReport> {
  constructor(
    readonly schema: string,
    readonly params: PriceGapsParams,
  ) {
    super();
  }
}

@QueryHandler(GetPriceGapsQuery)
export class GetPriceGapsQueryHandler implements IQueryHandler<GetPriceGapsQuery, PriceGapsReport> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  execute({ schema, params }: GetPriceGapsQuery): Promise<PriceGapsReport> {
    return queryPriceGaps(this.pool, schema, params);
  }
}
