import type { Projection } from '../projection.js';
import { quoteIdent } from '../projection.js';

// Records every event each time it is applied, with who applied it: a double application
// shows up as two rows (no key hides it).
export function countingProjection(runner: string): Projection {
  return {
    name: 'applied-events',
    async createTables(tx, schema) {
      await tx.query(`create table if not exists ${quoteIdent(schema)}.applied_events (global_position bigint not null, runner text not null)`);
    },
    async apply(events, { tx, schema }) {
      await tx.query(`insert into ${quoteIdent(schema)}.applied_events select unnest($1::bigint[]), $2`, [events.map((event) => event.globalPosition), runner]);
    },
  };
}
