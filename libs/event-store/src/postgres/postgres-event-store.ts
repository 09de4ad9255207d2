import type pg from 'pg';
import { IdempotencyConflictError, VersionConflictError } from '../errors.js';
import {
  EventStore,
  type AppendResult,
  type ExpectedVersion,
  type FoldableEvent,
  type LogCheckpoint,
  type LogSlice,
  type NewEvent,
  type ReadAllResult,
  type ReadStreamOptions,
  type SliceCursor,
  type SlicedLogReads,
  type RecordedEvent,
  type VerifyResult,
} from '../event-store.port.js';
import { canonicalEvent, chainHash } from '../hash-chain.js';
import { appendedResult, assertExpectedVersion, prepareBatch } from './append-batch.js';
import { AppendCoalescer } from './append-coalescer.js';
import { AppendNotifier } from './append-notifier.js';
import { findReplay } from './append-replay.js';
import { writeBatch } from './append-write.js';
import { toRecordedEvent, type EventRow } from './event-row.mapper.js';
import { CHECKPOINT_OF, CURRENT_VERSION, HEAD, READ_ALL, READ_LAST_SLICE, READ_SLICE, READ_STREAM, READ_STREAM_FOR_FOLD, SAMPLE_STREAMS, SLICE_PLAN, COUNT_UP_TO } from './event-store.queries.js';
import { StreamTips } from './stream-tips.js';
import { START_OF_LOG, compareLogPositions, formatCheckpoint, parseCheckpoint } from './log-checkpoint.js';

export type PostgresEventStoreOptions = {
  notifyChannel?: string;
  // Statements the hot path keeps in flight at once; appends arriving meanwhile share the next one.
  maxConcurrentAppends?: number;
};

const DEFAULT_NOTIFY_CHANNEL = 'bidledger_events_appended';
const MAX_VERSION = 2_147_483_647;
// Heap pages sampled for the bounds of log slices: about 25,000 events' stream ids on the
// benchmark's history, tens of milliseconds; parts within about 1 % of each other in events.
const SAMPLE_PAGES = 2_000;
// 'any' and 'stream_exists' retry a lost race for the next version; each round one writer wins.
const MAX_APPEND_ATTEMPTS = 100;

export class PostgresEventStore extends EventStore implements SlicedLogReads {
  private readonly notifier: AppendNotifier;
  private readonly tips = new StreamTips();
  private readonly coalescer: AppendCoalescer;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    super();
    this.notifier = new AppendNotifier(pool, options.notifyChannel ?? DEFAULT_NOTIFY_CHANNEL);
    this.coalescer = new AppendCoalescer(pool, options.maxConcurrentAppends ?? 2);
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    assertExpectedVersion(expected);
    const batch = prepareBatch(streamId, events);
    let tips: StreamTips | null = this.tips;
    for (let attempt = 1; ; attempt++) {
      const { rows, conflict } = await writeBatch(this.pool, tips, this.coalescer, batch, expected);
      if (rows) {
        this.notifier.appended();
        const result = appendedResult(batch, rows);
        this.learnTip(result.events);
        return result;
      }
      if (conflict.kind === 'left_out') {
        // The hot path does not say why; the ordinary path, which reads the stream, will.
        this.tips.forget(streamId);
        tips = null;
        continue;
      }
      // Idempotency is checked here, on the conflict path only: a retry always conflicts.
      const replay = await findReplay(this.pool, batch);
      if (replay) return replay;
      if (conflict.kind === 'event_id_taken') throw new IdempotencyConflictError(streamId, batch.eventIds);
      const racedForNext = conflict.kind === 'version_taken' && (expected === 'any' || expected === 'stream_exists');
      if (racedForNext && attempt < MAX_APPEND_ATTEMPTS) continue;
      const actual = conflict.kind === 'expected_version' && conflict.actual !== null ? conflict.actual : await this.currentVersion(streamId);
      throw new VersionConflictError(streamId, expected, actual);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const values = [streamId, options.fromVersion ?? 1, options.toVersion ?? MAX_VERSION, options.toRecordedAt ?? null];
    const { rows } = await this.pool.query<EventRow>({ ...READ_STREAM, values });
    const events = rows.map(toRecordedEvent);
    this.learnTip(events);
    return events;
  }

  // Unlike readStream, teaches the append path nothing (no hash): a command reads the whole stream.
  override async readStreamForFold(streamId: string, options: ReadStreamOptions = {}): Promise<FoldableEvent[]> {
    const values = [streamId, options.fromVersion ?? 1, options.toVersion ?? MAX_VERSION, options.toRecordedAt ?? null];
    const { rows } = await this.pool.query<[number, string, number, Record<string, unknown>, string]>({ ...READ_STREAM_FOR_FOLD, values });
    return rows.map(([version, type, schemaVersion, data, recordedAt]) => ({ version, type, schemaVersion, data, recordedAt }));
  }

