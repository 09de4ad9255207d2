import type { Pool } from 'pg';

// The global log is ordered by the writing transaction's id, which only means something in the
// cluster that assigned it. After a logical restore (pg_dump/pg_restore, logical replication) into
// a new cluster, stored ids can be ahead of the new cluster's counter: the log would look empty
// and new events would sort before every stored checkpoint. Refuse to run rather than skip events.
const SQL = `select (select transaction_id from events order by transaction_id desc limit 1)
                    >= pg_snapshot_xmax(pg_current_snapshot()) as ahead`;

export class TransactionHorizonError extends Error {
  constructor() {
    super(
      'events.transaction_id values are ahead of this PostgreSQL cluster\'s transaction counter (a logical restore into a new cluster?). ' +
        'Readers would skip events. Raise the epoch first: stop the cluster, `pg_resetwal -e <epoch of the old cluster + 1>`, start it again.',
    );
    this.name = 'TransactionHorizonError';
  }
}

export async function assertTransactionHorizon(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ ahead: boolean | null }>(SQL);
  if (rows[0]?.ahead) throw new TransactionHorizonError();
}
