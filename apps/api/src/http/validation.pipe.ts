import { ValidationPipe } from '@nestjs/common';
import { validationProblem } from '#http-problems';

// Unknown fields are refused, not silently dropped: an ERP sending a misspelt field must hear of it.
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: validationProblem,
  });
}
