import type { RecordedEvent, VerifyResult } from '../event-store.port.js';
import { canonicalEvent, chainHash } from '../hash-chain.js';

// Recomputes the chain from the first event; any edit, removal or reordering breaks it.
export function verifyChain(streamId: string, events: RecordedEvent[]): VerifyResult {
  let previousHash: string | null = null;
  for (const [index, event] of events.entries()) {
    const version = index + 1;
    if (event.version !== version) {
      return { ok: false, streamId, brokenAtVersion: version, reason: `expected version ${version}, found ${event.version} (stream truncated or deleted?)` };
    }
    const expected = chainHash(previousHash, canonicalEvent(streamId, event));
    if (event.hash !== expected) {
      return { ok: false, streamId, brokenAtVersion: version, reason: 'hash does not match the recomputed chain' };
    }
    previousHash = expected;
  }
  return { ok: true, streamId, version: events.length };
}
