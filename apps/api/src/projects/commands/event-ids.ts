import { createHash, randomUUID } from 'node:crypto';

// A name-based UUID (RFC 9562 version 8) from the request's idempotency seed and a label (the
// event's index in the batch, or what the id names): the same request always proposes the same
// ids, so its retry finds what the first attempt wrote. Without a seed, a random UUID.
export function eventIdFor(seed: string | null, label: number | string): string {
  if (seed === null) return randomUUID();
  const bytes = createHash('sha256').update(`${seed}\n${label}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
