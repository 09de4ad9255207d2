import type { Pool, PoolClient } from 'pg';

// Two-key advisory locks live apart from the one-key migration lock; the first key marks
// "subscription", the second is hashtext(name).
const LOCK_NAMESPACE = 7_313_002;
const TRY_LOCK = 'select pg_try_advisory_lock($1, hashtext($2)) as locked';
const UNLOCK = 'select pg_advisory_unlock($1, hashtext($2))';

// The "one active instance per name" lock: a session advisory lock held on a connection kept
// out of the pool while active. If that connection dies, so does the lock, and the server
// hands it to a waiting instance; `lost` then turns true here and processing must stop.
export class SubscriptionLock {
  private lostFlag = false;

  private constructor(
    private readonly client: PoolClient,
    private readonly name: string,
    private readonly onLost: () => void,
  ) {
    // Without a listener an error on a checked-out client would crash the process.
    client.on('error', () => this.markLost());
    client.on('end', () => this.markLost());
  }

  // null when another session holds it.
  static async tryAcquire(pool: Pool, name: string, onLost: () => void): Promise<SubscriptionLock | null> {
    const client = await pool.connect();
    const ignore = (): void => undefined; // the failed query reports it
    client.on('error', ignore);
    let locked: boolean;
    try {
      const { rows } = await client.query<{ locked: boolean }>(TRY_LOCK, [LOCK_NAMESPACE, name]);
      locked = rows[0]?.locked === true;
    } catch (error) {
      client.release(true);
      throw error;
    } finally {
      client.off('error', ignore);
    }
    if (!locked) {
      client.release();
      return null;
    }
    return new SubscriptionLock(client, name, onLost);
  }

  get lost(): boolean {
    return this.lostFlag;
  }

  // A round trip on the lock's connection, so a silently dead one is noticed while idle.
  async check(): Promise<void> {
    if (this.lostFlag) return;
    await this.client.query('select 1').catch(() => this.markLost());
  }

  async release(): Promise<void> {
    if (!this.lostFlag) await this.client.query(UNLOCK, [LOCK_NAMESPACE, this.name]).catch(() => undefined);
    this.lostFlag = true;
    // Closed, never pooled: a pooled session could still hold the lock.
    this.client.release(true);
  }

  private markLost(): void {
    if (this.lostFlag) return;
    this.lostFlag = true;
    this.onLost();
  }
}
