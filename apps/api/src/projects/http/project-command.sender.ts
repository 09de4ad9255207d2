import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { toProjectView, type ProjectCommand } from '#domain';
import { ProblemException } from '#http-problems';
import { eventIdFor } from '../commands/event-ids.js';
import { RunProjectCommand, type ProjectCommandResult } from '../commands/run-project-command.command.js';

type CommandInput<T extends ProjectCommand['type']> = Extract<ProjectCommand, { type: T }>['data'];

// Turns an HTTP write into a domain command (actor from the key, time from the clock,
// correlation from the request id) and the result into the response headers.
@Injectable()
export class ProjectCommandSender {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  async send<T extends ProjectCommand['type']>(
    request: Request,
    response: Response,
    projectId: string,
    type: T,
    data: CommandInput<T>,
  ): Promise<ProjectCommandResult> {
    const command = { type, data, metadata: { now: new Date().toISOString(), actor: request.principal!.name } } as ProjectCommand;
    const result = await this.commandBus.execute(
      new RunProjectCommand(projectId, command, {
        correlationId: request.requestId!,
        expectedVersion: parseIfMatch(request.header('if-match')),
        eventIdSeed: idempotencySeed(request),
      }),
    );
    setVersionHeaders(response, result.version, result.position);
    return result;
  }

  async sendForView<T extends ProjectCommand['type']>(request: Request, response: Response, projectId: string, type: T, data: CommandInput<T>) {
    return toProjectView((await this.send(request, response, projectId, type, data)).state);
  }
}

export function setVersionHeaders(response: Response, version: number, position: number | null): void {
  response.setHeader('ETag', `"${version}"`);
  if (position !== null) response.setHeader('X-Event-Position', String(position));
}

// If-Match carries the ETag we handed out: "<stream version>". `*` means "whatever is current".
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '*') return null;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header) ?? /^\s*(\d{1,9})\s*$/.exec(header);
  if (!match) {
    throw new ProblemException(412, 'PRECONDITION_FAILED', 'Precondition failed', 'If-Match must be an ETag this API issued, such as "7"');
  }
  return Number(match[1]);
}

function idempotencySeed(request: Request): string | null {
  const claim = request.idempotency;
  return claim ? `${claim.principalId}\n${claim.key}\n${claim.fingerprint}` : null;
}

// Ids the server assigns (project, quotation, stakeholder, milestone): derived from the
// Idempotency-Key when there is one, so a retry after a lost reply names the same resource.
export function newResourceId(request: Request, kind: string): string {
  return eventIdFor(idempotencySeed(request), `id:${kind}`);
}
