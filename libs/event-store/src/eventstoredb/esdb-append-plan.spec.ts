import { describe, expect, it } from '@jest/globals';
import { NO_STREAM } from '@eventstore/db-client';
import { canonicalEvent, chainHash } from '../hash-chain.js';
import { planAppend } from './esdb-append-plan.js';
import { newEvent, storedStream } from './testing/esdb-test-events.js';

const stream = 'pursuit-1';

describe('planAppend (EventStoreDB)', () => {
  it('starts a new stream with a chain from the empty hash', () => {
    const events = [newEvent(), newEvent({ type: 'StageChanged' })];
    const plan = planAppend(stream, [], events, 'no_stream');
    const first = chainHash(null, canonicalEvent(stream, events[0]!));
    expect(plan).toEqual({
      kind: 'append',
      firstVersion: 1,
      expectedRevision: NO_STREAM,
      hashes: [first, chainHash(first, canonicalEvent(stream, events[1]!))],
    });
  });

  it('continues the chain from the last stored hash, pinned to its revision', () => {
    const stored = storedStream(stream, [newEvent(), newEvent()]);
    const event = newEvent();
    const plan = planAppend(stream, stored, [event], 'any');
    expect(plan).toEqual({
      kind: 'append',
      firstVersion: 3,
      expectedRevision: 1n,
      hashes: [chainHash(stored[1]!.hash, canonicalEvent(stream, event))],
    });
  });

  it('reports a version conflict with the actual version', () => {
    const stored = storedStream(stream, [newEvent(), newEvent()]);
    expect(planAppend(stream, stored, [newEvent()], 1)).toEqual({ kind: 'version_conflict', actual: 2 });
    expect(planAppend(stream, stored, [newEvent()], 'no_stream')).toEqual({ kind: 'version_conflict', actual: 2 });
    expect(planAppend(stream, [], [newEvent()], 'stream_exists')).toEqual({ kind: 'version_conflict', actual: 0 });
  });

  it('replays a retry with the same ids and content (whatever it expects now), key order aside', () => {
    const first = newEvent();
    const batch = [newEvent({ data: { a: 1, b: { c: 2, d: 3 } } }), newEvent()];
    const stored = storedStream(stream, [first, ...batch, newEvent()]);
    const retry = [{ ...batch[0]!, data: { b: { d: 3, c: 2 }, a: 1 } }, batch[1]!];
    for (const expected of [1, 4, 'no_stream', 'stream_exists', 'any'] as const) {
      expect(planAppend(stream, stored, retry, expected)).toEqual({ kind: 'replay', events: stored.slice(1, 3) });
    }
  });

  it('refuses ids reused with other content, out of order or partly', () => {
    const batch = [newEvent(), newEvent()];
    const stored = storedStream(stream, batch);
    const ids = batch.map((event) => event.eventId);
    const conflict = (eventIds: string[]) => ({ kind: 'idempotency_conflict', eventIds });
    expect(planAppend(stream, stored, [{ ...batch[0]!, data: { other: true } }, batch[1]!], 0)).toEqual(conflict(ids));
    expect(planAppend(stream, stored, [batch[1]!, batch[0]!], 0)).toEqual(conflict([ids[1]!, ids[0]!]));
    expect(planAppend(stream, stored, [batch[0]!, newEvent()], 0)).toEqual(conflict([ids[0]!]));
    expect(planAppend(stream, stored, [...batch, newEvent()], 'any')).toEqual(conflict(ids));
  });
});
