import type { ValidationError } from 'class-validator';
import { ProblemException, type FieldError } from './problem.js';

// Nested DTO errors become dotted paths with array indexes: `lines[2].unitPrice`.
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : parent ? `.${error.property}` : error.property;
    const field = `${parent}${segment}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationProblem(errors: ValidationError[]): ProblemException {
  const fieldErrors = flattenValidationErrors(errors);
  return new ProblemException(400, 'VALIDATION_FAILED', 'Request validation failed', `${fieldErrors.length} field(s) are invalid`, {
    errors: fieldErrors,
  });
}
