import { describe, expect, it } from '@jest/globals';
import type { ExpectedVersion } from '../event-store.port.js';
import { validateBatch } from './esdb-append-validation.js';
import { newEvent } from './testing/esdb-test-events.js';

describe('validateBatch (EventStoreDB)', () => {
  it('lower-cases event ids and passes a well-formed batch through', () => {
    const event = newEvent({ eventId: 'A1B2C3D4-0000-4000-8000-00000000000F' });
    expect(validateBatch('pursuit-1', [event], 'any')).toEqual([{ ...event, eventId: 'a1b2c3d4-0000-4000-8000-00000000000f' }]);
  });

  it.each([
    ['an empty stream id', '', [newEvent()], 'any'],
    ['a system stream', '$settings', [newEvent()], 'any'],
    ['a claim stream', 'bidledger.event-id-x', [newEvent()], 'any'],
    ['no events', 'pursuit-1', [], 'any'],
    ['a negative version', 'pursuit-1', [newEvent()], -1],
    ['a fractional version', 'pursuit-1', [newEvent()], 1.5],
    ['an unknown kind', 'pursuit-1', [newEvent()], 'latest'],
    ['a non-UUID id', 'pursuit-1', [newEvent({ eventId: 'not-a-uuid' })], 'any'],
  ])('refuses %s', (_label, streamId, events, expected) => {
    expect(() => validateBatch(streamId as string, events as never, expected as ExpectedVersion)).toThrow(TypeError);
  });

  it('refuses the same id twice in one append, whatever its case', () => {
    const event = newEvent();
    expect(() => validateBatch('pursuit-1', [event, { ...event, eventId: event.eventId.toUpperCase() }], 'any')).toThrow(TypeError);
  });
});
