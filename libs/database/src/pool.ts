import pg from 'pg';

// bigint (int8) columns hold global positions; they stay far below 2^53, so parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export type PoolOptions = { connectionString: string; max?: number; applicationName?: string };

export function createPool({ connectionString, max = 10, applicationName = 'bidledger' }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: applicationName });
  // An idle client losing its connection must not crash the process; the pool drops it.
  pool.on('error', () => undefined);
  return pool;
}
