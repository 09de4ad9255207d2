import { createHash } from 'node:crypto';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { canonicalJson } from '#event-store';
import { ProblemException } from '#http-problems';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotentReplay, REPLAYED_HEADERS } from './idempotent-replay.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

// Idempotency-Key on POST/PUT: the first response is stored and replayed for the same key and
// body; the same key with another body is refused. Problem responses are stored by the filter.
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IdempotencyRepository) private readonly store: IdempotencyRepository) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.header('idempotency-key');
    if (key === undefined || !['POST', 'PUT'].includes(request.method) || !request.principal) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new ProblemException(400, 'IDEMPOTENCY_KEY_INVALID', 'Invalid Idempotency-Key', 'Idempotency-Key must be 1–255 visible ASCII characters');
    }
    const principalId = request.principal.keyId;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.path}\n${canonicalJson(request.body ?? null)}`)
      .digest();
    const claim = await this.store.claim(principalId, key, fingerprint);
    if (claim.kind === 'replay') throw new IdempotentReplay(claim.response);
    if (claim.kind === 'mismatch') {
      throw new ProblemException(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key reused', 'This Idempotency-Key was used with a different request');
    }
    if (claim.kind === 'in_progress') {
      throw new ProblemException(409, 'IDEMPOTENCY_KEY_IN_PROGRESS', 'Request in progress', 'A request with this Idempotency-Key is still being processed; retry shortly');
    }
    request.idempotency = { principalId, key, fingerprint: fingerprint.toString('hex') };
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      mergeMap((body) =>
        from(
          (async () => {
            const headers: Record<string, string> = {};
            for (const name of REPLAYED_HEADERS) {
              const value = response.getHeader(name);
              if (value !== undefined) headers[name] = String(value);
            }
            await this.store.complete(principalId, key, { status: successStatus(context, request), body, headers });
            request.idempotency = undefined;
            return body;
          })(),
        ),
      ),
    );
  }
}

function successStatus(context: ExecutionContext, request: Request): number {
  const declared = Reflect.getMetadata('__httpCode__', context.getHandler()) as number | undefined;
  return declared ?? (request.method === 'POST' ? 201 : 200);
}
