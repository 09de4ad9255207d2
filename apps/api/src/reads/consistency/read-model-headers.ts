import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from '../../http/problem.dto.js';

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } } });

export const READ_MODEL_HEADERS = {
  'X-Read-Model-Position': { description: 'Global position of the last event the read models had applied when answering', schema: { type: 'string', example: '1042' } },
  'X-Read-Model-Stale': { description: '"true" when ?minPosition was not reached within the wait limit: the data may be stale', schema: { type: 'string', example: 'true' } },
};

// The error answers every read shares.
export function ReadProblems(options: { notFound?: string } = {}) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    problem(400, 'Invalid query parameters (per-field `errors`)'),
    problem(401, 'No API key, or an unknown or revoked one'),
    ...(options.notFound ? [problem(404, options.notFound)] : []),
  );
}
