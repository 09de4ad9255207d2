import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { normaliseEvent, toEventData, toRecordedEvent } from './esdb-event-mapper.js';
import { verifyChain } from './esdb-verify.js';
import { newEvent, storedStream } from './testing/esdb-test-events.js';

// What the client hands back for an event toEventData wrote (JSON round trip of data and metadata).
function asStored(streamId: string, revision: bigint, data: ReturnType<typeof toEventData>): EsdbRecordedEvent {
  return {
    streamId,
    id: data.id,
    isJson: true,
    revision,
    type: data.type,
    created: new Date('2026-03-04T05:06:07.089Z'),
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit: 5000n, prepare: 5120n },
  } as EsdbRecordedEvent;
}

describe('EventStoreDB event mapping', () => {
  it('round-trips an event with its metadata, hash, version and position', () => {
    const event = newEvent({ metadata: { actor: 'bob', correlationId: 'corr', causationId: 'cause', occurredAt: '2026-01-01T00:00:00.000Z' } });
    const data = toEventData(event, 'ab'.repeat(32));
    expect(data.metadata).toMatchObject({ $correlationId: 'corr', $causationId: 'cause' });
    expect(toRecordedEvent(asStored('pursuit-9', 6n, data))).toEqual({
      ...event,
      streamId: 'pursuit-9',
      version: 7,
      globalPosition: 5000,
      recordedAt: '2026-03-04T05:06:07.089Z',
      hash: 'ab'.repeat(32),
      checkpoint: '5000:5120',
    });
  });

  it('refuses events this adapter did not write, and events without a position', () => {
    const stored = asStored('pursuit-9', 0n, toEventData(newEvent(), 'ff'));
    expect(() => toRecordedEvent({ ...stored, metadata: { foo: 1 } } as EsdbRecordedEvent)).toThrow('not written by the bidledger adapter');
    expect(() => toRecordedEvent({ ...stored, position: undefined } as EsdbRecordedEvent)).toThrow('no log position');
  });

  it('lower-cases event ids, as EventStoreDB returns them', () => {
    const id = 'A1B2C3D4-0000-4000-8000-00000000000F';
    expect(normaliseEvent(newEvent({ eventId: id })).eventId).toBe(id.toLowerCase());
  });
});

describe('verifyChain (EventStoreDB)', () => {
  const stream = storedStream('s', [newEvent(), newEvent(), newEvent()]);

  it('accepts an intact chain and an empty stream', () => {
    expect(verifyChain('s', stream)).toEqual({ ok: true, streamId: 's', version: 3 });
    expect(verifyChain('s', [])).toEqual({ ok: true, streamId: 's', version: 0 });
  });

  it('finds an edited event, a gap and a truncated head', () => {
    const edited = stream.map((event, i) => (i === 1 ? { ...event, data: { value: 13 } } : event));
    expect(verifyChain('s', edited)).toMatchObject({ ok: false, brokenAtVersion: 2 });
    expect(verifyChain('s', [stream[0]!, stream[2]!])).toMatchObject({ ok: false, brokenAtVersion: 2 });
    expect(verifyChain('s', stream.slice(1))).toMatchObject({ ok: false, brokenAtVersion: 1 });
  });
});
