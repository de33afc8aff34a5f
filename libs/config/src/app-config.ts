import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every environment variable the system reads, validated at boot. This file is the only place that
 * reads process.env: the rest of the code receives an `AppConfig`.
 */
class EnvironmentVariables {
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65535, { message: 'PORT must be between 0 and 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  @Matches(/^(localhost|[0-9.]+|\[[0-9a-f:]+\]|[a-z0-9.-]+)$/i, { message: 'HOST must be a host name or an IP address' })
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)$/, {
    message: "CORS_ORIGINS must be '*' or a comma-separated list of http(s) origins, e.g. https://agm.napo.org.uk",
  })
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'TOKEN_SECRET must be at least 32 characters; leave it unset to have one generated in DATA_DIR' })
  TOKEN_SECRET?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' })
  LOG_LEVEL?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: "SEED_DEMO must be 'true' or 'false'" })
  SEED_DEMO?: string;
}

export interface AppConfig {
  port: number;
  host: string;
  /** Set: connect to that PostgreSQL. Unset: start the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** '*' allows any origin (the default for a single-machine start); otherwise an allow-list. */
  corsOrigins: '*' | string[];
  tokenSecret: string;
  logLevel: string;
  /** Whether an empty database gets the demo union on start. */
  seedDemo: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and validates the environment. Throws `ConfigError` listing every bad variable, so one failed
 * boot shows everything to fix. `overrides` lets tests start an app without touching process.env.
 */
export function loadConfig(overrides: Partial<Record<keyof EnvironmentVariables, string>> = {}, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = { ...pickKnown(env), ...overrides };
  const vars = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(vars, { whitelist: true });
  if (errors.length > 0) {
    throw new ConfigError(errors.flatMap((e) => Object.values(e.constraints ?? {}).map((c) => `${c} (got '${String(e.value)}')`)));
  }
  const dataDir = resolve(vars.DATA_DIR ?? './data');
  return {
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? '127.0.0.1',
    databaseUrl: vars.DATABASE_URL,
    dataDir,
    redisUrl: vars.REDIS_URL,
    corsOrigins: !vars.CORS_ORIGINS || vars.CORS_ORIGINS === '*' ? '*' : vars.CORS_ORIGINS.split(','),
    tokenSecret: vars.TOKEN_SECRET ?? readOrCreateSecret(dataDir),
    logLevel: vars.LOG_LEVEL ?? 'info',
    seedDemo: (vars.SEED_DEMO ?? 'true') === 'true',
  };
}

const KNOWN = ['PORT', 'HOST', 'DATABASE_URL', 'DATA_DIR', 'REDIS_URL', 'CORS_ORIGINS', 'TOKEN_SECRET', 'LOG_LEVEL', 'SEED_DEMO'] as const;

function pickKnown(env: NodeJS.ProcessEnv): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of KNOWN) if (env[key] !== undefined && env[key] !== '') picked[key] = env[key] as string;
  return picked;
}

/** So `npm start` needs no configuration: the secret is made once and kept beside the data. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Database settings for the test suites: TEST_DATABASE_URL, else DATABASE_URL, else undefined
 * (the embedded database in memory). Read here because this library alone reads the environment.
 */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL || env.DATABASE_URL || undefined;
}

/** Redis for the multi-instance tests and benches; the machine's local Redis by default. */
export function testRedisUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEST_REDIS_URL || env.REDIS_URL || 'redis://127.0.0.1:6379';
}
