import type { PoolClient } from 'pg';
import { quoteIdent, type Projection } from '../projection.js';
import { schemaOf, toGeneration, type Generation, type GenerationStatus } from './generation.js';
import { INSERT_GENERATION, NEXT_GENERATION_NUMBER } from './generations.queries.js';

// Idempotent: the schema and every projection's tables (their DDL is `if not exists`).
export async function createGenerationTables(tx: PoolClient, schema: string, projections: readonly Projection[]): Promise<void> {
  await tx.query(`create schema if not exists ${quoteIdent(schema)}`);
  for (const projection of projections) await projection.createTables(tx, schema);
}

// Call inside a transaction holding the generations lock.
export async function createGeneration(
  tx: PoolClient,
  status: Extract<GenerationStatus, 'building' | 'live'>,
  projections: readonly Projection[],
): Promise<Generation> {
  const { rows } = await tx.query<{ next: number }>(NEXT_GENERATION_NUMBER);
  const number = rows[0]!.next;
  const names = projections.map((projection) => projection.name);
  const created = await tx.query(INSERT_GENERATION, [number, schemaOf(number), status, names]);
  const generation = toGeneration(created.rows[0]);
  await createGenerationTables(tx, generation.schema, projections);
  return generation;
}
