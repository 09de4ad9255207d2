import express, { type NextFunction, type Request, type Response } from 'express';
import { hasUnstorableEscape } from '#event-store';
import { PROBLEM_CONTENT_TYPE, problemType } from '#http-problems';

// JSON between systems is UTF-8 (RFC 8259), and only then is the check below a check of the
// text: other charsets are refused. In UTF-8, text that valid JSON can carry but the event store
// cannot keep (NUL, a lone surrogate) only ever arrives escaped: a raw NUL is malformed JSON, and
// UTF-8 cannot encode a surrogate.
function refuseUnstorableText(_request: unknown, _response: unknown, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase().replace('-', '') !== 'utf8') {
    throw Object.assign(new Error(`unsupported charset ${encoding}`), { type: 'charset.unsupported' });
  }
  if (body.includes('\\u') && hasUnstorableEscape(body.toString('utf8'))) {
    throw Object.assign(new Error('unstorable text'), { type: 'entity.text.unstorable' });
  }
}

// Our own JSON parser so malformed, unstorable, oversize and non-UTF-8 bodies become problem
// documents (400/413/415) instead of the framework's HTML error page.
export function jsonBodyParser(limitBytes: number) {
  return express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'], strict: true, verify: refuseUnstorableText });
}

export function bodyParserErrorHandler(error: unknown, request: Request, response: Response, next: NextFunction): void {
  const type = (error as { type?: string }).type;
  const failures: Record<string, [number, string, string]> = {
    'entity.parse.failed': [400, 'MALFORMED_JSON', 'The request body is not valid JSON'],
    'entity.text.unstorable': [400, 'UNSTORABLE_TEXT', 'The request body holds text that cannot be stored: a NUL character (\\u0000) or a lone surrogate'],
    'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts'],
    'encoding.unsupported': [415, 'UNSUPPORTED_ENCODING', 'The request body encoding is not supported'],
    'charset.unsupported': [415, 'UNSUPPORTED_CHARSET', 'The request body charset is not supported (send UTF-8)'],
  };
  const failure = type ? failures[type] : undefined;
  if (!failure) return next(error);
  const [status, code, detail] = failure;
  response
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .json({ type: problemType(code), title: detail, status, detail, code, requestId: request.requestId });
}
