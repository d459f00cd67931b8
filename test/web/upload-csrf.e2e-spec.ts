import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Clock } from '@npa/platform';
import { PDF, readySetting } from '../support/approval';
import { bootApi } from '../support/boot';
import { http, signedIn, SignedIn } from '../support/people';
import { formSession, webSession } from '../support/web-session';

/** Any URL in a page (a form's action, a link, a script) that carries a token in its query. */
const TOKEN_IN_URL = /(?:action|href|src)="[^"]*[?&](?:amp;)?_csrf=/;

describe('Upload forms carry their CSRF token in the form, never in a URL', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let contact: SignedIn;
  let applicationId: string;
  const evidenceCount = async () =>
    (await app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM evidence WHERE application_id = $1', [applicationId]))[0].n;

  beforeAll(async () => {
    app = await bootApi();
    admin = await signedIn(app, 'npa_admin');
    const ready = await readySetting(app, admin, { today: app.get(Clock).today() });
    contact = ready.contact;
    applicationId = (await http(app).post(`/settings/${ready.setting.id}/applications`).set(contact.auth).expect(201)).body.id as string;
  }, 60_000);

  afterAll(async () => app?.close());

  it('uploads evidence from the page with the token as the form’s first field, and no URL in the page holds it', async () => {
    const form = await formSession(app, '/setting/application', await webSession(app, contact.email));
    expect(form.html).toContain('enctype="multipart/form-data"');
    expect(form.html).not.toMatch(TOKEN_IN_URL);
    expect(form.html).toMatch(/enctype="multipart\/form-data" novalidate>\s*<input type="hidden" name="_csrf"/);
    const upload = await http(app)
      .post(`/setting/application/${applicationId}/evidence`)
      .set('Cookie', form.cookies)
      .field('_csrf', form.token)
      .field('criterionId', 'SA-PRINCIPLES')
      .attach('file', PDF, 'principles.pdf')
      .expect(303);
    expect(upload.headers.location).not.toContain('_csrf');
    expect(await evidenceCount()).toBe(1);
  });

  it('refuses an upload whose token is in the URL, missing, or after the file, reading nothing and keeping nothing', async () => {
    const form = await formSession(app, '/setting/application', await webSession(app, contact.email));
    const url = `/setting/application/${applicationId}/evidence`;
    const before = await evidenceCount();
    const inQuery = await http(app)
      .post(`${url}?_csrf=${encodeURIComponent(form.token)}`)
      .set('Cookie', form.cookies)
      .field('criterionId', 'SA-RECORDS')
      .attach('file', PDF, 'a.pdf')
      .expect(403);
    expect(inQuery.text).toContain('This form has expired or did not come from this site');
    await http(app).post(url).set('Cookie', form.cookies).field('criterionId', 'SA-RECORDS').attach('file', PDF, 'b.pdf').expect(403);
    await http(app).post(url).set('Cookie', form.cookies).attach('file', PDF, 'c.pdf').field('_csrf', form.token).expect(403);
    await http(app).post(url).set('Cookie', form.cookies).field('_csrf', 'forged').attach('file', PDF, 'd.pdf').expect(403);
    expect(await evidenceCount()).toBe(before);
  });

  it('refuses a multipart form to a page that takes no upload unless its token is in the header', async () => {
    const form = await formSession(app, '/setting/application', await webSession(app, contact.email));
    await http(app).post(`/setting/application/${applicationId}/withdraw`).set('Cookie', form.cookies).field('_csrf', form.token).expect(403);
    expect((await http(app).get(`/applications/${applicationId}`).set(contact.auth).expect(200)).body.state).toBe('draft');
  });

  it('imports a CSV from the office page with the token in the form, and the page’s URLs never hold it', async () => {
    const form = await formSession(app, '/office/imports', await webSession(app, admin.email));
    expect(form.html).not.toMatch(TOKEN_IN_URL);
    const checked = await http(app)
      .post('/office/imports')
      .set('Cookie', form.cookies)
      .field('_csrf', form.token)
      .field('kind', 'people')
      .field('action', 'check')
      .attach('file', Buffer.from('name,email\nAnn Upload,ann-upload@example.org\n'), { filename: 'people.csv', contentType: 'text/csv' })
      .expect(303);
    expect(checked.headers.location).toMatch(/^\/office\/imports\/runs\/[0-9a-f-]{36}$/);
    await http(app)
      .post(`/office/imports?_csrf=${encodeURIComponent(form.token)}`)
      .set('Cookie', form.cookies)
      .field('kind', 'people')
      .attach('file', Buffer.from('name,email\n'), 'p.csv')
      .expect(403);
  });

  it('keeps no token in an audit row, even one a client put in a refused URL', async () => {
    const form = await formSession(app, '/setting/application', await webSession(app, contact.email));
    const secret = form.token;
    // A setting contact may not import: the refusal is audited with the route it was asked for.
    await http(app)
      .post(`/office/imports?_csrf=${encodeURIComponent(secret)}&kind=people`)
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: secret })
      .expect(403);
    const rows = await app
      .get(DataSource)
      .query<{ row: string }[]>(`SELECT row_to_json(a)::text AS row FROM audit_log a WHERE entity_id LIKE 'POST /office/imports%'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { row } of rows) expect(row).not.toContain(secret);
    expect(rows.map((r) => JSON.parse(r.row).entity_id)).toContain('POST /office/imports?_csrf=[redacted]&kind=people');
  });
});
