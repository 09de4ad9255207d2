import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MinLength, Min, ValidateIf, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

// The environment as it arrives; every field is a string until validated.
class Environment {
  @IsOptional() @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @IsOptional() @IsIn(['postgres', 'eventstoredb'])
  EVENT_STORE?: 'postgres' | 'eventstoredb';

  @ValidateIf((env: Environment) => env.EVENT_STORE === 'eventstoredb')
  @IsString({ message: 'EVENTSTORE_URL is required when EVENT_STORE=eventstoredb' })
  @Matches(/^(esdb|kurrentdb|kdb|esdb\+discover|kurrentdb\+discover):\/\//, { message: 'EVENTSTORE_URL must be an esdb:// or kurrentdb:// connection string' })
  EVENTSTORE_URL?: string;

  @IsOptional() @IsString() @MinLength(24, { message: 'BOOTSTRAP_ADMIN_KEY must be at least 24 characters' })
  BOOTSTRAP_ADMIN_KEY?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DB_POOL_SIZE?: number;

  @IsOptional() @IsIn(['inline', 'off'])
  PROJECTOR?: 'inline' | 'off';

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(24) @Max(24 * 365)
  IDEMPOTENCY_TTL_HOURS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  READ_WAIT_MAX_MS?: number;

  @IsOptional() @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL?: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export type AppConfig = {
  http: { host: string; port: number; bodyLimitBytes: number };
  database: { url: string | null; poolSize: number; dataDir: string };
  eventStore: { kind: 'postgres' } | { kind: 'eventstoredb'; url: string };
  // localAdminKeyFile: zero-setup mode only (embedded PostgreSQL): where a generated admin key is written.
  auth: { bootstrapAdminKey: string | null; localAdminKeyFile: string | null };
  projector: { mode: 'inline' | 'off' };
  idempotency: { ttlHours: number };
  reads: { waitMaxMs: number };
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Validate once, report every problem by variable name, never echo a value (it may be a secret).
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = plainToInstance(Environment, { ...env }, { excludeExtraneousValues: false });
  const errors = validateSync(raw, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`)));
  }
  return {
    http: { host: raw.HOST ?? '0.0.0.0', port: raw.PORT ?? 3000, bodyLimitBytes: raw.BODY_LIMIT_BYTES ?? 1024 * 1024 },
    database: { url: raw.DATABASE_URL ?? null, poolSize: raw.DB_POOL_SIZE ?? 10, dataDir: raw.DATA_DIR ?? '.data' },
    eventStore:
      raw.EVENT_STORE === 'eventstoredb' ? { kind: 'eventstoredb', url: raw.EVENTSTORE_URL! } : { kind: 'postgres' },
    auth: { bootstrapAdminKey: raw.BOOTSTRAP_ADMIN_KEY ?? null, localAdminKeyFile: null },
    projector: { mode: raw.PROJECTOR ?? 'inline' },
    idempotency: { ttlHours: raw.IDEMPOTENCY_TTL_HOURS ?? 48 },
    reads: { waitMaxMs: raw.READ_WAIT_MAX_MS ?? 5000 },
    logLevel: raw.LOG_LEVEL ?? 'log',
  };
}
