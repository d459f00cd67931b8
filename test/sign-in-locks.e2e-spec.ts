import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ParsedMail, simpleParser } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { JobQueue } from '@npa/platform';
import { bootApi, bootWorker, eventually } from './support/boot';
import { http, PASSWORD, signedIn, SignedIn, uniqueEmail } from './support/people';
import { codeAt, staffWithCodes } from './support/totp';
import { formSession, webSession } from './support/web-session';

const LIMIT = 3;
const PAUSED = {
  statusCode: 429,
  error: 'Too Many Requests',
  message:
    'Too many failed sign-ins to this account: sign-ins are paused for a few minutes. The account holder has been emailed a code that lets them sign in now.',
};

describe('Per-account sign-in locks', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  // The worker writes its emails here, as .eml files (no SMTP_URL).
  const outbox = mkdtempSync(join(process.env.TEST_RUN_DIR ?? tmpdir(), 'locks-'));
  // Every app shares this suite's Redis prefix, so a lock made through one holds in the others.
  const prefix = `${process.env.REDIS_PREFIX}-locks-${randomUUID().slice(0, 8)}`;
  const env = { LOGIN_ACCOUNT_LIMIT: String(LIMIT), LOGIN_ACCOUNT_LOCK_SECONDS: '600', REDIS_PREFIX: prefix, OUTBOX_DIR: outbox };

  beforeAll(async () => {
    app = await bootApi(env);
    worker = await bootWorker(env);
    admin = await signedIn(app, 'npa_admin');
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  const login = (email: string, password: string, extra: Record<string, string> = {}) =>
    http(app)
      .post('/auth/login')
      .send({ email, password, ...extra });
  const lockOut = async (email: string) => {
    for (let i = 0; i < LIMIT; i++) await login(email, `wrong-password-${i}`).expect(401);
  };
  const mailsTo = async (email: string): Promise<ParsedMail[]> => {
    const mails = await Promise.all(
      readdirSync(outbox)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => simpleParser(readFileSync(join(outbox, f)))),
    );
    return mails.filter((m) => m.text && JSON.stringify(m.to).includes(email));
  };
  const unlockCodeIn = (mail: ParsedMail) => /unlock code: ([A-Z2-7]{5}-[A-Z2-7]{5})/.exec(mail.text ?? '')?.[1];

  it('pauses an account after too many wrong passwords from anywhere, alike for a known and an unknown address, and emails the holder once with a code that lets them in', async () => {
    const holder = await signedIn(app, 'npa_reviewer');
    await lockOut(holder.email);
    // While paused, the right password and a wrong one get the same answer.
    expect((await login(holder.email, PASSWORD).expect(429)).body).toEqual(PAUSED);
    expect((await login(holder.email, 'wrong-password').expect(429)).body).toEqual(PAUSED);
    const nobody = uniqueEmail('nobody');
    await lockOut(nobody);
    expect((await login(nobody, PASSWORD).expect(429)).body).toEqual(PAUSED);

    const [mail] = await eventually(async () => ((await mailsTo(holder.email)).length > 0 ? mailsTo(holder.email) : null), 20_000);
    expect(mail.subject).toBe('Sign-ins to your NPA back-office account are paused');
    const code = unlockCodeIn(mail)!;
    expect(code).toBeDefined();
    // The code never goes through the job, so the queue dashboard cannot show it.
    const jobs = (await app.get(JobQueue).queue('mail').getJobs(['completed'])).filter((j) => j.name === 'auth.lock-notice' && j.data.userId === holder.id);
    expect(jobs.map((j) => j.data as unknown)).toEqual([{ userId: holder.id }]);

    await login(holder.email, PASSWORD, { unlockCode: 'AAAAA-AAAAA' }).expect(429);
    await login(holder.email, 'wrong-password', { unlockCode: code }).expect(429);
    await login(holder.email, PASSWORD, { unlockCode: code }).expect(200);
    // Signed in: the count starts again, and the code is spent.
    await login(holder.email, 'wrong-password').expect(401);
    await login(holder.email, PASSWORD).expect(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(holder.email)).toHaveLength(1);
    expect(await mailsTo(nobody)).toHaveLength(0);
  }, 60_000);

  it('lets the right password and a valid one-time code through a pause', async () => {
    const reviewer = await staffWithCodes(app, 'npa_reviewer');
    await lockOut(reviewer.email);
    await login(reviewer.email, 'wrong-password', { code: await codeAt(reviewer.secret, 1) }).expect(429);
    await login(reviewer.email, PASSWORD).expect(401);
    await login(reviewer.email, PASSWORD, { code: await codeAt(reviewer.secret, 1) }).expect(200);
    await login(reviewer.email, 'wrong-password').expect(401);
  }, 30_000);

  it('lets the emailed code through on the sign-in page', async () => {
    const other = await signedIn(app, 'npa_reviewer');
    await lockOut(other.email);
    const form = await formSession(app, '/sign-in');
    const paused = await http(app)
      .post('/sign-in')
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token, email: other.email, password: PASSWORD })
      .expect(429);
    expect(paused.text).toContain('Unlock code from the email');
    expect(paused.text).toContain('href="#unlockCode"');
    const [mail] = await eventually(async () => ((await mailsTo(other.email)).length > 0 ? mailsTo(other.email) : null), 20_000);
    const again = await formSession(app, '/sign-in');
    const signedInNow = await http(app)
      .post('/sign-in')
      .set('Cookie', again.cookies)
      .type('form')
      .send({ _csrf: again.token, email: other.email, password: PASSWORD, unlockCode: unlockCodeIn(mail)!.toLowerCase() })
      .expect(303);
    expect(String(signedInNow.headers['set-cookie'])).toContain('npa_session=');
  }, 30_000);

  it('lets an NPA admin lift a pause, from the API and from the user page, audited; nobody else may', async () => {
    const holder = await signedIn(app, 'npa_reviewer');
    const reviewer = await signedIn(app, 'npa_reviewer');
    await lockOut(holder.email);
    await http(app).delete(`/users/${holder.id}/sign-in-lock`).set(reviewer.auth).expect(403);
    await http(app).delete(`/users/${holder.id}/sign-in-lock`).set(holder.auth).expect(403);
    await login(holder.email, PASSWORD).expect(429);
    expect((await http(app).delete(`/users/${holder.id}/sign-in-lock`).set(admin.auth).expect(200)).body).toEqual({ id: holder.id, wasLocked: true });
    await login(holder.email, PASSWORD).expect(200);

    await lockOut(holder.email);
    const page = await formSession(app, `/office/users/${holder.id}`, await webSession(app, admin.email));
    expect(page.html).toContain('Let them sign in now');
    await http(app).post(`/office/users/${holder.id}/sign-in-lock`).set('Cookie', page.cookies).type('form').send({ _csrf: page.token }).expect(303);
    await login(holder.email, PASSWORD).expect(200);
    const audit = await app
      .get(DataSource)
      .query<{ actor_id: string; after: { wasLocked: boolean } }[]>(
        `SELECT actor_id, after FROM audit_log WHERE action = 'user.sign_in_lock_lifted' AND entity_id = $1 ORDER BY id`,
        [holder.id],
      );
    expect(audit).toEqual([
      { actor_id: admin.id, after: { wasLocked: true } },
      { actor_id: admin.id, after: { wasLocked: true } },
    ]);
  }, 30_000);

  it('keeps a pause short: it ends by itself', async () => {
    const brief = await bootApi({ ...env, LOGIN_ACCOUNT_LOCK_SECONDS: '1' });
    try {
      const holder = await signedIn(brief, 'npa_reviewer');
      for (let i = 0; i < LIMIT; i++) await http(brief).post('/auth/login').send({ email: holder.email, password: 'wrong-password' }).expect(401);
      await http(brief).post('/auth/login').send({ email: holder.email, password: PASSWORD }).expect(429);
      await new Promise((r) => setTimeout(r, 1200));
      await http(brief).post('/auth/login').send({ email: holder.email, password: PASSWORD }).expect(200);
    } finally {
      await brief.close();
    }
  }, 30_000);
});