  async readAll(after: LogCheckpoint | null, limit: number): Promise<ReadAllResult> {
    if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`readAll limit must be a positive integer: ${limit}`);
    const from = after === null ? START_OF_LOG : parseCheckpoint(after);
    const values = [from.transactionId.toString(), from.globalPosition, limit];
    const { rows } = await this.pool.query<EventRow>({ ...READ_ALL, values });
    const events = rows.map(toRecordedEvent);
    return { events, checkpoint: events.at(-1)?.checkpoint ?? after };
  }

  async sliceLog(upTo: LogCheckpoint, parts: number): Promise<LogSlice[]> {
    if (!Number.isInteger(parts) || parts < 1) throw new TypeError(`a log is sliced into a positive whole number of parts, not ${parts}`);
    parseCheckpoint(upTo); // refuses a malformed one now, not in every part
    const bounds: string[] = [];
    if (parts > 1) {
      const { rows } = await this.pool.query<{ stream_id: string }>(SAMPLE_STREAMS, [SAMPLE_PAGES]);
      for (let part = 1; part < parts; part++) {
        const bound = rows[Math.floor((part * rows.length) / parts)]?.stream_id;
        // Ascending in the index's order (the sample's); equal bounds would make an empty slice.
        if (bound !== undefined && bound !== bounds.at(-1)) bounds.push(bound);
      }
    }
    const edges = [null, ...bounds, null];
    return edges.slice(1).map((toStream, index) => ({ upTo, fromStream: edges[index]!, toStream }));
  }

  async countEvents(upTo: LogCheckpoint): Promise<number> {
    const to = parseCheckpoint(upTo);
    const { rows } = await this.pool.query<{ n: string }>(COUNT_UP_TO, [to.transactionId.toString(), to.globalPosition]);
    return Number(rows[0]!.n);
  }

  async readSlice(after: SliceCursor | null, limit: number, { upTo, fromStream, toStream }: LogSlice): Promise<RecordedEvent[]> {
    if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`readSlice limit must be a positive integer: ${limit}`);
    const to = parseCheckpoint(upTo);
    // (stream, 0) comes before the stream's first event: versions start at 1. Every stream id is at or after ''.
    const start = after ?? { streamId: fromStream ?? '', version: 0 };
    const values: unknown[] = [start.streamId, start.version, to.transactionId.toString(), to.globalPosition, limit];
    const query = toStream === null ? { ...READ_LAST_SLICE, values } : { ...READ_SLICE, values: [...values, toStream] };
    const client = await this.pool.connect();
    let rows: EventRow[];
    try {
      await client.query('begin read only');
      await client.query(SLICE_PLAN);
      ({ rows } = await client.query<EventRow>(query));
      await client.query('commit');
    } catch (error) {
      client.release(true); // whatever state it is in, the connection is not pooled again
      throw error;
    }
    client.release();
    return rows.map(toRecordedEvent);
  }

  async verifyStream(streamId: string): Promise<VerifyResult> {
    const events = await this.readStream(streamId);
    let previousHash: string | null = null;
    for (const [index, event] of events.entries()) {
      const version = index + 1;
      if (event.version !== version) return { ok: false, streamId, brokenAtVersion: version, reason: `version ${version} is missing` };
      previousHash = chainHash(previousHash, canonicalEvent(streamId, event));
      if (previousHash !== event.hash) return { ok: false, streamId, brokenAtVersion: version, reason: 'stored hash does not match the stored event' };
    }
    return { ok: true, streamId, version: events.length };
  }

  async checkpointOf(globalPosition: number): Promise<LogCheckpoint | null> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: number }>(CHECKPOINT_OF, [globalPosition]);
    return rows[0] ? formatCheckpoint(rows[0].transaction_id, Number(rows[0].global_position)) : null;
  }

  isReached(checkpoint: LogCheckpoint, reached: LogCheckpoint | null): boolean {
    return reached !== null && compareLogPositions(parseCheckpoint(checkpoint), parseCheckpoint(reached)) <= 0;
  }

  async head(): Promise<{ checkpoint: LogCheckpoint | null; globalPosition: number; recordedAt: string | null }> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: number; recorded_at: string }>(HEAD);
    const row = rows[0];
    if (!row) return { checkpoint: null, globalPosition: 0, recordedAt: null };
    const globalPosition = Number(row.global_position);
    return { checkpoint: formatCheckpoint(row.transaction_id, globalPosition), globalPosition, recordedAt: row.recorded_at };
  }

  onAppended(listener: () => void): () => void {
    return this.notifier.subscribe(listener);
  }

  // Ends the LISTEN connection; the pool belongs to whoever passed it in.
  async close(): Promise<void> {
    await this.notifier.close();
  }

  // Writers read a stream before appending to it: the append then chains from what they read.
  private learnTip(events: RecordedEvent[]): void {
    const last = events.at(-1);
    if (last) this.tips.learn(last.streamId, { version: last.version, hash: last.hash });
  }

  private async currentVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>(CURRENT_VERSION, [streamId]);
    return Number(rows[0].version);
  }
}
