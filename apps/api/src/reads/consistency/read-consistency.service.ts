import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Pool } from 'pg';
import type { AppConfig } from '#config';
import { EventStore, readSubscriptionCheckpoint } from '#event-store';
import { subscriptionNameOf, waitForPosition } from '#read-models';
import { APP_CONFIG, PG_POOL } from '../../infrastructure/tokens.js';
import { LiveGenerationService } from './live-generation.service.js';

export type ReadView = { schema: string; generation: number; appliedPosition: number; stale: boolean };

// PostgreSQL: undefined_table, invalid_schema_name: the generation was dropped under us.
const GONE = new Set(['42P01', '3F000']);

export const READ_MODEL_POSITION_HEADER = 'X-Read-Model-Position';
export const READ_MODEL_STALE_HEADER = 'X-Read-Model-Stale';

// Read-your-writes for read-model queries: waits (bounded by reads.waitMaxMs) until the live
// generation has applied the event at ?minPosition, then runs the query against it. On timeout
// it answers anyway and says so in the headers; never a 500 for being behind.
@Injectable()
export class ReadConsistencyService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(LiveGenerationService) private readonly live: LiveGenerationService,
  ) {}

  async run<T>(minPosition: number | undefined, response: Response, query: (schema: string) => Promise<T>): Promise<T> {
    let view = await this.view(minPosition);
    this.setHeaders(response, view);
    try {
      return await query(view.schema);
    } catch (error) {
      if (!GONE.has((error as { code?: string }).code ?? '')) throw error;
      this.live.invalidate();
      view = await this.view(minPosition);
      this.setHeaders(response, view);
      return query(view.schema);
    }
  }

  private async view(minPosition: number | undefined): Promise<ReadView> {
    const generation = await this.live.get();
    const subscription = subscriptionNameOf(generation.generation);
    if (minPosition === undefined) {
      const stored = await readSubscriptionCheckpoint(this.pool, subscription);
      return { schema: generation.schema, generation: generation.generation, appliedPosition: stored?.globalPosition ?? 0, stale: false };
    }
    const wait = await waitForPosition(this.store, this.pool, subscription, minPosition, this.config.reads.waitMaxMs);
    return { schema: generation.schema, generation: generation.generation, appliedPosition: wait.appliedPosition, stale: !wait.reached };
  }

  private setHeaders(response: Response, view: ReadView): void {
    response.setHeader(READ_MODEL_POSITION_HEADER, String(view.appliedPosition));
    if (view.stale) response.setHeader(READ_MODEL_STALE_HEADER, 'true');
    else response.removeHeader(READ_MODEL_STALE_HEADER);
  }
}
