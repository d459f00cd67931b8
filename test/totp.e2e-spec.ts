import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { bootApi } from './support/boot';
import { http, PASSWORD, signedIn, SignedIn, uniqueEmail } from './support/people';
import { registerBuilder } from './support/register';
import { codeAt, staffWithCodes } from './support/totp';

const CODE_NEEDED = { statusCode: 401, error: 'Unauthorized', message: 'This account also needs a one-time code: send code, the six digits your authenticator app shows.' };
const WRONG_CODE = { statusCode: 401, error: 'Unauthorized', message: 'The one-time code is not right, or it has been used already.' };
const WRONG_PASSWORD = { statusCode: 401, error: 'Unauthorized', message: 'The email or password is not right.' };

describe('One-time codes (TOTP) for NPA staff', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let db: DataSource;
  const audited = (userId: string, action: string) =>
    db.query<{ actor_id: string | null; after: Record<string, unknown> | null }[]>('SELECT actor_id, after FROM audit_log WHERE entity_id = $1 AND action = $2 ORDER BY id', [userId, action]);
  const login = (email: string, extra: Record<string, string> = {}) => http(app).post('/auth/login').send({ email, password: PASSWORD, ...extra });

  beforeAll(async () => {
    app = await bootApi();
    db = app.get(DataSource);
    admin = await signedIn(app, 'npa_admin');
  }, 60_000);

  afterAll(async () => app?.close());

  it('enrols a reviewer: a secret with its otpauth address and QR code, sealed at rest, on once a code confirms it', async () => {
    const reviewer = await signedIn(app, 'npa_reviewer');
    const setup = await http(app).post('/auth/totp/setup').set(reviewer.auth).expect(200);
    expect(setup.body).toEqual({ secret: expect.stringMatching(/^[A-Z2-7]{32}$/), otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//), qrCode: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(new URL(setup.body.otpauthUri).searchParams.get('secret')).toBe(setup.body.secret);
    const [stored] = await db.query<{ totp_secret: string; totp_enabled_at: Date | null }[]>('SELECT totp_secret, totp_enabled_at FROM users WHERE id = $1', [reviewer.id]);
    expect(stored.totp_secret).toMatch(/^v1\./);
    expect(stored.totp_secret).not.toContain(setup.body.secret);
    expect(stored.totp_enabled_at).toBeNull();

    // Not on until confirmed: the password alone still signs in.
    await login(reviewer.email).expect(200);
    const wrong = await http(app).post('/auth/totp/confirm').set(reviewer.auth).send({ code: await codeAt(setup.body.secret, 5) }).expect(400);
    expect(wrong.body.details).toEqual([{ field: 'code', problem: 'is not the code your authenticator app shows now' }]);
    const malformed = await http(app).post('/auth/totp/confirm').set(reviewer.auth).send({ code: '12ab56' }).expect(400);
    expect(malformed.body.details).toEqual([{ field: 'code', problem: 'must be the six digits your authenticator app shows' }]);
    await http(app).post('/auth/totp/confirm').set(reviewer.auth).send({ code: await codeAt(setup.body.secret) }).expect(200, { totpEnabled: true });

    expect((await http(app).get(`/users/${reviewer.id}`).set(admin.auth).expect(200)).body.totpEnabled).toBe(true);
    expect(await audited(reviewer.id, 'user.totp_setup')).toHaveLength(1);
    expect(await audited(reviewer.id, 'user.totp_enabled')).toEqual([{ actor_id: reviewer.id, after: null }]);
    // Set up again while on: refused, the secret in use stays.
    await http(app).post('/auth/totp/setup').set(reviewer.auth).expect(409);
  }, 30_000);

  it('signs staff with codes on in with email, password and code; the answer says they have codes on', async () => {
    const reviewer = await staffWithCodes(app);
    const response = await login(reviewer.email, { code: await codeAt(reviewer.secret, 1) }).expect(200);
    expect(response.body.user).toMatchObject({ id: reviewer.id, roles: ['npa_reviewer'], totpEnabled: true });
    await http(app).get('/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect((await audited(reviewer.id, 'auth.login')).at(-1)?.after).toEqual({ secondFactor: 'totp' });
  }, 30_000);

  it('answers 401 "code needed" to the right password without a code, and the same 401 as ever to a wrong password', async () => {
    const reviewer = await staffWithCodes(app);
    expect((await login(reviewer.email).expect(401)).body).toEqual(CODE_NEEDED);
    // A wrong password says nothing about codes, with or without one: as for an email nobody has.
    const code = await codeAt(reviewer.secret, 1);
    expect((await http(app).post('/auth/login').send({ email: reviewer.email, password: 'not-the-password', code }).expect(401)).body).toEqual(WRONG_PASSWORD);
    expect((await http(app).post('/auth/login').send({ email: uniqueEmail('nobody'), password: 'not-the-password', code }).expect(401)).body).toEqual(WRONG_PASSWORD);
    expect((await audited(reviewer.id, 'auth.totp_failed')).map((r) => r.after?.reason)).toEqual(['missing']);
  }, 30_000);

  it('refuses a wrong code with 401 and audits it', async () => {
    const reviewer = await staffWithCodes(app);
    expect((await login(reviewer.email, { code: await codeAt(reviewer.secret, 3) }).expect(401)).body).toEqual(WRONG_CODE);
    expect((await audited(reviewer.id, 'auth.totp_failed')).map((r) => r.after)).toEqual([{ email: reviewer.email, reason: 'wrong' }]);
  }, 30_000);

  it('refuses a code used once already (replay), and any older one', async () => {
    const reviewer = await staffWithCodes(app);
    const code = await codeAt(reviewer.secret, 1);
    await login(reviewer.email, { code }).expect(200);
    expect((await login(reviewer.email, { code }).expect(401)).body).toEqual(WRONG_CODE);
    // The code that confirmed the set-up is older still.
    await login(reviewer.email, { code: await codeAt(reviewer.secret, 0) }).expect(401);
    expect((await audited(reviewer.id, 'auth.totp_failed')).map((r) => r.after?.reason)).toEqual(['replayed', 'replayed']);
  }, 30_000);

  it('signs in once when the same code arrives twice at the same moment', async () => {
    const reviewer = await staffWithCodes(app);
    const code = await codeAt(reviewer.secret, 1);
    const answers = await Promise.all([login(reviewer.email, { code }), login(reviewer.email, { code })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
  }, 30_000);

  it('leaves everyone outside the NPA office as they were: no code asked, none to set up', async () => {
    const service = (await registerBuilder(app, admin).service()) as { id: string };
    const manager = await signedIn(app, 'service_manager', service.id);
    await login(manager.email).expect(200);
    // A code sent by a client that always sends one changes nothing.
    await login(manager.email, { code: '123456' }).expect(200);
    await http(app).post('/auth/totp/setup').set(manager.auth).expect(403);
    await http(app).post('/auth/totp/confirm').set(manager.auth).send({ code: '123456' }).expect(403);
  }, 30_000);

  it('lets an NPA admin, and nobody else, turn codes off for someone who lost their phone, audited', async () => {
    const reviewer = await staffWithCodes(app);
    const other = await signedIn(app, 'npa_reviewer');
    await http(app).delete(`/users/${reviewer.id}/totp`).set(other.auth).expect(403);
    const off = await http(app).delete(`/users/${reviewer.id}/totp`).set(admin.auth).expect(200);
    expect(off.body).toMatchObject({ id: reviewer.id, totpEnabled: false });
    expect(JSON.stringify(off.body)).not.toMatch(/secret/i);
    expect(await audited(reviewer.id, 'user.totp_disabled')).toEqual([{ actor_id: admin.id, after: expect.objectContaining({ totpEnabled: false }) }]);
    const [row] = await db.query<{ totp_secret: string | null }[]>('SELECT totp_secret FROM users WHERE id = $1', [reviewer.id]);
    expect(row.totp_secret).toBeNull();
    await login(reviewer.email).expect(200);
    await http(app).delete(`/users/${reviewer.id}/totp`).set(admin.auth).expect(409);
    // They can set codes up again, with a new secret.
    const again = await http(app).post('/auth/totp/setup').set(reviewer.auth).expect(200);
    expect(again.body.secret).not.toBe(reviewer.secret);
  }, 30_000);

  describe('with STAFF_TOTP_REQUIRED=true', () => {
    let strict: NestFastifyApplication;

    beforeAll(async () => {
      strict = await bootApi({ STAFF_TOTP_REQUIRED: 'true' });
    }, 60_000);

    afterAll(async () => strict?.close());

    it('lets staff without codes sign in but reach only the set-up routes until they turn codes on', async () => {
      const reviewer = await signedIn(strict, 'npa_reviewer');
      const refused = await http(strict).get('/review-queue').set(reviewer.auth).expect(403);
      expect(refused.body.message).toMatch(/^Set up one-time codes first: POST \/auth\/totp\/setup/);
      const audit = await db.query<{ after: { reason: string } }[]>(`SELECT after FROM audit_log WHERE action = 'access.refused' AND actor_id = $1`, [reviewer.id]);
      expect(audit.map((r) => r.after.reason)).toEqual(['totp-setup']);
      await http(strict).get('/auth/me').set(reviewer.auth).expect(200);

      const setup = await http(strict).post('/auth/totp/setup').set(reviewer.auth).expect(200);
      await http(strict).post('/auth/totp/confirm').set(reviewer.auth).send({ code: await codeAt(setup.body.secret) }).expect(200);
      await http(strict).get('/review-queue').set(reviewer.auth).expect(200);
    }, 30_000);

    it('keeps the queue dashboard closed to an admin without codes too', async () => {
      const other = await signedIn(strict, 'npa_admin');
      const refused = await http(strict).get('/admin/queues/api/queues').set(other.auth).expect(403);
      expect(refused.body.message).toMatch(/^Set up one-time codes first/);
    }, 30_000);

    it('does not ask anything more of users outside the office', async () => {
      const service = (await registerBuilder(app, admin).service()) as { id: string };
      const manager = await signedIn(strict, 'service_manager', service.id);
      await http(strict).get(`/services/${service.id}`).set(manager.auth).expect(200);
    }, 30_000);
  });
});
