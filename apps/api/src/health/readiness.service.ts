import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../infrastructure/tokens.js';

export type ReadinessCheck = () => Promise<Record<string, unknown>>;

// Other modules (the projector) register their own readiness facts, e.g. projection lag.
@Injectable()
export class ReadinessService {
  private readonly checks = new Map<string, ReadinessCheck>();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  async check(): Promise<{ status: 'ok' | 'unavailable'; checks: Record<string, unknown> }> {
    const checks: Record<string, unknown> = {};
    let status: 'ok' | 'unavailable' = 'ok';
    try {
      await this.pool.query('select 1');
      checks.database = { status: 'ok' };
    } catch {
      checks.database = { status: 'unavailable' };
      status = 'unavailable';
    }
    for (const [name, check] of this.checks) {
      checks[name] = await check().catch(() => ({ status: 'unavailable' }));
    }
    return { status, checks };
  }
}
