import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootApi } from './support/boot';
import { http, signedIn } from './support/people';

// The security headers come from one helmet made when the app starts (create-app.ts), not a new one per
// request: every kind of answer still carries all of them, the same each time.
describe('Security headers on every answer', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await bootApi();
  });
  afterAll(async () => app.close());

  const expectHeaders = (headers: Record<string, string>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['content-security-policy']).toMatch(/default-src 'self'.*img-src 'self' data:/);
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
  };

  it('on an API read, a refusal, an unknown path and a page, the same each time', async () => {
    const office = await signedIn(app, 'npa_admin');
    const read = await http(app).get('/services?pageSize=1').set('authorization', `Bearer ${office.token}`).expect(200);
    const refused = await http(app).get('/services').expect(401);
    const unknown = await http(app).get('/no-such-path').expect(404);
    const page = await http(app).get('/sign-in').expect(200);
    for (const answer of [read, refused, unknown, page]) expectHeaders(answer.headers);
    expect(new Set([read, refused, unknown, page].map((a) => a.headers['content-security-policy'])).size).toBe(1);
    expect(unknown.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not found.' });
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
  });

  it('an unknown path answers every method with the same 404 body, whoever asks', async () => {
    const office = await signedIn(app, 'npa_admin');
    for (const answer of [
      await http(app).post('/no-such-path').send({ any: 'thing' }).expect(404),
      await http(app).delete('/services/no/such/thing').set('authorization', `Bearer ${office.token}`).expect(404),
      await http(app).get('/office/no-such-page').set('accept', 'text/html').expect(404),
    ]) {
      expectHeaders(answer.headers);
      expect(answer.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not found.' });
    }
  });
});
