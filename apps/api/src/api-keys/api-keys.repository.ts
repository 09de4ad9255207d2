import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../infrastructure/tokens.js';
import type { Principal, Role } from '../auth/roles.js';

export type ApiKeyView = { id: string; name: string; role: Role; prefix: string; createdAt: string; createdBy: string | null; revokedAt: string | null };

const SQL = {
  authenticate: `select id, name, role from api_keys where key_hash = $1 and revoked_at is null`,
  insert: `insert into api_keys (name, role, key_hash, key_prefix, created_by) values ($1, $2, $3, $4, $5)
           returning id, name, role, key_prefix, created_at, created_by, revoked_at`,
  list: `select id, name, role, key_prefix, created_at, created_by, revoked_at from api_keys order by created_at, id`,
  revoke: `update api_keys set revoked_at = now() where id = $1 and revoked_at is null
           returning id, name, role, key_prefix, created_at, created_by, revoked_at`,
  exists: `select 1 from api_keys where id = $1`,
  anyActiveAdmin: `select 1 from api_keys where role = 'admin' and revoked_at is null limit 1`,
  // Bootstrap is idempotent across restarts; a changed secret retires the previous bootstrap key.
  retireOtherBootstrap: `update api_keys set revoked_at = now() where name = $1 and revoked_at is null and key_hash <> $2`,
  insertBootstrap: `insert into api_keys (name, role, key_hash, key_prefix, created_by) values ($1, 'admin', $2, $3, 'BOOTSTRAP_ADMIN_KEY')
                    on conflict (key_hash) do nothing`,
} as const;

const BOOTSTRAP_NAME = 'bootstrap-admin';

const hashOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();
const prefixOf = (secret: string) => secret.slice(0, 10);

type Row = { id: string; name: string; role: Role; key_prefix: string; created_at: Date; created_by: string | null; revoked_at: Date | null };
const toView = (row: Row): ApiKeyView => ({
  id: row.id,
  name: row.name,
  role: row.role,
  prefix: row.key_prefix,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export class DuplicateKeyNameError extends Error {}

@Injectable()
export class ApiKeysRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async authenticate(secret: string): Promise<Principal | null> {
    if (secret.length > 200) return null;
    const { rows } = await this.pool.query<{ id: string; name: string; role: Role }>(SQL.authenticate, [hashOf(secret)]);
    return rows[0] ? { keyId: rows[0].id, name: rows[0].name, role: rows[0].role } : null;
  }

  async create(name: string, role: Role, createdBy: string): Promise<{ key: ApiKeyView; secret: string }> {
    const secret = `blk_${randomBytes(32).toString('base64url')}`;
    try {
      const { rows } = await this.pool.query<Row>(SQL.insert, [name, role, hashOf(secret), prefixOf(secret), createdBy]);
      return { key: toView(rows[0]!), secret };
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new DuplicateKeyNameError(name);
      throw error;
    }
  }

  async list(): Promise<ApiKeyView[]> {
    return (await this.pool.query<Row>(SQL.list)).rows.map(toView);
  }

  // null: no such key; otherwise the key, revoked now or earlier.
  async revoke(id: string): Promise<ApiKeyView | 'already_revoked' | null> {
    const { rows } = await this.pool.query<Row>(SQL.revoke, [id]);
    if (rows[0]) return toView(rows[0]);
    return (await this.pool.query(SQL.exists, [id])).rowCount ? 'already_revoked' : null;
  }

  // Creates `local-admin` unless an active admin exists; the secret is returned only when created.
  async ensureLocalAdmin(): Promise<{ created: boolean; secret: string | null }> {
    const { rowCount } = await this.pool.query(SQL.anyActiveAdmin);
    if (rowCount) return { created: false, secret: null };
    const { secret } = await this.create('local-admin', 'admin', 'zero-setup start');
    return { created: true, secret };
  }

  async ensureBootstrapAdmin(secret: string): Promise<void> {
    const hash = hashOf(secret);
    await this.pool.query(SQL.retireOtherBootstrap, [BOOTSTRAP_NAME, hash]);
    await this.pool.query(SQL.insertBootstrap, [BOOTSTRAP_NAME, hash, prefixOf(secret)]);
  }
}
