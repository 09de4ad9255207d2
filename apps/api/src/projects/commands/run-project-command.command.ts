import { Command } from '@nestjs/cqrs';
import type { ProjectCommand, ProjectState } from '#domain';

export type ProjectCommandResult = { projectId: string; state: ProjectState; version: number; position: number | null };

// Every lifecycle write travels as this one command; the handler is the single write path.
export class RunProjectCommand extends Command<ProjectCommandResult> {
  constructor(
    readonly projectId: string,
    readonly command: ProjectCommand,
    readonly context: {
      correlationId: string;
      expectedVersion: number | null;
      // Set when the request carries an Idempotency-Key: event ids derive from it, so a retry
      // after an unknown outcome (reply lost, process killed) finds its own events instead of
      // writing them twice.
      eventIdSeed: string | null;
    },
  ) {
    super();
  }
}
