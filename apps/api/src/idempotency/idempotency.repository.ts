import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../infrastructure/tokens.js';

export type StoredResponse = { status: number; body: unknown; headers: Record<string, string> };
export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in_progress' }
  | { kind: 'mismatch' };

// A claim left unfinished this long belongs to a process that died mid-request; take it over.
const ABANDONED_AFTER = '60 seconds';

const SQL = {
  claim: `insert into idempotency_keys (principal_id, key, fingerprint) values ($1, $2, $3)
          on conflict (principal_id, key) do nothing`,
  load: `select fingerprint, response_status, response_body, response_headers,
                (completed_at is null and created_at < now() - interval '${ABANDONED_AFTER}') as abandoned
           from idempotency_keys where principal_id = $1 and key = $2`,
  retake: `update idempotency_keys set created_at = now() where principal_id = $1 and key = $2 and completed_at is null
             and created_at < now() - interval '${ABANDONED_AFTER}'`,
  complete: `update idempotency_keys set response_status = $3, response_body = $4, response_headers = $5, completed_at = now()
              where principal_id = $1 and key = $2 and completed_at is null`,
  release: `delete from idempotency_keys where principal_id = $1 and key = $2 and completed_at is null`,
  purge: `delete from idempotency_keys where created_at < now() - make_interval(hours => $1)`,
} as const;

type Row = { fingerprint: Buffer; response_status: number | null; response_body: unknown; response_headers: Record<string, string> | null; abandoned: boolean };

@Injectable()
export class IdempotencyRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async claim(principalId: string, key: string, fingerprint: Buffer): Promise<Claim> {
    const inserted = await this.pool.query(SQL.claim, [principalId, key, fingerprint]);
    if (inserted.rowCount === 1) return { kind: 'claimed' };
    const row = (await this.pool.query<Row>(SQL.load, [principalId, key])).rows[0];
    if (!row) return this.claim(principalId, key, fingerprint); // purged in between
    if (!row.fingerprint.equals(fingerprint)) return { kind: 'mismatch' };
    if (row.response_status !== null) {
      return { kind: 'replay', response: { status: row.response_status, body: row.response_body, headers: row.response_headers ?? {} } };
    }
    if (row.abandoned && (await this.pool.query(SQL.retake, [principalId, key])).rowCount === 1) return { kind: 'claimed' };
    return { kind: 'in_progress' };
  }

  async complete(principalId: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(SQL.complete, [principalId, key, response.status, JSON.stringify(response.body ?? null), response.headers]);
  }

  // A server failure is not an answer worth replaying: let the client retry for real.
  async release(principalId: string, key: string): Promise<void> {
    await this.pool.query(SQL.release, [principalId, key]);
  }

  async purgeOlderThan(hours: number): Promise<number> {
    return (await this.pool.query(SQL.purge, [hours])).rowCount ?? 0;
  }
}
