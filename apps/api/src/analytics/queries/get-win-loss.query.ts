import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { queryWinLoss, type WinLossParams, type WinLossReport } from '#read-models';
import { PG_POOL } from '../../infrastructure/tokens.js';

export class GetWinLossQuery extends Query<WinLossReport> {
  constructor(
    readonly schema: string,
    readonly params: WinLossParams,
  ) {
    super();
  }
}

@QueryHandler(GetWinLossQuery)
export class GetWinLossQueryHandler implements IQueryHandler<GetWinLossQuery, WinLossReport> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  execute({ schema, params }: GetWinLossQuery): Promise<WinLossReport> {
    return queryWinLoss(this.pool, schema, params);
  }
}
