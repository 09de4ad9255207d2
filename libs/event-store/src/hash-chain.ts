import { createHash } from 'node:crypto';
import type { NewEvent } from './event-store.port.js';

// Key-sorted JSON, so the same event always serialises to the same bytes whatever the
// key order it was built or read back with (events stored before migration 0006 read back in jsonb's key order). Otherwise it follows
// JSON.stringify (toJSON, dropped undefined/function/symbol members) so that what is stored
// and read back serialises to the same text as what was hashed.
export function canonicalJson(value: unknown): string {
  return serialise(value) ?? 'null';
}

// undefined for what JSON.stringify leaves out of an object (undefined, functions, symbols).
function serialise(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint': // throws, as JSON.stringify does
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      // A Date (or anything with toJSON) serialises as what its toJSON returns.
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return serialise((value as { toJSON(): unknown }).toJSON());
      return Array.isArray(value) ? serialiseArray(value) : serialiseObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}

function serialiseArray(items: unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index++) text += `${index ? ',' : ''}${serialise(items[index]) ?? 'null'}`;
  return `${text}]`;
}

function serialiseObject(record: Record<string, unknown>): string {
  let text = '';
  for (const key of Object.keys(record).sort()) {
    const member = serialise(record[key]);
    if (member !== undefined) text += `,${JSON.stringify(key)}:${member}`;
  }
  return `{${text.slice(1)}}`;
}

// What the chain covers: everything the writer chose. Positions and recorded-at are assigned
// by the store; the chain itself fixes the order (each hash covers the one before it).
export function canonicalEvent(streamId: string, event: NewEvent): string {
  return canonicalEventParts(streamId, event).canonical;
}

// The canonical serialisation with its data and metadata members on their own: the PostgreSQL
// store sends those as its json columns, which keep them as sent (the same JSON, serialised once).
// Equal to canonicalJson of { streamId, eventId, type, schemaVersion, data, metadata }, keys sorted.
export function canonicalEventParts(streamId: string, event: NewEvent): { canonical: string; data: string; metadata: string } {
  const data = canonicalJson(event.data);
  const metadata = canonicalJson(event.metadata);
  const canonical =
    `{"data":${data},"eventId":${JSON.stringify(event.eventId)},"metadata":${metadata},` +
    `"schemaVersion":${canonicalJson(event.schemaVersion)},"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(event.type)}}`;
  return { canonical, data, metadata };
}

// hash_n = sha256(hash_{n-1} || canonical_n), with an empty hash before the first event.
export function chainHash(previousHashHex: string | null, canonical: string): string {
  const hash = createHash('sha256');
  if (previousHashHex) hash.update(Buffer.from(previousHashHex, 'hex'));
  hash.update(canonical, 'utf8');
  return hash.digest('hex');
}
