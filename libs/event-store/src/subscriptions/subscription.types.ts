import type { PoolClient } from 'pg';
import type { LogCheckpoint, RecordedEvent } from '../event-store.port.js';

// Applies a batch inside `tx`, the transaction that also moves the checkpoint. It must not
// commit or roll back `tx`; throwing rolls the whole batch back for a retry.
export type SubscriptionHandler = (events: RecordedEvent[], tx: PoolClient) => Promise<void>;

// Nest's Logger fits this shape.
export type SubscriptionLogger = {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

export type SubscriptionOptions = {
  name: string;
  handler: SubscriptionHandler;
  batchSize?: number; // default 500
  pollIntervalMs?: number; // default 500: the fallback when a wake-up is lost
  lockRetryMs?: number; // default 1000: how often a standby instance tries to take over
  retryDelayMs?: number; // default 200, doubled per consecutive failure
  maxRetryDelayMs?: number; // default 30000
  logger?: SubscriptionLogger;
};

export type SubscriptionStatus = {
  name: string;
  active: boolean; // holds the lock and applies batches
  checkpoint: LogCheckpoint | null; // last applied (as last seen by this instance)
  globalPosition: number;
  lastAppliedAt: string | null; // when this instance last committed a batch
};
