import { createHash } from 'node:crypto';
import type { NewEvent } from './event-store.port.js';

// Key-sorted JSON, so the same event always serialises to the same bytes whatever the
// key order it was built or read back with (jsonb reorders keys).
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

// What the chain covers: everything the writer chose. Positions and recorded-at are assigned
// by the store; the chain itself fixes the order (each hash covers the one before it).
export function canonicalEvent(streamId: string, event: NewEvent): string {
  return canonicalJson({
    streamId,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
  });
}

// hash_n = sha256(hash_{n-1} || canonical_n), with an empty hash before the first event.
export function chainHash(previousHashHex: string | null, canonical: string): string {
  const hash = createHash('sha256');
  if (previousHashHex) hash.update(Buffer.from(previousHashHex, 'hex'));
  hash.update(canonical, 'utf8');
  return hash.digest('hex');
}
