// The event store port. Adapters: PostgreSQL (postgres/) and EventStoreDB (eventstoredb/).

// Exact version of the last event in the stream (versions start at 1), or a kind.
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export type EventMetadata = {
  actor: string;
  correlationId: string;
  causationId: string | null;
  occurredAt: string; // ISO-8601 UTC, business time of the command
};

export type NewEvent = {
  eventId: string; // UUID, unique per store; the idempotency key of the append
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
};

export type RecordedEvent = NewEvent & {
  streamId: string;
  version: number; // 1-based position in the stream
  globalPosition: number; // position in the global log (PostgreSQL: identity; EventStoreDB: commit position)
  recordedAt: string; // ISO-8601 UTC, database time
  hash: string; // hex sha256(previous hash + canonical serialisation)
  checkpoint: LogCheckpoint; // the global-log cursor just after this event
};

// What folding a stream needs of each event, and no more: what a replay (the state "as of")
// reads, without the metadata, hash and log position a whole RecordedEvent carries.
export type FoldableEvent = Pick<RecordedEvent, 'version' | 'type' | 'schemaVersion' | 'data' | 'recordedAt'>;

// Opaque, adapter-defined cursor into the global log (PostgreSQL: "<xid8>:<position>").
// Compare checkpoints only through the adapter; never by string order.
export type LogCheckpoint = string;

export type AppendResult = {
  streamId: string;
  firstVersion: number;
  lastVersion: number; // the next expected version
  lastGlobalPosition: number;
  events: RecordedEvent[];
  replayed: boolean; // true when every event id was already stored (idempotent retry)
};

export type ReadStreamOptions = {
  fromVersion?: number; // inclusive, default 1
  toVersion?: number; // inclusive
  // Only the prefix of the stream recorded at or before this instant ("state as of").
  toRecordedAt?: Date;
};

export type ReadAllResult = { events: RecordedEvent[]; checkpoint: LogCheckpoint | null };

// A part of the log up to `upTo` (a checkpoint `head()` returned), split by stream: the events of
// the streams whose ids are at or after `fromStream` and before `toStream` (null: no bound), in
// the store's own order of stream ids. Readers that split a replay among themselves (a parallel
// rebuild) each read one of the slices `sliceLog` made; together they read every event up to
// `upTo` exactly once.
export type LogSlice = { upTo: LogCheckpoint; fromStream: string | null; toStream: string | null };

// Where a read of a slice goes on from: the last event the previous read of the same slice returned.
export type SliceCursor = { streamId: string; version: number };

// An adapter that can read a part of the log (PostgreSQL can; EventStoreDB has no such read).
export interface SlicedLogReads {
  // At most `parts` slices of the log up to `upTo` that together hold every stream exactly once,
  // about equal in events where the streams allow (fewer slices when the log has too few streams
  // to split; one very long stream makes its slice longer; a slice may be empty).
  sliceLog(upTo: LogCheckpoint, parts: number): Promise<LogSlice[]>;
  // How many events the log holds up to `upTo`: what the slices must add up to.
  countEvents(upTo: LogCheckpoint): Promise<number>;
  // The slice's events up to `slice.upTo`, in stream order, not log order: a stream's events one
  // after another by version, the streams in the order of their ids; the next batch starts after
  // `after`. Only for readers whose results do not depend on how streams interleave (each stream's
  // own order is kept): a rebuild then folds a project from first event to last in one go
  // (see parallel-bulk.ts).
  readSlice(after: SliceCursor | null, limit: number, slice: LogSlice): Promise<RecordedEvent[]>;
}

export const canReadSlices = <T extends object>(store: T): store is T & SlicedLogReads =>
  typeof (store as Partial<SlicedLogReads>).readSlice === 'function';

export type VerifyResult =
  | { ok: true; streamId: string; version: number }
  | { ok: false; streamId: string; brokenAtVersion: number; reason: string };

export abstract class EventStore {
  abstract append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  // The same events as readStream, only what a fold needs. An adapter overrides it where reading
  // less is cheaper (PostgreSQL: a 1,000-event read in about 60 % of the time).
  async readStreamForFold(streamId: string, options?: ReadStreamOptions): Promise<FoldableEvent[]> {
    return (await this.readStream(streamId, options)).map(({ version, type, schemaVersion, data, recordedAt }) => ({ version, type, schemaVersion, data, recordedAt }));
  }
  // Gap-safe: never returns an event while an event before it in log order can still commit.
  abstract readAll(after: LogCheckpoint | null, limit: number): Promise<ReadAllResult>;
  abstract verifyStream(streamId: string): Promise<VerifyResult>;
  // The cursor of the event at a global position (for clients that hold a bare position).
  abstract checkpointOf(globalPosition: number): Promise<LogCheckpoint | null>;
  // Is the event at `checkpoint` at or before `reached` in log order?
  abstract isReached(checkpoint: LogCheckpoint, reached: LogCheckpoint | null): boolean;
  // The newest readable cursor of the global log and its position (for lag).
  abstract head(): Promise<{ checkpoint: LogCheckpoint | null; globalPosition: number; recordedAt: string | null }>;
  // Wake-ups when new events may be readable; returns an unsubscribe function.
  abstract onAppended(listener: () => void): () => void;
  abstract close(): Promise<void>;
}
