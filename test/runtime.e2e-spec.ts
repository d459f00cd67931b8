import { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { setApplicationRolePassword } from '@npa/database';
import { bootWorker } from './support/boot';
import { runToExit } from './support/run-to-exit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An entry point's exit code and the lines it printed. */
async function runToExitLines(main: string, env: Record<string, string | undefined>): Promise<{ code: number | null; lines: string[] }> {
  const { code, output } = await runToExit(main, env);
  return { code, lines: output.split('\n').filter((line) => line.trim() !== '') };
}

/** The secret docker-compose.yml used to ship as its default, and the .env.example's placeholders. */
const PLACEHOLDERS = ['change-me-change-me-change-me-change-me', 'at-least-32-characters-of-randomness'];
const GOOD_TOTP_KEY = 'Zx8Cv7Bn6Mq5Wt4Er3Ty2Ui1Op0As9Df8Gh';

describe('Production refuses secrets anyone could know', () => {
  const entries = { api: 'apps/api/src/main.ts', worker: 'apps/worker/src/main.ts' };

  it.each(Object.entries(entries).flatMap(([app, main]) => PLACEHOLDERS.map((secret) => [app, secret, main] as const)))(
    'the %s will not start with JWT_SECRET=%s',
    async (_app, secret, main) => {
      const { code, lines } = await runToExitLines(main, { NODE_ENV: 'production', JWT_SECRET: secret, TOTP_KEY: GOOD_TOTP_KEY });
      expect(code).not.toBe(0);
      // One line a person can act on, naming the variable and how to make a real one.
      const said = lines.filter((line) => line.includes('JWT_SECRET'));
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/JWT_SECRET is a placeholder, not a secret \(make one with: openssl rand -base64 48\)/);
    },
  );

  it.each(Object.entries(entries))('the %s will not start without a TOTP_KEY in production', async (_app, main) => {
    const { code, lines } = await runToExitLines(main, { NODE_ENV: 'production', JWT_SECRET: 'k3Jq9vXb2LmN8pQr5sTu7wYz1aBcDeFgHiJk', TOTP_KEY: '' });
    expect(code).not.toBe(0);
    expect(lines.filter((line) => /TOTP_KEY must be set in production/.test(line))).toHaveLength(1);
  });
});

describe('What the repository ships', () => {
  const compose = readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8');

  it('has no default for any secret in docker-compose.yml', () => {
    for (const name of ['JWT_SECRET', 'TOTP_KEY', 'POSTGRES_PASSWORD', 'NPA_APP_DB_PASSWORD', 'REDIS_PASSWORD']) {
      const uses = [...compose.matchAll(new RegExp(`\\$\\{${name}([^}]*)\\}`, 'g'))].map((match) => match[1]);
      expect(uses.length).toBeGreaterThan(0);
      // ${NAME:?message} refuses to run without it; ${NAME:-default} or ${NAME-default} would ship one.
      for (const use of uses) expect(use).toMatch(/^:\?/);
    }
    expect(compose).not.toMatch(/POSTGRES_HOST_AUTH_METHOD/);
    expect(compose).not.toMatch(/change-me/);
  });
});

describe("The worker's container health check", () => {
  let worker: INestApplicationContext | undefined;
  afterAll(async () => worker?.close());

  it('is healthy while the job workers run, and not once they stop', async () => {
    worker = await bootWorker();
    const running = await runToExitLines('apps/worker/src/healthcheck.ts', {});
    expect(running.code).toBe(0);
    expect(running.lines.join('\n')).toMatch(/healthy: alive \d+ s ago/);
    await worker.close();
    worker = undefined;
    const stopped = await runToExitLines('apps/worker/src/healthcheck.ts', {});
    expect(stopped.code).toBe(1);
    expect(stopped.lines.join('\n')).toMatch(/unhealthy: .*worker-alive is missing/);
  });
});

describe("The application role's password (docker-compose.yml sets one)", () => {
  const owner = process.env.DATABASE_URL!;
  const withUser = (user: string, password: string) => {
    const url = new URL(owner);
    url.username = user;
    url.password = password;
    return url.toString();
  };
  const hasPassword = async () => {
    const client = new Client({ connectionString: owner });
    await client.connect();
    try {
      const { rows } = await client.query<{ set: boolean }>(`SELECT rolpassword IS NOT NULL AS set FROM pg_authid WHERE rolname = 'npa_app'`);
      return rows[0].set;
    } finally {
      await client.end();
    }
  };
  // The role is the cluster's: leave it as the other test runs (trust auth) expect it.
  afterAll(async () => {
    const client = new Client({ connectionString: owner });
    await client.connect();
    await client.query('ALTER ROLE npa_app WITH PASSWORD NULL');
    await client.end();
  });

  it('is set by migrate from DATABASE_APP_URL, whatever characters it has', async () => {
    expect(await setApplicationRolePassword(owner, withUser('npa_app', "it's; DROP ROLE x; --"))).toBe(true);
    expect(await hasPassword()).toBe(true);
  });

  it.each([
    ['no DATABASE_APP_URL', undefined],
    ['another login', withUser('api_login', 'secret-of-another-login')],
    ['no password', withUser('npa_app', '')],
  ])('is left alone with %s', async (_case, appUrl) => {
    expect(await setApplicationRolePassword(owner, appUrl)).toBe(false);
  });
});
