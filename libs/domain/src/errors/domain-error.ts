import { DOMAIN_ERROR_CODES } from './error-codes.js';
import type { DomainErrorCode, DomainErrorKind } from './error-codes.js';

export type DomainErrorDetails = Record<string, unknown>;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly kind: DomainErrorKind;
  readonly details?: DomainErrorDetails;

  constructor(code: DomainErrorCode, message: string, details?: DomainErrorDetails) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.kind = DOMAIN_ERROR_CODES[code];
    if (details !== undefined) this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export function invalidField(field: string, message: string, details: DomainErrorDetails = {}): DomainError {
  return new DomainError('INVALID_FIELD', `${field} ${message}`, { field, ...details });
}
