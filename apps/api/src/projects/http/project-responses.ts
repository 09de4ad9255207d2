import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from '../../http/problem.dto.js';
import { ProjectViewDto } from '../dto/project-view.response.dto.js';

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } } });

const versionHeaders = {
  ETag: { description: 'The project\'s stream version, e.g. "7"; send it back in If-Match', schema: { type: 'string' } },
  'X-Event-Position': { description: 'Global position of the last event written (absent on a no-op)', schema: { type: 'string' } },
};

// The OpenAPI description every project route shares: success body and headers, and each error shape.
export function ProjectWriteResponses(status: 200 | 201, options: { read?: boolean } = {}) {
  const read = options.read === true;
  return applyDecorators(
    ApiExtraModels(ProblemDto, ProjectViewDto),
    ApiResponse({ status, description: read ? 'The project' : 'The updated project', type: ProjectViewDto, headers: read ? { ETag: versionHeaders.ETag } : versionHeaders }),
    problem(400, 'Validation failed (per-field `errors`), malformed JSON, or a domain value refused'),
    problem(401, 'No API key, or an unknown or revoked one'),
    problem(404, 'No such project (or quotation/revision)'),
    ...(read
      ? []
      : [
          ApiHeader({ name: 'If-Match', required: false, description: 'Run only against this version (an ETag from this API)' }),
          ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the first response for the same key and body; another body with the same key is 422' }),
          ApiHeader({ name: 'X-Request-Id', required: false, description: 'Correlation id recorded on every event written; generated when absent' }),
          problem(403, 'The key\'s role may not do this'),
          problem(409, 'A rule of the lifecycle refused the command (stable `code`), or a concurrent write without If-Match'),
          problem(412, 'If-Match does not match the current version'),
          problem(413, 'Body too large'),
          problem(422, 'Idempotency-Key reused with a different body'),
        ]),
  );
}
