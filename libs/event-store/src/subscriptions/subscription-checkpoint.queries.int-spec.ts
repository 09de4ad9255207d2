import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '#testing';
import { advanceCheckpoint, loadCheckpoint, readSubscriptionCheckpoint } from './subscription-checkpoint.queries.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function advance(name: string, previous: string | null, checkpoint: string, globalPosition: number): Promise<boolean> {
  const tx = await db.pool.connect();
  try {
    return await advanceCheckpoint(tx, name, previous, { checkpoint, globalPosition });
  } finally {
    tx.release();
  }
}

describe('subscription checkpoint queries', () => {
  it('starts a subscription with no checkpoint, and knows no unknown subscription', async () => {
    expect(await readSubscriptionCheckpoint(db.pool, 'fresh')).toBeNull();
    expect(await loadCheckpoint(db.pool, 'fresh')).toMatchObject({ name: 'fresh', checkpoint: null, globalPosition: 0 });
    expect(await loadCheckpoint(db.pool, 'fresh')).toMatchObject({ checkpoint: null });
  });

  it('moves a checkpoint only from where the mover last saw it (the fence)', async () => {
    await loadCheckpoint(db.pool, 'fenced');
    expect(await advance('fenced', null, '10:1', 1)).toBe(true);
    expect(await advance('fenced', null, '10:2', 2)).toBe(false); // a rival that still saw "no checkpoint"
    expect(await advance('fenced', '10:9', '10:3', 3)).toBe(false);
    expect(await advance('fenced', '10:1', '10:2', 2)).toBe(true);
    expect(await readSubscriptionCheckpoint(db.pool, 'fenced')).toMatchObject({ checkpoint: '10:2', globalPosition: 2 });
  });

  it('never moves a checkpoint that has no row', async () => {
    expect(await advance('missing', null, '1:1', 1)).toBe(false);
  });
});
