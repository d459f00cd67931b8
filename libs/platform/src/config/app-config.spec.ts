import { appDatabaseUrl, loadConfig, trustProxyOption } from './app-config';

describe('loadConfig', () => {
  it('gives the local defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/npa');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.OUTBOX_DIR).toBe('var/outbox');
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.WORKER_LOCK_MS).toBe(30_000);
    expect(config.SHUTDOWN_GRACE_SECONDS).toBe(10);
  });

  it.each([
    ['PORT', 'abc', /PORT/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL must be postgres/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL/],
    ['SMTP_URL', 'mail.example.org', /SMTP_URL/],
    ['JWT_SECRET', 'short', /JWT_SECRET must be at least 32/],
    ['TOTP_KEY', 'short', /TOTP_KEY must be at least 32/],
    ['STAFF_TOTP_REQUIRED', 'yes', /STAFF_TOTP_REQUIRED must be true or false/],
    ['TRUST_PROXY', 'my-proxy', /TRUST_PROXY must be true, false/],
    ['PUBLIC_RATE_LIMIT', '0', /PUBLIC_RATE_LIMIT/],
    ['DATABASE_APP_URL', 'npa_app@localhost/npa', /DATABASE_APP_URL must be postgres/],
    ['WORKER_LOCK_MS', '10', /WORKER_LOCK_MS/],
    ['WORKER_LOCK_MS', 'soon', /WORKER_LOCK_MS/],
    ['SHUTDOWN_GRACE_SECONDS', '-1', /SHUTDOWN_GRACE_SECONDS/],
    ['SHUTDOWN_GRACE_SECONDS', '3600', /SHUTDOWN_GRACE_SECONDS/],
  ])('refuses %s=%s with one line naming it', (key, value, message) => {
    expect(() => loadConfig({ [key]: value })).toThrow(message);
  });

  it.each([
    ['unset', {}, /^Invalid configuration: JWT_SECRET must be set in production/],
    ['the old compose default', { JWT_SECRET: 'change-me-change-me-change-me-change-me' }, /JWT_SECRET is a placeholder/],
    ['no TOTP_KEY', { JWT_SECRET: 'k3Jq9vXb2LmN8pQr5sTu7wYz1aBcDeFgHiJk' }, /TOTP_KEY must be set in production/],
  ])('refuses production secrets that are %s', (_case, env, message) => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...env })).toThrow(message);
  });

  it('takes real production secrets', () => {
    const env = { NODE_ENV: 'production', JWT_SECRET: 'k3Jq9vXb2LmN8pQr5sTu7wYz1aBcDeFgHiJk', TOTP_KEY: 'Zx8Cv7Bn6Mq5Wt4Er3Ty2Ui1Op0As9Df8Gh' };
    expect(loadConfig(env).NODE_ENV).toBe('production');
  });

  it('honours values that are set', () => {
    expect(loadConfig({ PORT: '8080', REDIS_URL: 'redis://127.0.0.1:6379/3' })).toMatchObject({ PORT: 8080, REDIS_URL: 'redis://127.0.0.1:6379/3' });
    expect(loadConfig({ HOST: '127.0.0.1', WORKER_LOCK_MS: '2000' })).toMatchObject({ HOST: '127.0.0.1', WORKER_LOCK_MS: 2000 });
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: '0' })).toMatchObject({ SHUTDOWN_GRACE_SECONDS: 0 });
  });

  it('reads the sign-in settings', () => {
    expect(loadConfig({})).toMatchObject({ STAFF_TOTP_REQUIRED: false, TOTP_RATE_LIMIT: 20, TOTP_ACCOUNT_LIMIT: 5, PUBLIC_RATE_LIMIT: 60 });
    expect(loadConfig({ STAFF_TOTP_REQUIRED: 'true' }).STAFF_TOTP_REQUIRED).toBe(true);
    expect(loadConfig({ STAFF_TOTP_REQUIRED: 'false' }).STAFF_TOTP_REQUIRED).toBe(false);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.1', '10.0.0.1'],
    ['10.0.0.1, 192.168.0.0/16', '10.0.0.1, 192.168.0.0/16'],
    ['loopback', 'loopback'],
  ])('passes TRUST_PROXY=%s to Fastify as %j', (value, option) => {
    const config = loadConfig(value === undefined ? {} : { TRUST_PROXY: value });
    expect(trustProxyOption(config.TRUST_PROXY)).toEqual(option);
  });

  describe('the application database connection', () => {
    it.each([
      ['nothing set: npa_app on the same server and database', {}, 'postgres://npa_app@127.0.0.1:5432/npa'],
      [
        'the owner has a password: npa_app has none (trust or .pgpass)',
        { DATABASE_URL: 'postgres://owner:s3cret@db.example.org:6432/register' },
        'postgres://npa_app@db.example.org:6432/register',
      ],
      ['DATABASE_APP_URL set: taken as it is', { DATABASE_APP_URL: 'postgres://api:pw@db/npa' }, 'postgres://api:pw@db/npa'],
    ])('%s', (_case, env, expected) => {
      expect(appDatabaseUrl(loadConfig(env))).toBe(expected);
    });
  });
});
