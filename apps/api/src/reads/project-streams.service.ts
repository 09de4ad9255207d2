import { projectStreamId } from '#domain';
import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '#event-store';
import { ProblemException } from '#http-problems';

// The event store is the authority on whether a project exists (read models may lag behind it).
@Injectable()
export class ProjectStreamsService {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async assertExists(projectId: string): Promise<void> {
    const first = await this.store.readStream(projectStreamId(projectId), { toVersion: 1 });
    if (first.length === 0) throw projectNotFound(projectId);
  }
}

export function projectNotFound(projectId: string): ProblemException {
  return new ProblemException(404, 'PROJECT_NOT_FOUND', 'Not found', `No project ${projectId}`);
}
