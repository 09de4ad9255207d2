import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { fold, projectStreamId, toProjectEvent } from '#domain';
import { EventStore } from '#event-store';
import { ProblemException } from '#http-problems';
import { GetProjectQuery, type ProjectSnapshot } from './get-project.query.js';

@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery, ProjectSnapshot> {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async execute({ projectId, upTo }: GetProjectQuery): Promise<ProjectSnapshot> {
    const events = await this.store.readStream(projectStreamId(projectId), {
      ...(upTo.atVersion !== undefined ? { toVersion: upTo.atVersion } : {}),
      ...(upTo.asOf !== undefined ? { toRecordedAt: upTo.asOf } : {}),
    });
    if (events.length === 0) {
      const exists = upTo.atVersion !== undefined || upTo.asOf !== undefined ? (await this.store.readStream(projectStreamId(projectId), { toVersion: 1 })).length > 0 : false;
      throw exists
        ? new ProblemException(404, 'PROJECT_NOT_YET_IDENTIFIED', 'Not found', `Project ${projectId} did not exist at that point`)
        : new ProblemException(404, 'PROJECT_NOT_FOUND', 'Not found', `No project ${projectId}`);
    }
    const last = events.at(-1)!;
    return { state: fold(events.map(toProjectEvent)), version: last.version, recordedAt: last.recordedAt };
  }
}
