import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { bootApi } from './support/boot';
import { http, login, PASSWORD, signedIn, SignedIn, uniqueEmail } from './support/people';

const COMMON = { field: 'password', problem: 'is one of the most common passwords' };

describe('Passwords: a minimum length and no common password, wherever one is set', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;

  beforeAll(async () => {
    app = await bootApi();
    admin = await signedIn(app, 'npa_admin');
  }, 60_000);

  afterAll(async () => app?.close());

  it.each(['password123', 'Password123', 'qwertyuiop', '1234567890'])('refuses a new user with the password %j (400, nothing made)', async (password) => {
    const email = uniqueEmail('common');
    const response = await http(app).post('/users').set(admin.auth).send({ email, name: 'C', password, role: 'npa_reviewer' }).expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The request has invalid fields.', details: [COMMON] });
    expect(await app.get(DataSource).query('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
  }, 30_000);

  it('still refuses a password shorter than 10 characters', async () => {
    const response = await http(app).post('/users').set(admin.auth).send({ email: uniqueEmail(), name: 'S', password: 'Tr0ub4d&r', role: 'npa_reviewer' }).expect(400);
    expect(response.body.details).toEqual([{ field: 'password', problem: 'must be longer than or equal to 10 characters' }]);
  }, 30_000);

  it('refuses a common password when an admin resets one, and the old password keeps working', async () => {
    const reviewer = await signedIn(app, 'npa_reviewer');
    const response = await http(app).patch(`/users/${reviewer.id}`).set(admin.auth).send({ password: 'iloveyou12' }).expect(400);
    expect(response.body.details).toEqual([COMMON]);
    await login(app, reviewer.email, PASSWORD);
  }, 30_000);

  describe('POST /auth/password', () => {
    it('changes a signed-in user’s password, ends their other tokens and gives a fresh one', async () => {
      const trainer = await signedIn(app, 'trainer');
      const changed = await http(app).post('/auth/password').set(trainer.auth).send({ currentPassword: PASSWORD, newPassword: 'a kettle for the office' }).expect(200);
      expect(changed.body).toMatchObject({ accessToken: expect.any(String), user: { id: trainer.id } });
      await http(app).get('/auth/me').set(trainer.auth).expect(401);
      await http(app).get('/auth/me').set('Authorization', `Bearer ${changed.body.accessToken}`).expect(200);
      await http(app).post('/auth/login').send({ email: trainer.email, password: PASSWORD }).expect(401);
      await login(app, trainer.email, 'a kettle for the office');
      const audit = await app.get(DataSource).query(`SELECT actor_id FROM audit_log WHERE action = 'user.updated' AND entity_id = $1`, [trainer.id]);
      expect(audit).toEqual([{ actor_id: trainer.id }]);
    }, 30_000);

    it.each([
      ['a wrong current password', { currentPassword: 'not-my-password', newPassword: 'a kettle for the office' }, [{ field: 'currentPassword', problem: 'is not right' }]],
      ['a common new password', { currentPassword: PASSWORD, newPassword: 'password1234' }, [{ field: 'newPassword', problem: 'is one of the most common passwords' }]],
      ['a short new password', { currentPassword: PASSWORD, newPassword: 'Tr0ub4d&r' }, [{ field: 'newPassword', problem: 'must be longer than or equal to 10 characters' }]],
      ['the same password again', { currentPassword: PASSWORD, newPassword: PASSWORD }, [{ field: 'newPassword', problem: 'must differ from your current password' }]],
    ])('refuses %s with 400 and changes nothing', async (_name, body, details) => {
      const manager = await signedIn(app, 'trainer');
      const response = await http(app).post('/auth/password').set(manager.auth).send(body).expect(400);
      expect(response.body.details).toEqual(details);
      await http(app).get('/auth/me').set(manager.auth).expect(200);
      await login(app, manager.email, PASSWORD);
    }, 30_000);

    it('needs a signed-in caller', async () => {
      await http(app).post('/auth/password').send({ currentPassword: PASSWORD, newPassword: 'a kettle for the office' }).expect(401);
    }, 30_000);
  });
});
