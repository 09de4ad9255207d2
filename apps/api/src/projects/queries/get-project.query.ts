import { Query } from '@nestjs/cqrs';
import type { ProjectState } from '#domain';

export type ProjectSnapshot = { state: ProjectState; version: number; recordedAt: string | null };

// The project folded from its own stream: now, at a version, or as it stood at an instant.
export class GetProjectQuery extends Query<ProjectSnapshot> {
  constructor(
    readonly projectId: string,
    readonly upTo: { atVersion?: number; asOf?: Date } = {},
  ) {
    super();
  }
}
