import { EventStoreDBClient } from '@eventstore/db-client';
import {
  EventStore,
  type AppendResult,
  type ExpectedVersion,
  type LogCheckpoint,
  type NewEvent,
  type ReadAllResult,
  type ReadStreamOptions,
  type RecordedEvent,
  type VerifyResult,
} from '../event-store.port.js';
import { appendToEsdb } from './esdb-append.js';
import { EsdbAppendNotifier } from './esdb-append-notifier.js';
import { lastEventAtCommit, readAllAfter, readLatest } from './esdb-log-reads.js';
import { compareCheckpoints } from './esdb-position.js';
import { readStreamEvents } from './esdb-stream-reads.js';
import { verifyChain } from './esdb-verify.js';

export type EventStoreDbEventStoreOptions = {
  // Attempts for an "any" / "stream_exists" append that keeps losing the race for the
  // revision (each round one writer wins). Default 100.
  maxAppendAttempts?: number;
  // Whether close() disposes the client (true when the store created it).
  ownsClient?: boolean;
};

export class EventStoreDbEventStore extends EventStore {
  private readonly notifier: EsdbAppendNotifier;
  private readonly maxAppendAttempts: number;
  private readonly ownsClient: boolean;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    super();
    this.notifier = new EsdbAppendNotifier(client);
    this.maxAppendAttempts = options.maxAppendAttempts ?? 100;
    this.ownsClient = options.ownsClient ?? false;
  }

  // e.g. "esdb://localhost:2113?tls=false"
  static fromConnectionString(connectionString: string, options: EventStoreDbEventStoreOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), { ownsClient: true, ...options });
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const result = await appendToEsdb(this.client, streamId, events, expected, this.maxAppendAttempts);
    if (!result.replayed) this.notifier.appended(); // this process hears its own appends at once
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = Math.max(options.fromVersion ?? 1, 1);
    const count = options.toVersion === undefined ? undefined : options.toVersion - from + 1;
    const events = await readStreamEvents(this.client, streamId, from, count);
    if (!options.toRecordedAt) return events;
    // "As of": the prefix recorded at or before the instant (stop at the first later event).
    const asOf = options.toRecordedAt.getTime();
    const end = events.findIndex((event) => Date.parse(event.recordedAt) > asOf);
    return end === -1 ? events : events.slice(0, end);
  }

  // $all is totally ordered and only committed events are readable, so it has no gaps.
  readAll(after: LogCheckpoint | null, limit: number): Promise<ReadAllResult> {
    return readAllAfter(this.client, after, limit);
  }

  async verifyStream(streamId: string): Promise<VerifyResult> {
    return verifyChain(streamId, await readStreamEvents(this.client, streamId));
  }

  async checkpointOf(globalPosition: number): Promise<LogCheckpoint | null> {
    if (!Number.isSafeInteger(globalPosition) || globalPosition < 0) return null;
    return (await lastEventAtCommit(this.client, BigInt(globalPosition)))?.checkpoint ?? null;
  }

  isReached(checkpoint: LogCheckpoint, reached: LogCheckpoint | null): boolean {
    return reached !== null && compareCheckpoints(checkpoint, reached) <= 0;
  }

  async head(): Promise<{ checkpoint: LogCheckpoint | null; globalPosition: number; recordedAt: string | null }> {
    const latest = await readLatest(this.client);
    if (!latest) return { checkpoint: null, globalPosition: 0, recordedAt: null };
    return { checkpoint: latest.checkpoint, globalPosition: latest.globalPosition, recordedAt: latest.recordedAt };
  }

  onAppended(listener: () => void): () => void {
    return this.notifier.add(listener);
  }

  async close(): Promise<void> {
    await this.notifier.close();
    if (this.ownsClient) await this.client.dispose();
  }
}
