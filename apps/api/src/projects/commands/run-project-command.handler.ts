import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_SCHEMA_VERSIONS, decide, evolve, fold, projectStreamId, toProjectEvent, type ProjectEvent, type ProjectState } from '#domain';
import { EventStore, VersionConflictError, type NewEvent } from '#event-store';
import { eventIdFor } from './event-ids.js';
import { RunProjectCommand, type ProjectCommandResult } from './run-project-command.command.js';

// Without If-Match a write runs against the latest version: on a race we reload and decide
// again. With If-Match the caller pinned a version, so a conflict is theirs to resolve (412).
const ATTEMPTS_WITHOUT_IF_MATCH = 3;

@CommandHandler(RunProjectCommand)
export class RunProjectCommandHandler implements ICommandHandler<RunProjectCommand, ProjectCommandResult> {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async execute({ projectId, command, context }: RunProjectCommand): Promise<ProjectCommandResult> {
    const streamId = projectStreamId(projectId);
    for (let attempt = 1; ; attempt += 1) {
      const history = await this.store.readStream(streamId);
      const version = history.at(-1)?.version ?? 0;
      const state = fold(history.map(toProjectEvent));
      const earlier = context.eventIdSeed === null ? undefined : history.find((e) => e.eventId === eventIdFor(context.eventIdSeed, 0));
      if (earlier) return { projectId, state, version, position: earlier.globalPosition };
      if (context.expectedVersion !== null && context.expectedVersion !== version) {
        throw new VersionConflictError(streamId, context.expectedVersion, version);
      }
      const events = decide(command, state);
      if (events.length === 0) return { projectId, state, version, position: null };
      const toAppend = events.map((event, index) => toNewEvent(event, eventIdFor(context.eventIdSeed, index), command.metadata, context.correlationId));
      try {
        const result = await this.store.append(streamId, toAppend, version === 0 ? 'no_stream' : version);
        return { projectId, state: events.reduce<ProjectState>(evolve, state), version: result.lastVersion, position: result.lastGlobalPosition };
      } catch (error) {
        const retry = error instanceof VersionConflictError && context.expectedVersion === null && attempt < ATTEMPTS_WITHOUT_IF_MATCH;
        if (!retry) throw error;
      }
    }
  }
}

function toNewEvent(event: ProjectEvent, eventId: string, metadata: { now: string; actor: string }, correlationId: string): NewEvent {
  return {
    eventId,
    type: event.type,
    schemaVersion: EVENT_SCHEMA_VERSIONS[event.type],
    data: event.data as Record<string, unknown>,
    metadata: { actor: metadata.actor, correlationId, causationId: null, occurredAt: metadata.now },
  };
}
