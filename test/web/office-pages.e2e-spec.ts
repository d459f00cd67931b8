import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@npa/platform';
import { completeJudged, readySetting } from '../support/approval';
import { bootApi } from '../support/boot';
import { http, PASSWORD, signedIn, SignedIn } from '../support/people';

/** Reads the CSRF token and cookie a page gives out, as a browser would keep them. */
async function formSession(app: NestFastifyApplication, path: string, cookies: string[] = [], status = 200) {
  const response = await http(app).get(path).set('Cookie', cookies).expect(status);
  const token = /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1];
  const set = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
  return { token: token!, cookies: [...cookies.filter((c) => !set.some((s) => s.split('=')[0] === c.split('=')[0])), ...set], html: response.text };
}

/** A browser session for a user, signed in through the sign-in form. */
async function webSession(app: NestFastifyApplication, email: string) {
  const form = await formSession(app, '/sign-in');
  const signIn = await http(app).post('/sign-in').set('Cookie', form.cookies).type('form').send({ _csrf: form.token, email, password: PASSWORD }).expect(303);
  const session = ([] as string[])
    .concat(signIn.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('npa_session='))!
    .split(';')[0];
  return [...form.cookies, session];
}

describe('Office pages over HTTP: who may open them, and forms that must come from the page', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let applicationId: string;
  let contact: SignedIn;

  beforeAll(async () => {
    app = await bootApi();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    const ready = await readySetting(app, admin, { today: app.get(Clock).today() });
    contact = ready.contact;
    applicationId = (await http(app).post(`/settings/${ready.setting.id}/applications`).set(contact.auth).expect(201)).body.id as string;
    await completeJudged(app, applicationId, contact);
    await http(app).post(`/applications/${applicationId}/submit`).set(contact.auth).send({}).expect(200);
  }, 60_000);

  afterAll(async () => app?.close());

  it("refuses a setting contact the office's application page, even for their own application", async () => {
    const cookies = await webSession(app, contact.email);
    const refused = await http(app).get(`/office/applications/${applicationId}`).set('Cookie', cookies).expect(403);
    expect(refused.text).not.toContain('How we meet SA-PRINCIPLES');
    const evidence = (await http(app).get(`/applications/${applicationId}/evidence`).set(contact.auth).expect(200)).body as { id: string }[];
    await http(app).get(`/office/applications/${applicationId}/evidence/${evidence[0].id}`).set('Cookie', cookies).expect(403);
    await http(app).get('/office/compliance').set('Cookie', cookies).expect(403);
    await http(app).get('/office/compliance.csv').set('Cookie', cookies).expect(403);
  });

  it('refuses a forged POST without the form token, and changes nothing', async () => {
    const cookies = await webSession(app, reviewer.email);
    await http(app).post(`/office/applications/${applicationId}/start-review`).set('Cookie', cookies).type('form').send({}).expect(403);
    await http(app).post(`/office/applications/${applicationId}/start-review`).set('Cookie', cookies).type('form').send({ _csrf: 'forged' }).expect(403);
    const after = await http(app).get(`/applications/${applicationId}`).set(reviewer.auth).expect(200);
    expect(after.body.state).toBe('submitted');
  });

  it('streams evidence as an attachment, answers 404 for an unknown application, and shows an empty request for information as an error', async () => {
    const page = await formSession(app, `/office/applications/${applicationId}`, await webSession(app, reviewer.email));
    const link = /href="(\/office\/applications\/[^"]+\/evidence\/[^"]+)"/.exec(page.html)![1];
    const file = await http(app).get(link).set('Cookie', page.cookies).expect(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''SA-[A-Z]+\.pdf$/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    await http(app).get(`/office/applications/${randomUUID()}`).set('Cookie', page.cookies).expect(404);

    await http(app).post(`/office/applications/${applicationId}/start-review`).set('Cookie', page.cookies).type('form').send({ _csrf: page.token }).expect(303);
    const empty = await http(app)
      .post(`/office/applications/${applicationId}/request-information`)
      .set('Cookie', page.cookies)
      .type('form')
      .send({ _csrf: page.token, message: '  ' })
      .expect(400);
    expect(empty.text).toContain('There is a problem');
    expect(empty.text).toContain('href="#message"');
    expect(empty.text).toContain('govuk-textarea--error');
  });

  it('downloads the compliance overview as CSV with a header row, and refuses a bad date on the overview', async () => {
    const cookies = await webSession(app, reviewer.email);
    const csv = await http(app).get('/office/compliance.csv?status=non_compliant').set('Cookie', cookies).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="compliance-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.text.split('\n')[0]).toBe('service,registration_number,region,status,failing_rules');
    const hostile = ['=HYPERLINK("https://evil.example","Open")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];
    const tag = randomUUID().slice(0, 8);
    const ids: string[] = [];
    for (const name of hostile) {
      const body = { name: `Formula ${tag}`, localAuthority: 'Somerset', region: 'South West', ageRange: '0-5' };
      const service = (await http(app).post('/services').set(admin.auth).send(body).expect(201)).body as { id: string; registrationNumber: string };
      // The API trims names, so a leading tab or CR is written straight to the table, as older data may hold it.
      await app.get(DataSource).query('UPDATE services SET name = $1 WHERE id = $2', [`${name} ${tag}`, service.id]);
      ids.push(service.registrationNumber);
    }
    const all = parse((await http(app).get('/office/compliance.csv').set('Cookie', cookies).expect(200)).text);
    expect(ids.map((number) => all.find((r) => r[1] === number)?.[0])).toEqual(hostile.map((name) => `'${name} ${tag}`));
    const bad = await http(app).get('/office/compliance?asOf=tomorrow').set('Cookie', cookies).expect(400);
    expect(bad.text).toContain('href="#asOf"');
  });
});
