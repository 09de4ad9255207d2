import type { Pool, PoolClient } from 'pg';

export type GenerationStatus = 'building' | 'live' | 'retired';

export type Generation = {
  generation: number;
  schema: string; // rm_g<n>
  status: GenerationStatus;
  projections: string[];
};

export type Queryable = Pool | PoolClient;

export const schemaOf = (generation: number): string => `rm_g${generation}`;

// One subscription (and so one checkpoint and one lock) per generation.
export const subscriptionNameOf = (generation: number): string => `read-models@g${generation}`;

type GenerationRow = { generation: number; schema_name: string; status: GenerationStatus; projections: string[] };

export function toGeneration(row: GenerationRow): Generation {
  return { generation: row.generation, schema: row.schema_name, status: row.status, projections: row.projections };
}
