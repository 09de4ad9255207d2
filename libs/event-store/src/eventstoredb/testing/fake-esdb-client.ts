import { EventEmitter } from 'node:events';
import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventData,
  type EventStoreDBClient,
  type Position,
} from '@eventstore/db-client';

type Stored = {
  streamId: string;
  id: string;
  isJson: true;
  revision: bigint;
  type: string;
  created: Date;
  data: string; // JSON text, parsed on every read like the real client
  metadata: string;
  position: Position;
};

type ReadOptions = { direction?: string; fromRevision?: bigint | typeof START | typeof END; fromPosition?: Position | typeof START | typeof END; maxCount?: number | bigint };

const compare = (a: Position, b: Position): number => (a.commit === b.commit ? Number(a.prepare - b.prepare) : Number(a.commit - b.commit));

// An in-memory stand-in for the EventStoreDB client, modelling the server as the adapter
// assumes it: 0-based revisions, expected-revision checks, id deduplication at the expected
// revision, $all in (commit, prepare) order with reads inclusive of their start position.
// `sharedCommit`: the events of one append share a commit position (each keeps its prepare).
// It checks the adapter's logic, not EventStoreDB itself: the contract against a real server
// runs when EVENTSTORE_URL is set.
export function fakeEsdbClient({ sharedCommit = false } = {}): EventStoreDBClient {
  const streams = new Map<string, Stored[]>();
  const all: Stored[] = [];
  const live = new Set<EventEmitter>();
  let offset = 1_000n;

  const view = (e: Stored) => ({ event: { ...e, data: JSON.parse(e.data), metadata: JSON.parse(e.metadata) }, commitPosition: e.position.commit });
  async function* iterate(items: Stored[]) {
    await Promise.resolve();
    for (const item of items) yield view(item);
  }
  const limit = (options: ReadOptions) => Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);

  const client = {
    readStream(streamId: string, options: ReadOptions = {}) {
      const events = streams.get(streamId);
      if (!events) return (async function* () { await Promise.resolve(); throw new StreamNotFoundError(undefined, streamId); })();
      const backwards = options.direction === BACKWARDS;
      const from = options.fromRevision ?? (backwards ? END : START);
      let items = backwards ? [...events].reverse() : events;
      if (typeof from === 'bigint') items = items.filter((e) => (backwards ? e.revision <= from : e.revision >= from));
      return iterate(items.slice(0, limit(options)));
    },
    readAll(options: ReadOptions = {}) {
      const backwards = options.direction === BACKWARDS;
      const from = options.fromPosition ?? (backwards ? END : START);
      let items = backwards ? [...all].reverse() : all;
      if (typeof from === 'object') items = items.filter((e) => (backwards ? compare(e.position, from) <= 0 : compare(e.position, from) >= 0));
      return iterate(items.slice(0, limit(options)));
    },
    async appendToStream(streamId: string, input: EventData | EventData[], { expectedRevision = ANY }: { expectedRevision?: AppendExpectedRevision } = {}) {
      await Promise.resolve();
      const batch = Array.isArray(input) ? input : [input];
      const events = streams.get(streamId) ?? [];
      const current = events.length === 0 ? NO_STREAM : BigInt(events.length - 1);
      if (typeof expectedRevision === 'bigint' || expectedRevision === NO_STREAM) {
        const next = expectedRevision === NO_STREAM ? 0 : Number(expectedRevision) + 1;
        const already = events.slice(next, next + batch.length);
        if (already.length === batch.length && already.every((e, i) => e.id === batch[i]!.id)) {
          return { success: true, nextExpectedRevision: already.at(-1)!.revision, position: already.at(-1)!.position };
        }
      }
      const ok =
        expectedRevision === ANY ||
        (expectedRevision === STREAM_EXISTS && current !== NO_STREAM) ||
        expectedRevision === current;
      if (!ok) throw new WrongExpectedVersionError(undefined, { streamName: streamId, expected: expectedRevision, current });
      const commit = offset;
      for (const data of batch) {
        const stored: Stored = {
          streamId, id: data.id, isJson: true, revision: BigInt(events.length), type: data.type, created: new Date(),
          data: JSON.stringify(data.data), metadata: JSON.stringify(data.metadata ?? {}),
          position: { commit: sharedCommit ? commit : offset, prepare: offset },
        };
        offset += 100n;
        events.push(stored);
        all.push(stored);
      }
      streams.set(streamId, events);
      for (const subscription of live) setImmediate(() => subscription.emit('data', {}));
      return { success: true, nextExpectedRevision: BigInt(events.length - 1), position: events.at(-1)!.position };
    },
    subscribeToAll() {
      const subscription = Object.assign(new EventEmitter(), { unsubscribe: async () => void live.delete(subscription) });
      live.add(subscription);
      setImmediate(() => subscription.emit('confirmation'));
      return subscription;
    },
    async dispose() {
      live.clear();
    },
  };
  return client as unknown as EventStoreDBClient;
}
