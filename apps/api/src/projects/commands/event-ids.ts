import { createHash, randomUUID } from 'node:crypto';

// A name-based UUID (RFC 9562 version 8) from the request's idempotency seed and the event's
// index in the batch: the same request always proposes the same event ids.
export function eventIdFor(seed: string | null, index: number): string {
  if (seed === null) return randomUUID();
  const bytes = createHash('sha256').update(`${seed}\n${index}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
