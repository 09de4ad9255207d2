import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '#http-problems';
import { ApiKeysRepository } from '../api-keys/api-keys.repository.js';
import { PUBLIC_ROUTE, ALLOWED_ROLES } from './auth.decorators.js';
import type { Role } from './roles.js';

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ApiKeysRepository) private readonly keys: ApiKeysRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const secret = /^Bearer\s+(\S+)$/i.exec(request.header('authorization') ?? '')?.[1];
    if (!secret) throw unauthorized('An API key is required: Authorization: Bearer <key>');
    const principal = await this.keys.authenticate(secret);
    if (!principal) throw unauthorized('The API key is unknown or revoked');
    request.principal = principal;
    const writers = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, targets);
    if (writers && principal.role !== 'admin' && !writers.includes(principal.role)) {
      throw new ProblemException(403, 'ROLE_NOT_ALLOWED', 'Forbidden', `Role ${principal.role} may not do this`, {
        allowedRoles: ['admin', ...writers],
      });
    }
    return true;
  }
}

function unauthorized(detail: string): ProblemException {
  return new ProblemException(401, 'UNAUTHENTICATED', 'Unauthorized', detail);
}
