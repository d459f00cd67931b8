import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@npa/platform';
import { COMPUTED, JUDGED, PDF, readySetting } from '../support/approval';
import { bootApi } from '../support/boot';
import { http, signedIn, SignedIn } from '../support/people';
import { formSession, webSession } from '../support/web-session';

const count = (html: string, text: string) => html.split(text).length - 1;

describe('Evidence for the whole application on the pages', () => {
  let app: NestFastifyApplication;
  let reviewer: SignedIn;
  let ready: Awaited<ReturnType<typeof readySetting>>;
  let id: string;

  beforeAll(async () => {
    app = await bootApi();
    const admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    ready = await readySetting(app, admin, { today: app.get(Clock).today() });
    id = (await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201)).body.id as string;
  }, 60_000);

  afterAll(async () => app?.close());

  it('lets the setting add a file for the whole application, lists it beside every judged criterion, and points a refusal at that form', async () => {
    const form = await formSession(app, '/setting/application', await webSession(app, ready.contact.email));
    expect(form.html).toContain('Upload evidence for the whole application');
    await http(app)
      .post(`/setting/application/${id}/evidence`)
      .set('Cookie', form.cookies)
      .field('_csrf', form.token)
      .attach('file', PDF, 'our-portage-practice.pdf')
      .expect(303);
    const page = await http(app).get('/setting/application').set('Cookie', form.cookies).expect(200);
    expect(count(page.text, 'our-portage-practice.pdf</a>')).toBe(1 + JUDGED.length);
    expect(count(page.text, 'for the whole application)')).toBe(JUDGED.length);

    const refused = await http(app)
      .post(`/setting/application/${id}/evidence`)
      .set('Cookie', form.cookies)
      .field('_csrf', form.token)
      .attach('file', Buffer.from('plain text, not a document'), 'notes.txt')
      .expect(400);
    expect(refused.text).toContain('href="#file-application"');
    expect((await http(app).get(`/applications/${id}/evidence`).set(ready.contact.auth).expect(200)).body).toHaveLength(1);
  });

  it('shows the reviewer the file beside each judged criterion, and decides on the judged criteria alone', async () => {
    for (const criterion of JUDGED)
      await http(app)
        .put(`/applications/${id}/criteria/${criterion}`)
        .set(ready.contact.auth)
        .send({ statement: `How we meet ${criterion}.` })
        .expect(200);
    await http(app).post(`/applications/${id}/submit`).set(ready.contact.auth).send({}).expect(200);
    await http(app).post(`/applications/${id}/start-review`).set(reviewer.auth).expect(200);

    const page = await formSession(app, `/office/applications/${id}`, await webSession(app, reviewer.email));
    expect(count(page.html, 'our-portage-practice.pdf</a> (for the whole application)')).toBe(JUDGED.length);

    // The computed criteria's outcomes come pre-set from the register; the reviewer writes reasons for the judged ones only.
    const body: Record<string, string> = { _csrf: page.token, decision: 'approved' };
    for (const criterion of JUDGED) Object.assign(body, { [`outcome-${criterion}`]: 'pass', [`reason-${criterion}`]: `Seen: ${criterion}.` });
    for (const criterion of COMPUTED) Object.assign(body, { [`outcome-${criterion}`]: 'pass', [`reason-${criterion}`]: '' });
    await http(app).post(`/office/applications/${id}/decision`).set('Cookie', page.cookies).type('form').send(body).expect(303);
    const decided = await http(app).get(`/applications/${id}`).set(reviewer.auth).expect(200);
    expect(decided.body.state).toBe('approved');
    expect(decided.body.criteria.find((c: { id: string }) => c.id === 'SA-MEMBER')).toMatchObject({ outcome: 'pass' });
  });
});
