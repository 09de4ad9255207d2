export * from './event-store.port.js';
export * from './errors.js';
export { canonicalEvent, canonicalJson, chainHash } from './hash-chain.js';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
export { type EventStoreDbEventStoreOptions } from './eventstoredb/eventstoredb-event-store.js';
export { Subscription } from './subscriptions/subscription.js';
export type { SubscriptionHandler, SubscriptionLogger, SubscriptionOptions, SubscriptionStatus } from './subscriptions/subscription.types.js';
export { readSubscriptionCheckpoint, type StoredCheckpoint } from './subscriptions/subscription-checkpoint.queries.js';
