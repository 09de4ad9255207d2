import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { projectStreamId } from '#domain';
import { EventStore } from '#event-store';
import { ProblemException } from '#http-problems';
import { replayProject } from '#read-models';
import { GetProjectQuery, type ProjectSnapshot } from './get-project.query.js';

@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery, ProjectSnapshot> {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async execute({ projectId, upTo }: GetProjectQuery): Promise<ProjectSnapshot> {
    const replayed = await replayProject(this.store, projectId, upTo);
    if (replayed === null) {
      const exists = upTo.atVersion !== undefined || upTo.asOf !== undefined ? (await this.store.readStreamForFold(projectStreamId(projectId), { toVersion: 1 })).length > 0 : false;
      throw exists
        ? new ProblemException(404, 'PROJECT_NOT_YET_IDENTIFIED', 'Not found', `Project ${projectId} did not exist at that point`)
        : new ProblemException(404, 'PROJECT_NOT_FOUND', 'Not found', `No project ${projectId}`);
    }
    return replayed;
  }
}
