import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { readAuditTrail, type AuditEntry, type AuditFilter } from '#read-models';
import { PG_POOL } from '../../infrastructure/tokens.js';

// A page of one project's audit trail (by version) from one read-model generation.
export class GetAuditTrailQuery extends Query<AuditEntry[]> {
  constructor(
    readonly schema: string,
    readonly projectId: string,
    readonly filter: AuditFilter,
    readonly page: { afterVersion: number; limit: number },
  ) {
    super();
  }
}

@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery, AuditEntry[]> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  execute({ schema, projectId, filter, page }: GetAuditTrailQuery): Promise<AuditEntry[]> {
    return readAuditTrail(this.pool, schema, projectId, filter, page);
  }
}
