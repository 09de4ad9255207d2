import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '#http-problems';

// For routes whose body carries nothing: a stray field is refused, not silently ignored.
@Injectable()
export class EmptyBodyPipe implements PipeTransform {
  transform(body: unknown): undefined {
    if (body === undefined || body === null) return undefined;
    if (typeof body === 'object' && !Array.isArray(body)) {
      const fields = Object.keys(body);
      if (fields.length === 0) return undefined;
      throw new ProblemException(400, 'VALIDATION_FAILED', 'Request validation failed', `${fields.length} field(s) are invalid`, {
        errors: fields.map((field) => ({ field, message: `property ${field} should not exist` })),
      });
    }
    throw new ProblemException(400, 'VALIDATION_FAILED', 'Request validation failed', 'This route takes no body, or an empty JSON object', {
      errors: [{ field: '', message: 'body must be empty or {}' }],
    });
  }
}
