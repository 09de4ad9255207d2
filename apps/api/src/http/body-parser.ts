import express, { type NextFunction, type Request, type Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType } from '#http-problems';

// Our own JSON parser so malformed and oversize bodies become problem documents (400/413)
// instead of the framework's HTML error page.
export function jsonBodyParser(limitBytes: number) {
  return express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'], strict: true });
}

export function bodyParserErrorHandler(error: unknown, request: Request, response: Response, next: NextFunction): void {
  const type = (error as { type?: string }).type;
  const failures: Record<string, [number, string, string]> = {
    'entity.parse.failed': [400, 'MALFORMED_JSON', 'The request body is not valid JSON'],
    'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts'],
    'encoding.unsupported': [415, 'UNSUPPORTED_ENCODING', 'The request body encoding is not supported'],
    'charset.unsupported': [415, 'UNSUPPORTED_CHARSET', 'The request body charset is not supported'],
  };
  const failure = type ? failures[type] : undefined;
  if (!failure) return next(error);
  const [status, code, detail] = failure;
  response
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .json({ type: problemType(code), title: detail, status, detail, code, requestId: request.requestId });
}
