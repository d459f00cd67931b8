import { sign as signJwt } from 'jsonwebtoken';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { INestApplicationContext } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { bootApi, bootWorker, eventually } from './support/boot';
import { http, PASSWORD, signedIn, SignedIn, uniqueEmail } from './support/people';

describe('Foundation: sign-in, roles, audit, health, jobs', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: SignedIn;

  beforeAll(async () => {
    app = await bootApi();
    worker = await bootWorker();
    admin = await signedIn(app, 'npa_admin');
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  it('reports database and Redis up on /health', async () => {
    const response = await http(app).get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', redis: 'up' });
  });

  it('signs in with the right password and returns a token that expires', async () => {
    const response = await http(app).post('/auth/login').send({ email: admin.email.toUpperCase(), password: PASSWORD }).expect(200);
    expect(response.body).toMatchObject({ accessToken: expect.any(String), user: { id: admin.id, email: admin.email, roles: ['npa_admin'] } });
    expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(JSON.stringify(response.body)).not.toContain('password');
  });

  it('gives the same 401 for a wrong password and an unknown email, and audits the failure', async () => {
    const wrongPassword = await http(app).post('/auth/login').send({ email: admin.email, password: 'not-the-password' }).expect(401);
    const unknownEmail = await http(app).post('/auth/login').send({ email: uniqueEmail('nobody'), password: 'not-the-password' }).expect(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'The email or password is not right.' });

    const rows = await app.get(DataSource).query(`SELECT action, after FROM audit_log WHERE action = 'auth.login_failed' AND after->>'email' = $1`, [admin.email]);
    expect(rows).toHaveLength(1);
  });

  it('takes about the same time for a wrong email as for a wrong password', async () => {
    const time = async (email: string) => {
      const start = process.hrtime.bigint();
      await http(app).post('/auth/login').send({ email, password: 'wrong-wrong-wrong' }).expect(401);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await time(admin.email); // warm the dummy hash
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(admin.email));
      unknown.push(await time(uniqueEmail('ghost')));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Both run one argon2id verification; a missing user must not answer in a fraction of the time.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  it('refuses a missing, forged, expired or outdated token with 401', async () => {
    const jwt = app.get(JwtService);
    const expired = await jwt.signAsync({ sub: admin.id, ver: 0 }, { expiresIn: -10 });
    // Signed outside the app: its JwtService always signs with the app's own key.
    const wrongKey = signJwt({ sub: admin.id, ver: 0 }, 'another-secret-another-secret-another-secret', { algorithm: 'HS256', expiresIn: 600 });
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: admin.id, ver: 0 })).toString('base64url')}.`;
    for (const token of [expired, wrongKey, none, 'garbage']) {
      const response = await http(app).get('/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to do this.' });
    }
    await http(app).get('/auth/me').expect(401);
  });

  it('stops a token working once the role changes or the account is disabled', async () => {
    const reviewer = await signedIn(app, 'npa_reviewer');
    await http(app).get('/auth/me').set(reviewer.auth).expect(200);
    await http(app).patch(`/users/${reviewer.id}`).set(admin.auth).send({ role: 'trainer' }).expect(200);
    await http(app).get('/auth/me').set(reviewer.auth).expect(401);

    const disabled = await signedIn(app, 'npa_reviewer');
    await http(app).get('/auth/me').set(disabled.auth).expect(200);
    await http(app).patch(`/users/${disabled.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    const refused = await http(app).get('/auth/me').set(disabled.auth).expect(401);
    expect(refused.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to do this.' });
    // Enabled again, the old token stays dead: the disabling moved the token version on.
    await http(app).patch(`/users/${disabled.id}`).set(admin.auth).send({ disabled: false }).expect(200);
    await http(app).get('/auth/me').set(disabled.auth).expect(401);
  });

  it('refuses a role that may not call a route with 403, and audits it', async () => {
    const trainer = await signedIn(app, 'trainer');
    const response = await http(app).post('/users').set(trainer.auth).send({ email: uniqueEmail(), name: 'X', password: PASSWORD, role: 'trainer' }).expect(403);
    expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Your role may not do this.' });
    const rows = await app.get(DataSource).query(`SELECT 1 FROM audit_log WHERE action = 'access.refused' AND actor_id = $1`, [trainer.id]);
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['service_manager', 'service'],
    ['setting_contact', 'setting'],
  ])('refuses a %s of an organisation the register does not hold (the register answers through its door)', async (role, kind) => {
    const email = uniqueEmail('orphan');
    const organisationId = '00000000-0000-4000-8000-000000000000';
    const response = await http(app).post('/users').set(admin.auth).send({ email, name: 'X', password: PASSWORD, role, organisationId }).expect(400);
    expect(response.body.details).toEqual([{ field: 'organisationId', problem: `is not a ${kind}` }]);
    expect(await app.get(DataSource).query('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
  });

  it('rejects unknown fields with 400 and details, and changes nothing', async () => {
    const email = uniqueEmail('mass');
    const response = await http(app).post('/users').set(admin.auth).send({ email, name: 'X', password: PASSWORD, role: 'npa_reviewer', isAdmin: true }).expect(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request has invalid fields.',
      details: [{ field: 'isAdmin', problem: 'is not a field this request accepts' }],
    });
    const rows = await app.get(DataSource).query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(rows).toHaveLength(0);
  });

  it('answers malformed JSON with 400 in the error shape, without internals', async () => {
    const response = await http(app).post('/users').set(admin.auth).set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The body is not valid JSON.' });
  });

  it('refuses a duplicate email with 409, whatever its case', async () => {
    const email = uniqueEmail('dup');
    await http(app).post('/users').set(admin.auth).send({ email, name: 'A', password: PASSWORD, role: 'npa_reviewer' }).expect(201);
    const response = await http(app).post('/users').set(admin.auth).send({ email: email.toUpperCase(), name: 'B', password: PASSWORD, role: 'npa_reviewer' }).expect(409);
    expect(response.body.message).toBe('A user with this email already exists.');
  });

  it('writes an audit row with before and after for a change, readable by admins only', async () => {
    const created = await http(app).post('/users').set(admin.auth).send({ email: uniqueEmail('aud'), name: 'Before', password: PASSWORD, role: 'npa_reviewer' }).expect(201);
    await http(app).patch(`/users/${created.body.id}`).set(admin.auth).send({ name: 'After' }).expect(200);
    const audit = await http(app).get(`/audit?entity=user&id=${created.body.id}`).set(admin.auth).expect(200);
    expect(audit.body.items.map((r: { action: string }) => r.action)).toEqual(['user.updated', 'user.created']);
    expect(audit.body.items[0]).toMatchObject({ actorId: admin.id, before: { name: 'Before' }, after: { name: 'After' } });
    expect(JSON.stringify(audit.body)).not.toContain('passwordHash');

    const reviewer = await signedIn(app, 'npa_reviewer');
    await http(app).get('/audit').set(reviewer.auth).expect(403);
  });

  it('keeps the audit log append-only in the database (the app may not, test/database-role has the rest)', async () => {
    await expect(app.get(DataSource).query('UPDATE audit_log SET action = $1', ['rewritten'])).rejects.toThrow(/permission denied for table audit_log/);
    await expect(app.get(DataSource).query('DELETE FROM audit_log')).rejects.toThrow(/permission denied for table audit_log/);
  });

  it('processes a heartbeat job on the real worker', async () => {
    const queued = await http(app).post('/system/heartbeat').set(admin.auth).send({}).expect(202);
    const done = await eventually(async () => {
      const response = await http(app).get(`/system/heartbeat/${queued.body.id}`).set(admin.auth).expect(200);
      return response.body.processedAt ? response.body : undefined;
    });
    expect(done.processedBy).toContain(String(process.pid));
  });

  it('serves the OpenAPI page', async () => {
    const response = await http(app).get('/api/docs-json').expect(200);
    expect(response.body.paths['/auth/login']).toBeDefined();
  });
});
