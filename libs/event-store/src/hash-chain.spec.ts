import { describe, expect, it } from '@jest/globals';
import type { NewEvent } from './event-store.port.js';
import { canonicalEvent, canonicalEventParts, canonicalJson } from './hash-chain.js';

const event = (data: Record<string, unknown>, metadata: Partial<NewEvent['metadata']> = {}): NewEvent => ({
  eventId: '0b0b0b0b-0000-4000-8000-000000000001',
  type: 'Tricky"Type\\',
  schemaVersion: 2,
  data,
  metadata: { actor: 'ü', correlationId: 'c', causationId: null, occurredAt: '2026-03-01T10:00:00.000Z', ...metadata },
});

describe('canonical serialisation', () => {
  it('sorts keys at every depth and follows JSON.stringify for values', () => {
    const value = { b: [3, { z: 1, a: undefined, y: () => 1 }, undefined], a: 'é\n', when: new Date('2026-01-01T00:00:00.000Z'), n: -0 };
    expect(canonicalJson(value)).toBe('{"a":"é\\n","b":[3,{"z":1},null],"n":0,"when":"2026-01-01T00:00:00.000Z"}');
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it.each([
    [{}],
    [{ text: 'Zürich “quoted” \\ back\nslash 😀 \u2028', big: 1e21, tiny: 5e-324, neg: -0.1 }],
    [{ nested: { z: [1, { y: true, x: null }], a: {} }, skipped: undefined, when: new Date(0) }],
  ])('composes the same text from its parts as the generic serialiser (%#)', (data) => {
    const subject = event(data, { causationId: 'cause' });
    const generic = canonicalJson({ streamId: 'project-1', ...subject });
    const parts = canonicalEventParts('project-1', subject);
    expect(parts.canonical).toBe(generic);
    expect(canonicalEvent('project-1', subject)).toBe(generic);
    expect(parts.data).toBe(canonicalJson(data));
    expect(parts.metadata).toBe(canonicalJson(subject.metadata));
  });
});
