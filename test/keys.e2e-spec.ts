import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deriveKey } from '@npa/platform';
import { bootApi } from './support/boot';
import { http, signedIn } from './support/people';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 token for the user, signed with the key given: what someone holding a key could make. */
function token(key: Buffer | string, sub: string, ver: number): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub, ver, iat: now, exp: now + 600 })}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

describe('Keys: API tokens are signed with a key derived for them alone', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await bootApi();
  });

  afterAll(async () => app?.close());

  it('refuses a token signed with the configured JWT_SECRET itself, and takes one signed with the token key', async () => {
    const admin = await signedIn(app, 'npa_admin');
    const [{ token_version: ver }] = await app.get(DataSource).query<{ token_version: number }[]>('SELECT token_version FROM users WHERE id = $1', [admin.id]);
    const secret = process.env.JWT_SECRET!;
    await http(app)
      .get('/auth/me')
      .set('Authorization', `Bearer ${token(secret, admin.id, ver)}`)
      .expect(401);
    await http(app)
      .get('/auth/me')
      .set('Authorization', `Bearer ${token(deriveKey(secret, 'cookie'), admin.id, ver)}`)
      .expect(401);
    await http(app)
      .get('/auth/me')
      .set('Authorization', `Bearer ${token(deriveKey(secret, 'totp'), admin.id, ver)}`)
      .expect(401);
    const me = await http(app)
      .get('/auth/me')
      .set('Authorization', `Bearer ${token(deriveKey(secret, 'token'), admin.id, ver)}`)
      .expect(200);
    expect(me.body.id).toBe(admin.id);
  });
});
