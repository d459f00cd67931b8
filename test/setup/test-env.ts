import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment of one test run: its own database, Redis key prefix and folders. */
export function makeTestEnv(): Record<string, string> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/npa_test_${runId}`;
  const dir = mkdtempSync(join(tmpdir(), `npa-test-${runId}-`));
  return {
    NODE_ENV: 'test',
    DATABASE_URL: base.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `npa-test-${runId}`,
    VAR_DIR: dir,
    OUTBOX_DIR: join(dir, 'outbox'),
    STORAGE_DIR: join(dir, 'storage'),
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: 'warn',
    // Every suite calls from 127.0.0.1 into one key prefix; the rate-limit suite sets its own limits.
    LOGIN_RATE_LIMIT: '10000',
    LOGIN_ACCOUNT_LIMIT: '10000',
    PUBLIC_RATE_LIMIT: '10000',
    TOTP_RATE_LIMIT: '10000',
    TOTP_ACCOUNT_LIMIT: '10000',
    TEST_RUN_DIR: dir,
  };
}

/** Tests refuse to touch a database whose name does not say it is for tests. */
export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('test')) throw new Error(`Refusing to run tests against database "${name}": its name must contain "test"`);
}
