import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { JobQueue, QUEUES } from '@npa/platform';
import { bootApi } from '../support/boot';
import { http, PASSWORD, signedIn } from '../support/people';

/** Reads the CSRF token and cookie a form page gives out, as a browser would keep them. */
async function formSession(app: NestFastifyApplication, path: string, cookies: string[] = []) {
  const response = await http(app).get(path).set('Cookie', cookies).expect(200);
  const token = /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1];
  const set = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
  return { token: token!, cookies: [...cookies.filter((c) => !set.some((s) => s.split('=')[0] === c.split('=')[0])), ...set], html: response.text };
}

describe('Web pages: sign-in, sessions and CSRF', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await bootApi();
  });

  afterAll(async () => app?.close());

  it('serves the stylesheet without the GOV.UK brand font', async () => {
    const css = await http(app).get('/assets/app.css').expect(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect(css.text).toContain('govuk-header');
    expect(css.text).not.toContain('GDS Transport');
    // The first request compiles GOV.UK Frontend's Sass: over 5 s on two busy cores.
  }, 30_000);

  it('signs in with the form, keeps the session in an httpOnly cookie, and signs out', async () => {
    const reviewer = await signedIn(app, 'npa_reviewer');
    const form = await formSession(app, '/sign-in');
    const signIn = await http(app)
      .post('/sign-in')
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token, email: reviewer.email, password: PASSWORD })
      .expect(303);
    expect(signIn.headers.location).toBe('/office');
    const sessionCookie = ([] as string[]).concat(signIn.headers['set-cookie'] ?? []).find((c) => c.startsWith('npa_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    const cookies = [...form.cookies, sessionCookie.split(';')[0]];
    const office = await formSession(app, '/office', cookies);
    expect(office.html).toContain('Sign out');

    // Without its token the sign-out form is refused; with it the session ends everywhere.
    await http(app).post('/sign-out').set('Cookie', cookies).type('form').send({}).expect(403);
    await http(app).post('/sign-out').set('Cookie', office.cookies).type('form').send({ _csrf: office.token }).expect(303);
    const after = await http(app).get('/office').set('Cookie', cookies).expect(303);
    expect(after.headers.location).toBe('/sign-in?next=%2Foffice');
  });

  it('shows a wrong password in the error summary, and a form posted without its token is refused', async () => {
    const form = await formSession(app, '/sign-in');
    const wrong = await http(app)
      .post('/sign-in')
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token, email: 'nobody@example.org', password: 'wrong-password' })
      .expect(401);
    expect(wrong.text).toContain('There is a problem');
    expect(wrong.text).toContain('The email address or password is not right');
    const forged = await http(app).post('/sign-in').type('form').send({ email: 'nobody@example.org', password: 'x' }).expect(403);
    expect(forged.text).toContain('This form has expired or did not come from this site');
  });

  it('sends a signed-out visitor to sign in, and refuses a bearer token on a page', async () => {
    const reviewer = await signedIn(app, 'npa_reviewer');
    const redirected = await http(app).get('/office').set(reviewer.auth).expect(303);
    expect(redirected.headers.location).toBe('/sign-in?next=%2Foffice');
  });

  it('ends a session after 30 idle minutes, and at once when the user is disabled', async () => {
    const reviewer = await signedIn(app, 'npa_reviewer');
    const signIn = async () => {
      const form = await formSession(app, '/sign-in');
      const response = await http(app)
        .post('/sign-in')
        .set('Cookie', form.cookies)
        .type('form')
        .send({ _csrf: form.token, email: reviewer.email, password: PASSWORD })
        .expect(303);
      return [
        ...form.cookies,
        ([] as string[])
          .concat(response.headers['set-cookie'] ?? [])
          .find((c) => c.startsWith('npa_session='))!
          .split(';')[0],
      ];
    };
    const db = app.get(DataSource);
    const idle = await signIn();
    await http(app).get('/office').set('Cookie', idle).expect(200);
    await db.query(`UPDATE web_sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [reviewer.id]);
    expect((await http(app).get('/office').set('Cookie', idle).expect(303)).headers.location).toBe('/sign-in?next=%2Foffice');

    const live = await signIn();
    await http(app).get('/office').set('Cookie', live).expect(200);
    await db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [reviewer.id]);
    await http(app).get('/office').set('Cookie', live).expect(303);
  });

  it('opens the queue dashboard for a signed-in admin in the browser, and sends others to sign in or refuses them', async () => {
    const asBrowser = async (role: 'npa_admin' | 'npa_reviewer') => {
      const user = await signedIn(app, role);
      const form = await formSession(app, '/sign-in');
      const response = await http(app)
        .post('/sign-in')
        .set('Cookie', form.cookies)
        .type('form')
        .send({ _csrf: form.token, email: user.email, password: PASSWORD })
        .expect(303);
      return [
        ...form.cookies,
        ([] as string[])
          .concat(response.headers['set-cookie'] ?? [])
          .find((c) => c.startsWith('npa_session='))!
          .split(';')[0],
      ];
    };
    expect((await http(app).get('/admin/queues').set('Accept', 'text/html').expect(303)).headers.location).toBe('/sign-in?next=%2Fadmin%2Fqueues');
    await http(app)
      .get('/admin/queues')
      .set('Cookie', await asBrowser('npa_reviewer'))
      .expect(403);
    const admin = await asBrowser('npa_admin');
    expect((await http(app).get('/admin/queues').set('Cookie', admin).expect(200)).text).toMatch(/<html/i);
    await http(app).get('/admin/queues/api/queues').set('Cookie', admin).expect(200);
  });

  it('keeps the queue dashboard read-only: a write through its API is refused (405) and audited, and no job is added', async () => {
    const admin = await signedIn(app, 'npa_admin');
    const sweep = app.get(JobQueue).queue('sweep');
    const waiting = await sweep.getJobCountByTypes('waiting', 'delayed', 'prioritized');
    const listed = await http(app).get('/admin/queues/api/queues').set(admin.auth).expect(200);
    expect((listed.body.queues as { readOnlyMode: boolean }[]).map((q) => q.readOnlyMode)).toEqual(QUEUES.map(() => true));
    const add = await http(app)
      .post('/admin/queues/api/queues/sweep/add')
      .set(admin.auth)
      .send({ name: 'retention.daily', data: { asOf: '2199-01-01' } })
      .expect(405);
    expect(add.body).toMatchObject({ statusCode: 405, message: 'The queue dashboard is read-only.' });
    for (const [method, path] of [
      ['put', 'sweep/pause'],
      ['put', 'sweep/clean/completed'],
      ['put', 'sweep/empty'],
      ['put', 'sweep/obliterate'],
      ['put', 'mail/retry/failed'],
    ] as const) {
      await http(app)[method](`/admin/queues/api/queues/${path}`).set(admin.auth).send({}).expect(405);
    }
    expect(await sweep.getJobCountByTypes('waiting', 'delayed', 'prioritized')).toBe(waiting);
    expect(await sweep.isPaused()).toBe(false);
    const refused = await app
      .get(DataSource)
      .query<{ entity_id: string; after: { reason: string; status: number } }[]>(
        "SELECT entity_id, after FROM audit_log WHERE actor_id = $1 AND action = 'access.refused' ORDER BY id",
        [admin.id],
      );
    expect(refused[0]).toMatchObject({ entity_id: 'POST /admin/queues/api/queues/sweep/add', after: { reason: 'read-only', status: 405 } });
    expect(refused).toHaveLength(6);
  });
});
