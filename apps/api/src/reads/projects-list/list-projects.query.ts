import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { listProjects, type ProjectListFilter, type ProjectListItem, type ProjectListKey } from '#read-models';
import { PG_POOL } from '../../infrastructure/tokens.js';

export type ProjectsPage = { items: ProjectListItem[]; next: ProjectListKey | null };

// A page of the projects list from one read-model generation (schema).
export class ListProjectsQuery extends Query<ProjectsPage> {
  constructor(
    readonly schema: string,
    readonly filter: ProjectListFilter,
    readonly page: { after: ProjectListKey | null; limit: number },
  ) {
    super();
  }
}

@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery, ProjectsPage> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  execute({ schema, filter, page }: ListProjectsQuery): Promise<ProjectsPage> {
    return listProjects(this.pool, schema, filter, page);
  }
}
