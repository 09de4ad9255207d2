import type { StoredResponse } from './idempotency.repository.js';

export const REPLAYED_HEADERS = ['etag', 'x-event-position', 'location'] as const;

// Thrown to short-circuit the handler; the exception filter writes the stored response verbatim.
export class IdempotentReplay extends Error {
  constructor(readonly response: StoredResponse) {
    super('idempotent replay');
  }
}
