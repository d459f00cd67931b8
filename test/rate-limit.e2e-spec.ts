import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Actor, TotpService } from '@npa/platform';
import { bootApi } from './support/boot';
import { http, PASSWORD, signedIn, uniqueEmail } from './support/people';
import { codeAt } from './support/totp';

const TOO_MANY = { statusCode: 429, error: 'Too Many Requests', message: 'Too many requests; wait a minute and try again.' };

/** Each app here has a Redis key prefix of its own, so its counters start at nought and no other suite shares them. */
const ownPrefix = () => `${process.env.REDIS_PREFIX}-rl-${randomUUID().slice(0, 8)}`;

describe('Rate limits', () => {
  const apps: NestFastifyApplication[] = [];
  let redis: Redis;
  const boot = async (env: Record<string, string>) => {
    const app = await bootApi(env);
    apps.push(app);
    return app;
  };
  const throttleKeys = (prefix: string) => redis.keys(`${prefix}:throttle:*`);

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await redis.quit();
  });

  it('answers 429 once an address has tried to sign in too often', async () => {
    const app = await boot({ LOGIN_RATE_LIMIT: '3', REDIS_PREFIX: ownPrefix() });
    const attempt = () => http(app).post('/auth/login').send({ email: uniqueEmail(), password: 'wrong-password' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual(TOO_MANY);
  }, 30_000);

  it('counts the API sign-in and the sign-in page together, so switching between them gains nothing', async () => {
    const app = await boot({ LOGIN_RATE_LIMIT: '2', REDIS_PREFIX: ownPrefix() });
    await http(app).post('/auth/login').send({ email: uniqueEmail(), password: 'wrong-password' }).expect(401);
    await http(app).post('/auth/login').send({ email: uniqueEmail(), password: 'wrong-password' }).expect(401);
    const form = await http(app).get('/sign-in').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
    const cookies = ([] as string[]).concat(form.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
    await http(app).post('/sign-in').set('Cookie', cookies).type('form').send({ _csrf: token, email: uniqueEmail(), password: 'wrong-password' }).expect(429);
  }, 30_000);

  /** A browser signed in through the sign-in page (one try against `login`), and a form's token from `path`. */
  const browser = async (app: NestFastifyApplication, email: string) => {
    const form = await http(app).get('/sign-in').expect(200);
    const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];
    const cookies = ([] as string[]).concat(form.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
    const signIn = await http(app).post('/sign-in').set('Cookie', cookies).type('form').send({ _csrf: token(form.text), email, password: PASSWORD }).expect(303);
    const session = ([] as string[]).concat(signIn.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).filter((c) => c.startsWith('npa_session='));
    const jar = [...cookies, ...session];
    const post = async (path: string, from: string, fields: Record<string, string> = {}) => {
      const page = await http(app).get(from).set('Cookie', jar).expect(200);
      return http(app).post(path).set('Cookie', jar).type('form').send({ _csrf: token(page.text), ...fields });
    };
    return { post };
  };

  it('counts the password page and the API password change together with sign-in', async () => {
    const app = await boot({ LOGIN_RATE_LIMIT: '4', REDIS_PREFIX: ownPrefix() });
    const admin = await signedIn(app, 'npa_admin'); // 1: the API's sign-in
    const page = await browser(app, admin.email); // 2: the page's
    const wrong = { currentPassword: 'not-the-password', newPassword: 'a-new-long-passphrase-9' };
    expect((await page.post('/account/password', '/account/password', wrong)).status).toBe(400); // 3
    expect((await http(app).post('/auth/password').set(admin.auth).send(wrong)).status).not.toBe(429); // 4
    await http(app).post('/auth/password').set(admin.auth).send(wrong).expect(429);
    expect((await page.post('/account/password', '/account/password', wrong)).status).toBe(429);
  }, 30_000);

  it('counts the one-time code pages and the API code routes together', async () => {
    const app = await boot({ TOTP_RATE_LIMIT: '2', REDIS_PREFIX: ownPrefix() });
    const reviewer = await signedIn(app, 'npa_reviewer');
    const page = await browser(app, reviewer.email);
    expect((await page.post('/account/two-factor/setup', '/account/two-factor')).status).toBe(303); // 1
    expect((await page.post('/account/two-factor', '/account/two-factor', { code: '000000' })).status).toBe(400); // 2
    await http(app).post('/auth/totp/confirm').set(reviewer.auth).send({ code: '000000' }).expect(429);
    expect((await page.post('/account/two-factor', '/account/two-factor', { code: '000000' })).status).toBe(429);
  }, 30_000);

  describe('keyed on the real client address', () => {
    it('ignores X-Forwarded-For when TRUST_PROXY is unset: made-up addresses from one client share one count', async () => {
      const prefix = ownPrefix();
      const app = await boot({ PUBLIC_RATE_LIMIT: '3', REDIS_PREFIX: prefix });
      for (const spoofed of ['203.0.113.1', '203.0.113.2', '198.51.100.7']) {
        await http(app).get('/certificates/NO-SUCH-CODE').set('X-Forwarded-For', spoofed).expect(404);
      }
      const refused = await http(app).get('/certificates/NO-SUCH-CODE').set('X-Forwarded-For', '192.0.2.99').expect(429);
      expect(refused.body).toEqual(TOO_MANY);
      const keys = await throttleKeys(prefix);
      expect(keys.some((k) => /127\.0\.0\.1:public/.test(k))).toBe(true);
      expect(keys.join(' ')).not.toMatch(/203\.0\.113|198\.51\.100|192\.0\.2/);
    }, 30_000);

    it('uses the forwarded client when TRUST_PROXY names the proxy the request came through', async () => {
      const prefix = ownPrefix();
      const app = await boot({ PUBLIC_RATE_LIMIT: '3', REDIS_PREFIX: prefix, TRUST_PROXY: '127.0.0.1' });
      for (let i = 0; i < 3; i++) await http(app).get('/certificates/NO-SUCH-CODE').set('X-Forwarded-For', '203.0.113.5').expect(404);
      await http(app).get('/certificates/NO-SUCH-CODE').set('X-Forwarded-For', '203.0.113.5').expect(429);
      // Another client behind the same proxy has a count of its own.
      await http(app).get('/certificates/NO-SUCH-CODE').set('X-Forwarded-For', '203.0.113.6').expect(404);
      expect((await throttleKeys(prefix)).filter((k) => k.endsWith(':hits')).sort()).toEqual([
        `${prefix}:throttle:{203.0.113.5:public}:hits`,
        `${prefix}:throttle:{203.0.113.6:public}:hits`,
      ]);
    }, 30_000);

    it('trusts a proxy only when it is the one named: a forwarded address from elsewhere is ignored', async () => {
      const prefix = ownPrefix();
      const app = await boot({ PUBLIC_RATE_LIMIT: '2', REDIS_PREFIX: prefix, TRUST_PROXY: '10.9.8.7' });
      await http(app).get('/certificates/NO-SUCH-CODE').set('X-Forwarded-For', '203.0.113.5').expect(404);
      await http(app).get('/certificates/NO-SUCH-CODE').set('X-Forwarded-For', '203.0.113.6').expect(404);
      await http(app).get('/certificates/NO-SUCH-CODE').set('X-Forwarded-For', '203.0.113.7').expect(429);
    }, 30_000);
  });

  it('counts every public look-up of one client together: certificates, letters, the register and the /verify page', async () => {
    const app = await boot({ PUBLIC_RATE_LIMIT: '4', REDIS_PREFIX: ownPrefix() });
    await http(app).get('/certificates/NO-SUCH-CODE').expect(404);
    await http(app).get('/letters/verify/NO-SUCH-CODE').expect(404);
    await http(app).get('/public/approved-settings').expect(200);
    await http(app).get('/public/approved-settings/EY0000000').expect(404);
    await http(app).get('/verify?certificate=NO-SUCH-CODE').expect(429);
    // Signed-in routes are not part of it.
    const admin = await signedIn(app, 'npa_admin');
    await http(app).get('/users').set(admin.auth).expect(200);
  }, 30_000);

  it('holds across two API processes sharing Redis', async () => {
    const prefix = ownPrefix();
    const one = await boot({ PUBLIC_RATE_LIMIT: '4', LOGIN_RATE_LIMIT: '2', REDIS_PREFIX: prefix });
    const two = await boot({ PUBLIC_RATE_LIMIT: '4', LOGIN_RATE_LIMIT: '2', REDIS_PREFIX: prefix });
    for (const app of [one, two, one, two]) await http(app).get('/certificates/NO-SUCH-CODE').expect(404);
    await http(one).get('/certificates/NO-SUCH-CODE').expect(429);
    await http(two).get('/certificates/NO-SUCH-CODE').expect(429);

    await http(one).post('/auth/login').send({ email: uniqueEmail(), password: 'wrong-password' }).expect(401);
    await http(two).post('/auth/login').send({ email: uniqueEmail(), password: 'wrong-password' }).expect(401);
    await http(one).post('/auth/login').send({ email: uniqueEmail(), password: 'wrong-password' }).expect(429);
  }, 30_000);

  describe('one-time codes', () => {
    it('limits the code routes per address', async () => {
      const app = await boot({ TOTP_RATE_LIMIT: '2', REDIS_PREFIX: ownPrefix() });
      const reviewer = await signedIn(app, 'npa_reviewer');
      await http(app).post('/auth/totp/setup').set(reviewer.auth).expect(200);
      await http(app).post('/auth/totp/confirm').set(reviewer.auth).send({ code: '000000' }).expect(400);
      await http(app).post('/auth/totp/confirm').set(reviewer.auth).send({ code: '000000' }).expect(429);
    }, 30_000);

    it('refuses every code for an account past its limit, the right one too, whichever address sends them; other accounts carry on', async () => {
      const app = await boot({ TOTP_ACCOUNT_LIMIT: '4', REDIS_PREFIX: ownPrefix(), TRUST_PROXY: '127.0.0.1' });
      const withCodes = async () => {
        const staff = await signedIn(app, 'npa_reviewer');
        const actor = { id: staff.id, email: staff.email } as Actor;
        const { secret } = await app.get(TotpService).setup(actor);
        await app.get(TotpService).confirm(actor, await codeAt(secret)); // the account's first code
        return { ...staff, secret };
      };
      const target = await withCodes();
      const bystander = await withCodes();
      const attempt = (email: string, code: string, from: string) =>
        http(app).post('/auth/login').set('X-Forwarded-For', from).send({ email, password: PASSWORD, code });
      // Guesses from three addresses: each address is under its own limits, the account is not.
      for (const [i, from] of ['203.0.113.1', '203.0.113.2', '203.0.113.3'].entries())
        await attempt(target.email, await codeAt(target.secret, 5 + i), from).expect(401);
      const refused = await attempt(target.email, await codeAt(target.secret, 1), '203.0.113.4').expect(429);
      expect(refused.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many codes tried for this account; wait a few minutes and try again.',
      });
      await attempt(bystander.email, await codeAt(bystander.secret, 1), '203.0.113.4').expect(200);
    }, 30_000);
  });
});
