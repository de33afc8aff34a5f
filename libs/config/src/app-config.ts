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
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'LISTEN_BACKLOG must be a whole number' })
  @Min(1, { message: 'LISTEN_BACKLOG must be between 1 and 65535' })
  @Max(65535, { message: 'LISTEN_BACKLOG must be between 1 and 65535' })
  LISTEN_BACKLOG?: number;

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

  @IsOptional()
  @Matches(/^(localhost|[0-9.]+|\[[0-9a-f:]+\]|[a-z0-9.-]+)$/i, { message: 'SMTP_HOST must be a host name or an IP address, e.g. smtp.napo.org.uk' })
  SMTP_HOST?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'SMTP_PORT must be a whole number' })
  @Min(1, { message: 'SMTP_PORT must be between 1 and 65535' })
  @Max(65535, { message: 'SMTP_PORT must be between 1 and 65535' })
  SMTP_PORT?: number;

  @IsOptional()
  @IsIn(['true', 'false'], { message: "SMTP_SECURE must be 'true' (TLS from the start, usually port 465) or 'false' (STARTTLS when offered, usually 587)" })
  SMTP_SECURE?: string;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  @IsOptional()
  @Matches(/^([^<>@\s][^<>@]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, {
    message: "MAIL_FROM must be an address, e.g. agm@napo.org.uk or 'Napo AGM <agm@napo.org.uk>'",
  })
  MAIL_FROM?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be the http(s) address members open, e.g. https://agm.napo.org.uk' })
  PUBLIC_URL?: string;
}

/** Outgoing mail (access codes); absent when SMTP_HOST is unset, and then codes are shown and printed instead. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth: { user: string; pass: string } | undefined;
  from: string;
}

export interface AppConfig {
  port: number;
  host: string;
  /**
   * Connections the kernel queues before the server accepts them (capped by net.core.somaxconn). A
   * hall's phones all reconnect within a second after a Wi-Fi blip: Node's default of 511 drops the
   * rest of their connection attempts, which then wait for the kernel's SYN retry (1 s, 3 s, 7 s).
   */
  listenBacklog: number;
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
  smtp: SmtpConfig | undefined;
  /** The address members open, for the sign-in link in their email; unset: the link is left out. */
  publicUrl: string | undefined;
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
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((c) => `${c} (got '${e.property.includes('PASSWORD') ? '…' : String(e.value)}')`),
  );
  problems.push(...smtpProblems(vars));
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = resolve(vars.DATA_DIR ?? './data');
  return {
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? '127.0.0.1',
    listenBacklog: vars.LISTEN_BACKLOG ?? 4096,
    databaseUrl: vars.DATABASE_URL,
    dataDir,
    redisUrl: vars.REDIS_URL,
    corsOrigins: !vars.CORS_ORIGINS || vars.CORS_ORIGINS === '*' ? '*' : vars.CORS_ORIGINS.split(','),
    tokenSecret: vars.TOKEN_SECRET ?? readOrCreateSecret(dataDir),
    logLevel: vars.LOG_LEVEL ?? 'info',
    seedDemo: (vars.SEED_DEMO ?? 'true') === 'true',
    smtp: vars.SMTP_HOST
      ? {
          host: vars.SMTP_HOST,
          port: vars.SMTP_PORT ?? (vars.SMTP_SECURE === 'true' ? 465 : 587),
          secure: vars.SMTP_SECURE === 'true',
          auth: vars.SMTP_USER ? { user: vars.SMTP_USER, pass: vars.SMTP_PASSWORD ?? '' } : undefined,
          from: vars.MAIL_FROM as string,
        }
      : undefined,
    publicUrl: vars.PUBLIC_URL?.replace(/\/+$/, ''),
  };
}

/** The SMTP settings that only make sense together: a half-configured mailer would lose codes silently. */
function smtpProblems(vars: EnvironmentVariables): string[] {
  const problems: string[] = [];
  const others = (['SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASSWORD', 'MAIL_FROM'] as const).filter((key) => vars[key] !== undefined);
  if (!vars.SMTP_HOST) {
    if (others.length > 0) problems.push(`SMTP_HOST must be set when ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} set (or unset them to send no email)`);
    return problems;
  }
  if (!vars.MAIL_FROM) problems.push("MAIL_FROM must be set when SMTP_HOST is: the address access codes are sent from, e.g. 'Napo AGM <agm@napo.org.uk>'");
  if (vars.SMTP_USER && !vars.SMTP_PASSWORD) problems.push('SMTP_PASSWORD must be set when SMTP_USER is');
  if (vars.SMTP_PASSWORD && !vars.SMTP_USER) problems.push('SMTP_USER must be set when SMTP_PASSWORD is');
  return problems;
}

const KNOWN = [
  'PORT',
  'HOST',
  'LISTEN_BACKLOG',
  'DATABASE_URL',
  'DATA_DIR',
  'REDIS_URL',
  'CORS_ORIGINS',
  'TOKEN_SECRET',
  'LOG_LEVEL',
  'SEED_DEMO',
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_SECURE',
  'SMTP_USER',
  'SMTP_PASSWORD',
  'MAIL_FROM',
  'PUBLIC_URL',
] as const;

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
