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
  // The projections of a batch apply side by side on the one transaction (their statements are
  // serialised): do not rely on statements being adjacent (no SET LOCAL, no shared temp tables),
  // and do not commit, roll back or keep using `tx` after the returned promise settles.
  apply(events: RecordedEvent[], context: ProjectionContext): Promise<void>;
};

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  return `"${name}"`;
}
