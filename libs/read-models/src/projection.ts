import type { PoolClient } from 'pg';
import type { RecordedEvent } from '#event-store';

// A read model fed from the global log. Tables live in a generation schema (e.g. `rm_g3`) so a
// rebuild can fill fresh tables beside the live ones and switch over when caught up.
export type ProjectionContext = {
  tx: PoolClient; // the transaction that also moves the subscription checkpoint
  schema: string; // quote with `quoteIdent` when building SQL; everything else is a parameter
};

export type Projection = {
  name: string;
  // Idempotent DDL for this projection's tables in `schema`.
  createTables(tx: PoolClient, schema: string): Promise<void>;
  // Apply a batch, set-based where it matters (a rebuild replays about a million events).
  apply(events: RecordedEvent[], context: ProjectionContext): Promise<void>;
};

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  return `"${name}"`;
}
