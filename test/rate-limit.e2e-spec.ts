import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootApi } from './support/boot';
import { http, uniqueEmail } from './support/people';

describe('Sign-in rate limit', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // A prefix of its own, so this suite's counter is not shared with the others of the run.
    app = await bootApi({ LOGIN_RATE_LIMIT: '3', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-rl` });
  });

  afterAll(async () => app?.close());

  it('answers 429 once an address has tried too often', async () => {
    const attempt = () => http(app).post('/auth/login').send({ email: uniqueEmail(), password: 'wrong-password' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Too many requests; wait a minute and try again.' });
  });
});
