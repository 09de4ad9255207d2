import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ensureLiveGeneration, readLiveGeneration, type Generation, type Projection } from '#read-models';
import { PG_POOL } from '../../infrastructure/tokens.js';
import { READ_MODEL_PROJECTIONS } from '../read-models.tokens.js';

// Cached briefly: a rebuild's switch is seen within this long; the old generation is only
// dropped well after (rebuild dropAfterMs), and a read that still misses it retries.
const CACHE_MS = 1_000;

@Injectable()
export class LiveGenerationService {
  private cached: { generation: Generation; until: number } | null = null;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(READ_MODEL_PROJECTIONS) private readonly projections: readonly Projection[],
  ) {}

  async get(): Promise<Generation> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.generation;
    // A fresh database with no projector started yet still answers (empty) lists.
    const generation = (await readLiveGeneration(this.pool)) ?? (await ensureLiveGeneration(this.pool, this.projections)).generation;
    this.cached = { generation, until: Date.now() + CACHE_MS };
    return generation;
  }

  invalidate(): void {
    this.cached = null;
  }
}
