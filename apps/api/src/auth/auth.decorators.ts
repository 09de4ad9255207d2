import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal, Role } from './roles.js';

export const PUBLIC_ROUTE = 'bidledger:public';
export const ALLOWED_ROLES = 'bidledger:allowed-roles';

// Health probes only: everything else requires a key.
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

// Restricts a route to these roles (admin is always allowed); routes without it are reads, open to every role.
export const AllowedRoles = (...roles: readonly Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest<Request>().principal!,
);
