import { createTestDatabase, type TestDatabase } from '#testing';
import { assertTransactionHorizon, TransactionHorizonError } from './transaction-horizon.js';

describe('transaction horizon guard', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('passes on an empty store and on a log written by this cluster', async () => {
    await expect(assertTransactionHorizon(db.pool)).resolves.toBeUndefined();
    await db.pool.query(
      `select * from append_events('s-1', 'no_stream', 0, array[$1])`,
      [JSON.stringify({ streamId: 's-1', eventId: '0b8e1a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b', type: 'T', schemaVersion: 1, data: {}, metadata: { actor: 'a', correlationId: 'c', causationId: null, occurredAt: '2026-01-01T00:00:00.000Z' } })],
    );
    await expect(assertTransactionHorizon(db.pool)).resolves.toBeUndefined();
  });

  it('refuses a log whose transaction ids come from a cluster further ahead (a logical restore)', async () => {
    await db.pool.query(`update events set transaction_id = (pg_snapshot_xmax(pg_current_snapshot())::text::bigint + 1000000)::text::xid8`);
    await expect(assertTransactionHorizon(db.pool)).rejects.toBeInstanceOf(TransactionHorizonError);
  });
});
