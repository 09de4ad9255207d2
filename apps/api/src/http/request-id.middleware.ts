import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTABLE = /^[A-Za-z0-9._:\-]{1,128}$/;

// The request id is the correlation id of every event the request writes, so take the
// caller's (ERP systems trace with it) when it is sane, else make one.
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.header('x-request-id');
  request.requestId = given && ACCEPTABLE.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', request.requestId);
  next();
}
