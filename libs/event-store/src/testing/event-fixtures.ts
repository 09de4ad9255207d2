import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store.port.js';

// Every test writes to streams of its own, so suites can share one store.
export const newStreamId = (prefix = 'pursuit'): string => `${prefix}-${randomUUID()}`;

export function newEvent(type = 'QuotationRevised', data: Record<string, unknown> = {}, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data: { amount: 125_000.5, currency: 'EUR', lines: [{ item: 'Steel frame', quantity: 3 }], ...data },
    metadata: {
      actor: 'user:alice',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2026-03-01T10:15:30.123Z',
    },
    ...overrides,
  };
}

export const newEvents = (count: number, type?: string): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));
