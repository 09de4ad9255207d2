import pg from 'pg';
import type { NewEvent } from '../../event-store.port.js';
import { canonicalEvent } from '../../hash-chain.js';

export const APPEND_SQL = 'select global_position, transaction_id from append_events($1, $2, $3, $4)';

// A transaction of its own that appends through append_events and stays open until told:
// lets a test hold a writer between taking its position and committing.
export type OpenAppend = {
  client: pg.Client;
  append(streamId: string, events: NewEvent[]): Promise<{ globalPosition: number; transactionId: string }[]>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
};

export async function openTransaction(url: string): Promise<OpenAppend> {
  const client = new pg.Client({ connectionString: url, application_name: 'bidledger-test-open-append' });
  client.on('error', () => undefined); // a test may kill it; the failing query reports it
  await client.connect();
  await client.query('begin');
  const finish = async (command: string) => {
    try {
      await client.query(command);
    } finally {
      await client.end();
    }
  };
  return {
    client,
    async append(streamId, events) {
      const canonicals = events.map((event) => canonicalEvent(streamId, event));
      const { rows } = await client.query(APPEND_SQL, [streamId, 'any', null, canonicals]);
      return rows.map((row) => ({ globalPosition: Number(row.global_position), transactionId: row.transaction_id }));
    },
    commit: () => finish('commit'),
    rollback: () => finish('rollback'),
  };
}
