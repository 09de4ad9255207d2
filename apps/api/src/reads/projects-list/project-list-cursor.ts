import { ProblemException } from '#http-problems';
import type { ProjectListKey } from '#read-models';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Opaque to clients: the list's sort key of the last item, base64url JSON.
export function encodeProjectCursor(key: ProjectListKey): string {
  return Buffer.from(JSON.stringify([key.identifiedAt, key.id])).toString('base64url');
}

export function decodeProjectCursor(cursor: string): ProjectListKey {
  try {
    const [identifiedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof identifiedAt === 'string' && !Number.isNaN(Date.parse(identifiedAt)) && typeof id === 'string' && UUID.test(id)) {
      return { identifiedAt, id };
    }
  } catch {
    // falls through to the problem below
  }
  throw new ProblemException(400, 'INVALID_CURSOR', 'Invalid cursor', 'cursor must be a nextCursor from a previous page', {
    errors: [{ field: 'cursor', message: 'not a cursor this API issued' }],
  });
}
