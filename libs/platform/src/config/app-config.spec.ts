import { appDatabaseUrl, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the local defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/npa');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.OUTBOX_DIR).toBe('var/outbox');
    expect(config.SMTP_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', /PORT/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL must be postgres/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL/],
    ['SMTP_URL', 'mail.example.org', /SMTP_URL/],
    ['JWT_SECRET', 'short', /JWT_SECRET must be at least 32/],
    ['DATABASE_APP_URL', 'npa_app@localhost/npa', /DATABASE_APP_URL must be postgres/],
  ])('refuses %s=%s with one line naming it', (key, value, message) => {
    expect(() => loadConfig({ [key]: value })).toThrow(message);
  });

  it('honours values that are set', () => {
    expect(loadConfig({ PORT: '8080', REDIS_URL: 'redis://127.0.0.1:6379/3' })).toMatchObject({ PORT: 8080, REDIS_URL: 'redis://127.0.0.1:6379/3' });
  });

  describe('the application database connection', () => {
    it.each([
      ['nothing set: npa_app on the same server and database', {}, 'postgres://npa_app@127.0.0.1:5432/npa'],
      ['the owner has a password: npa_app has none (trust or .pgpass)', { DATABASE_URL: 'postgres://owner:s3cret@db.example.org:6432/register' }, 'postgres://npa_app@db.example.org:6432/register'],
      ['DATABASE_APP_URL set: taken as it is', { DATABASE_APP_URL: 'postgres://api:pw@db/npa' }, 'postgres://api:pw@db/npa'],
    ])('%s', (_case, env, expected) => {
      expect(appDatabaseUrl(loadConfig(env))).toBe(expected);
    });
  });
});
