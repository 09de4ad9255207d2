import { Catch, HttpException, Inject, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '#domain';
import { IdempotencyConflictError, VersionConflictError } from '#event-store';
import { PROBLEM_CONTENT_TYPE, ProblemException, type ProblemDocument } from '#http-problems';
import { IdempotencyRepository } from '../idempotency/idempotency.repository.js';
import { IdempotentReplay } from '../idempotency/idempotent-replay.js';

const DOMAIN_STATUS = { rule: 409, not_found: 404, invalid: 400 } as const;

// The one place errors become HTTP: RFC 9457 documents with a stable `code`. Anything not
// recognised is a 500 with a generic detail; its particulars go to the log only.
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(@Inject(IdempotencyRepository) private readonly idempotency: IdempotencyRepository) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof IdempotentReplay) {
      const { status, body, headers } = exception.response;
      response.status(status).set({ ...headers, 'Idempotent-Replayed': 'true' });
      if (status >= 400) response.type(PROBLEM_CONTENT_TYPE);
      response.send(body === null ? undefined : body);
      return;
    }
    const problem: ProblemDocument = { ...this.toProblem(exception, request), instance: request.originalUrl, requestId: request.requestId };
    if (request.idempotency) {
      const { principalId, key } = request.idempotency;
      await (problem.status >= 500
        ? this.idempotency.release(principalId, key)
        : this.idempotency.complete(principalId, key, { status: problem.status, body: problem, headers: {} })
      ).catch((error: unknown) => this.logger.error(`idempotency record not saved: ${(error as Error).message}`));
    }
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request): ProblemDocument {
    if (exception instanceof ProblemException) return exception.toDocument();
    if (exception instanceof DomainError) {
      return new ProblemException(DOMAIN_STATUS[exception.kind], exception.code, titleOf(exception.code), exception.message, {
        ...(exception.details ? { details: exception.details } : {}),
      }).toDocument();
    }
    if (exception instanceof VersionConflictError) {
      const preconditioned = request.header('if-match') !== undefined;
      return new ProblemException(
        preconditioned ? 412 : 409,
        preconditioned ? 'PRECONDITION_FAILED' : 'VERSION_CONFLICT',
        preconditioned ? 'Precondition failed' : 'Concurrent modification',
        preconditioned
          ? `If-Match names version ${exception.expected}; the project is at version ${exception.actual}`
          : `Another writer changed the project concurrently (now at version ${exception.actual}); retry`,
        { currentVersion: exception.actual },
      ).toDocument();
    }
    if (exception instanceof IdempotencyConflictError) {
      return new ProblemException(409, exception.code, 'Event id reused', exception.message).toDocument();
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    this.logger.error(
      `request ${request.requestId} ${request.method} ${request.path} failed: ${(exception as Error)?.stack ?? String(exception)}`,
    );
    return new ProblemException(500, 'INTERNAL_ERROR', 'Internal Server Error', `Something went wrong on our side; quote request id ${request.requestId}`).toDocument();
  }
}

function fromHttpException(exception: HttpException): ProblemDocument {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
  const code = status === 404 ? 'NOT_FOUND' : status === 400 ? 'BAD_REQUEST' : `HTTP_${status}`;
  return new ProblemException(status, code, titleOf(code), detail).toDocument();
}

function titleOf(code: string): string {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
