import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { productionSecretsProblem } from './secrets';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const integer = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const flag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * Every setting the system reads from its environment, with the local defaults that let it run on a
 * machine with PostgreSQL and Redis on their usual ports. This class is the one place they are named.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(integer)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** The address the API listens on: every interface by default (in a container), 127.0.0.1 to keep it local. */
  @Transform(trimmed)
  @IsString()
  HOST = '0.0.0.0';

  @Transform(trimmed)
  @Matches(/^postgres(ql)?:\/\/.+\/[A-Za-z0-9_-]+$/, { message: 'must be postgres://user@host:port/database' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/npa';

  /**
   * Where the API, the worker and the CLI's commands connect: a role that may read and write the
   * register but only add to audit_log, and never change the schema. Unset: DATABASE_URL with the user
   * npa_app and no password (see appDatabaseUrl). Migrations alone use DATABASE_URL, the schema's owner.
   */
  @Transform(trimmed)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+\/[A-Za-z0-9_-]+$/, { message: 'must be postgres://user[:password]@host:port/database' })
  DATABASE_APP_URL?: string;

  @Transform(trimmed)
  @Matches(/^rediss?:\/\/.+/, { message: 'must be redis://host:port[/db]' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix for every Redis key (queues, rate limits); tests use one of their own per run. */
  @Transform(trimmed)
  @Matches(/^[A-Za-z0-9:_-]+$/, { message: 'letters, digits, : _ - only' })
  REDIS_PREFIX = 'npa';

  @Transform(trimmed)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be smtp://[user:pass@]host:port' })
  SMTP_URL?: string;

  @Transform(trimmed)
  @IsString()
  MAIL_FROM = 'National Portage Association <no-reply@portage.org.uk>';

  @Transform(trimmed)
  @IsString()
  OUTBOX_DIR = 'var/outbox';

  @Transform(trimmed)
  @IsString()
  STORAGE_DIR = 'var/storage';

  /** How often the worker's outbox relay looks for jobs to move to Redis (it also wakes on NOTIFY). */
  @Transform(integer)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_MS = 500;

  @Transform(integer)
  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE = 100;

  /**
   * How long the relay waits after a NOTIFY before it claims, so rows committed meanwhile go to Redis in
   * one batch rather than a batch each (four round trips to PostgreSQL apiece); 0 claims at once.
   */
  @Transform(integer)
  @IsInt()
  @Min(0)
  @Max(1000)
  OUTBOX_GATHER_MS = 10;

  /** Relayed outbox rows are kept this long (to see what was queued, and when), then deleted. */
  @Transform(integer)
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_DAYS = 7;

  /** The back-office's public address: letters print "verify at <PUBLIC_URL>/letters/verify/<code>". */
  @Transform(trimmed)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) address' })
  PUBLIC_URL = 'http://localhost:3000';

  /** When the daily sweep runs (cron, in TIME_ZONE); 06:00 London by default. */
  @Transform(trimmed)
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'must be a five-field cron pattern such as "0 6 * * *"' })
  SWEEP_CRON = '0 6 * * *';

  /** Debian's Chromium, which prints letters to PDF (scripts/ensure-chromium.js installs it for npm start). */
  @Transform(trimmed)
  @IsString()
  CHROMIUM_PATH = '/usr/bin/chromium';

  /**
   * How long a worker holds a job's lock before BullMQ counts the job stalled and gives it to another
   * worker (also how often it looks): tests shorten it to see a killed worker's job retried soon.
   */
  @Transform(integer)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  WORKER_LOCK_MS = 30_000;

  /** Pages Chromium prints at once in the worker (4 matches the letters queue's concurrency; README, Benchmarks). */
  @Transform(integer)
  @IsInt()
  @Min(1)
  @Max(16)
  PDF_CONCURRENCY = 4;

  /**
   * Emails the worker sends at once: the SMTP connections the Mailer keeps open. The mail queue runs a
   * few jobs per connection (job-worker.host.ts), so a connection always has the next message waiting.
   */
  @Transform(integer)
  @IsInt()
  @Min(1)
  @Max(32)
  MAIL_CONCURRENCY = 4;

  /**
   * When the API is told to stop, how long requests in flight have to finish before their connections are
   * closed (an orchestrator's stop timeout should be longer: docker-compose.yml gives the API 15 s).
   */
  @Transform(integer)
  @IsInt()
  @Min(0)
  @Max(300)
  SHUTDOWN_GRACE_SECONDS = 10;

  /** Unset: a random secret is made and kept in var/jwt-secret (see jwt-secret.ts). */
  @Transform(trimmed)
  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(integer)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  /** A browser session ends after this long without a request... */
  @Transform(integer)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  WEB_SESSION_IDLE_MINUTES = 30;

  /** ...and in any case this long after signing in. */
  @Transform(integer)
  @IsInt()
  @Min(1)
  @Max(24 * 7)
  WEB_SESSION_HOURS = 10;

  @Transform(integer)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(integer)
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 60;

  /**
   * Failed sign-ins to one account, from any address, within LOGIN_ACCOUNT_WINDOW_SECONDS before its
   * sign-ins pause for LOGIN_ACCOUNT_LOCK_SECONDS (short, so nobody can shut an owner out for long; the
   * owner is emailed a code that gets them in at once, and a second factor gets through too).
   */
  @Transform(integer)
  @IsInt()
  @Min(1)
  LOGIN_ACCOUNT_LIMIT = 10;

  @Transform(integer)
  @IsInt()
  @Min(1)
  LOGIN_ACCOUNT_WINDOW_SECONDS = 900;

  @Transform(integer)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_ACCOUNT_LOCK_SECONDS = 900;

  /**
   * Requests per client address to the routes anyone may call without signing in (certificate, letter
   * and register checks, the /verify page), so nobody can walk through the codes.
   */
  @Transform(integer)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT = 60;

  @Transform(integer)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_WINDOW_SECONDS = 60;

  /**
   * One-time codes: requests to the code routes per client address (generous: a whole office may sign
   * in through one address), and codes tried per account from anywhere (tight: six digits fall to
   * enough guesses), both over TOTP_RATE_WINDOW_SECONDS.
   */
  @Transform(integer)
  @IsInt()
  @Min(1)
  TOTP_RATE_LIMIT = 20;

  @Transform(integer)
  @IsInt()
  @Min(1)
  TOTP_ACCOUNT_LIMIT = 5;

  @Transform(integer)
  @IsInt()
  @Min(1)
  TOTP_RATE_WINDOW_SECONDS = 300;

  /**
   * true: NPA staff must turn on one-time codes; until they do, they may only reach the routes that set
   * them up. Off by default so the README's first admin can sign in with a password alone.
   */
  @Transform(flag)
  @IsBoolean({ message: 'must be true or false' })
  STAFF_TOTP_REQUIRED = false;

  /**
   * The key that encrypts TOTP secrets at rest (AES-256-GCM; any string of 32 characters or more, put
   * through HKDF). Unset: derived from the JWT secret, so changing JWT_SECRET then means every staff
   * member sets up their codes again. Set it in production and keep it apart from JWT_SECRET.
   */
  @Transform(trimmed)
  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters' })
  TOTP_KEY?: string;

  /**
   * Which proxies may set the client's address through X-Forwarded-For: unset or false trusts none (the
   * header is ignored), true trusts every hop, a number that many hops, else a list of addresses or
   * CIDR ranges (10.0.0.1,192.168.0.0/16, or loopback). Rate limits key on the address this gives.
   */
  @Transform(trimmed)
  @IsOptional()
  @Matches(/^(true|false|\d+|(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:/]+))*)$/, {
    message: 'must be true, false, a number of hops or a list of addresses',
  })
  TRUST_PROXY?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Days are the NPA's days: "today" and the daily sweep use this zone. */
  @Transform(trimmed)
  @IsString()
  TIME_ZONE = 'Europe/London';

  @Transform(trimmed)
  @IsString()
  VAR_DIR = 'var';

  /**
   * Evidence one application may hold, so a setting cannot fill the disk 10 MB at a time: how many files,
   * and their total size in MB. Limits of this server's storage, not rules of the Code, so configuration
   * (like the 10 MB per file) rather than versioned rule parameters.
   */
  @Transform(integer)
  @IsInt()
  @Min(1)
  EVIDENCE_FILES_PER_APPLICATION = 40;

  @Transform(integer)
  @IsInt()
  @Min(10)
  EVIDENCE_MB_PER_APPLICATION = 100;
}

export class ConfigError extends Error {}

/** TRUST_PROXY as Fastify's trustProxy option takes it. */
export function trustProxyOption(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Reads and validates the environment; a bad value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['SMTP_URL', 'JWT_SECRET', 'TOTP_KEY', 'TRUST_PROXY', 'DATABASE_APP_URL']);
  const raw: Record<string, unknown> = {};
  for (const key of known) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const why = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(`Invalid configuration: ${first.property} ${why.replace(new RegExp(`^${first.property} `), '')}`);
  }
  const secrets = config.NODE_ENV === 'production' ? productionSecretsProblem(config) : null;
  if (secrets) throw new ConfigError(`Invalid configuration: ${secrets}`);
  return config;
}

/** The role the migration AddApplicationRole creates and grants to; the app connects as it by default. */
export const APP_DATABASE_ROLE = 'npa_app';

/** The application's connection: DATABASE_APP_URL, or DATABASE_URL with the user replaced by npa_app. */
export function appDatabaseUrl(config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_APP_URL'>): string {
  if (config.DATABASE_APP_URL) return config.DATABASE_APP_URL;
  const url = new URL(config.DATABASE_URL);
  url.username = APP_DATABASE_ROLE;
  url.password = '';
  return url.toString();
}
