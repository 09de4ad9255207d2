import { ProblemException } from '#http-problems';
import type { PriceGapKey } from '#read-models';

// Opaque to clients: the page's sort key of its last item, base64url JSON.
export function encodePriceGapCursor(key: PriceGapKey): string {
  return Buffer.from(JSON.stringify([key.decidedAt, key.projectId])).toString('base64url');
}

export function decodePriceGapCursor(cursor: string): PriceGapKey {
  try {
    const [decidedAt, projectId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof decidedAt === 'string' && !Number.isNaN(Date.parse(decidedAt)) && typeof projectId === 'string' && projectId.length > 0) {
      return { decidedAt, projectId };
    }
  } catch {
    // falls through to the problem below
  }
  throw new ProblemException(400, 'INVALID_CURSOR', 'Invalid cursor', 'cursor must be a nextCursor from a previous page', {
    errors: [{ field: 'cursor', message: 'not a cursor this API issued' }],
  });
}
