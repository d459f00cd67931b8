import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Clock } from '@npa/platform';
import { latestFilingYear, reportingYear } from '@npa/returns';
import { bootApi } from '../support/boot';
import { http, PASSWORD, signedIn, SignedIn } from '../support/people';

/** Reads the CSRF token and cookie a page gives out, as a browser would keep them. */
async function formSession(app: NestFastifyApplication, path: string, cookies: string[] = []) {
  const response = await http(app).get(path).set('Cookie', cookies).expect(200);
  const token = /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1];
  const set = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
  return { token: token!, cookies: [...cookies.filter((c) => !set.some((s) => s.split('=')[0] === c.split('=')[0])), ...set], html: response.text };
}

/** A browser session for a user, signed in through the sign-in form, with a form token to post with. */
async function webSession(app: NestFastifyApplication, email: string, path: string) {
  const form = await formSession(app, '/sign-in');
  const signIn = await http(app).post('/sign-in').set('Cookie', form.cookies).type('form').send({ _csrf: form.token, email, password: PASSWORD }).expect(303);
  const session = ([] as string[])
    .concat(signIn.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('npa_session='))!
    .split(';')[0];
  return formSession(app, path, [...form.cookies, session]);
}

const typed = {
  referralsAccepted: '20',
  childrenSupported: '20',
  waitingList: '2',
  ageRange: '0-5',
  fundingSource: 'local_authority',
  budgetCut: 'no',
  teamFte: '2',
  annualCost: '50,000',
};

describe('Returns pages over HTTP: who may open them, forms that must come from the page, and what a refused form says', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let manager: SignedIn;
  let serviceId: string;
  // The latest year that can be filed; a service registered today owes no return for it.
  let latest: ReturnType<typeof reportingYear>;

  beforeAll(async () => {
    app = await bootApi();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    serviceId = (
      await http(app)
        .post('/services')
        .set(admin.auth)
        .send({ name: `Returns pages ${randomUUID().slice(0, 6)}`, localAuthority: 'Devon County Council', region: 'South West', ageRange: '0-5' })
        .expect(201)
    ).body.id;
    manager = await signedIn(app, 'service_manager', serviceId);
    latest = latestFilingYear(app.get(Clock).today());
  }, 60_000);

  afterAll(async () => app?.close());

  it("refuses a service manager every office page about returns, and a reviewer the admin's changes", async () => {
    const asManager = await webSession(app, manager.email, '/service/returns');
    for (const path of [
      '/office/returns',
      `/office/returns/${latest.slug}`,
      `/office/returns/${latest.slug}/services/${serviceId}`,
      '/office/snapshot',
      `/office/snapshot/${latest.slug}/figures.csv`,
      '/office/local-authorities',
    ]) {
      await http(app).get(path).set('Cookie', asManager.cookies).expect(403);
    }
    await http(app).post(`/office/snapshot/${latest.slug}/reports`).set('Cookie', asManager.cookies).type('form').send({ _csrf: asManager.token }).expect(403);

    const asReviewer = await webSession(app, reviewer.email, '/office/local-authorities');
    expect(asReviewer.html).not.toContain('Add a local authority');
    await http(app).get(`/office/returns/${latest.slug}/close`).set('Cookie', asReviewer.cookies).expect(403);
    await http(app).post(`/office/returns/${latest.slug}/close`).set('Cookie', asReviewer.cookies).type('form').send({ _csrf: asReviewer.token }).expect(403);
    await http(app)
      .post('/office/local-authorities')
      .set('Cookie', asReviewer.cookies)
      .type('form')
      .send({ _csrf: asReviewer.token, code: 'E06999999', name: 'Nowhere', region: 'London', kind: 'unitary' })
      .expect(403);
    await http(app).get('/office/local-authorities/E08000035').set('Cookie', asReviewer.cookies).expect(403);
    const years = await http(app).get('/return-years').set(admin.auth).expect(200);
    expect(years.body.find((y: { startYear: number }) => y.startYear === latest.startYear)).toMatchObject({ closed: false });
  });

  it('refuses a return posted without the form token, and files nothing', async () => {
    const session = await webSession(app, manager.email, `/service/returns/${latest.slug}`);
    await http(app).post(`/service/returns/${latest.slug}`).set('Cookie', session.cookies).type('form').send(typed).expect(403);
    const now = await http(app).get(`/services/${serviceId}/returns/${latest.slug}`).set(manager.auth).expect(200);
    expect(now.body).toMatchObject({ revision: 0, figures: null });
  });

  it('says what to enter for each blank box (never NaN), and why a year the service does not owe cannot be filed', async () => {
    const session = await webSession(app, manager.email, `/service/returns/${latest.slug}`);
    expect(session.html).toContain('no return is due for it');
    expect(session.html).not.toContain('File the return');
    const blank = await http(app)
      .post(`/service/returns/${latest.slug}`)
      .set('Cookie', session.cookies)
      .type('form')
      .send({ _csrf: session.token })
      .expect(400);
    expect(blank.text).toContain('<a href="#referralsAccepted">Enter the number of referrals accepted, or 0</a>');
    expect(blank.text).toContain('<a href="#annualCost">Enter the annual cost of the service in pounds</a>');
    expect(blank.text).not.toMatch(/NaN/);

    const owed = await http(app)
      .post(`/service/returns/${latest.slug}`)
      .set('Cookie', session.cookies)
      .type('form')
      .send({ _csrf: session.token, ...typed })
      .expect(409);
    expect(owed.text).toContain(`after ${latest.label} ended: no return is due for it.`);
  });

  it('answers a malformed year, an unknown service or authority, and a bad filter with a page that says so', async () => {
    const asManager = await webSession(app, manager.email, '/service/returns');
    const badYear = await http(app).get('/service/returns/2024-26').set('Cookie', asManager.cookies).expect(400);
    expect(badYear.text).toContain('That is not a reporting year.');

    const asAdmin = await webSession(app, admin.email, '/office/returns');
    const picker = await http(app).get('/office/snapshot?year=last-year').set('Cookie', asAdmin.cookies).expect(400);
    expect(picker.text).toContain('<a href="#year">Year must be a reporting year written like 2025-26</a>');
    await http(app).get(`/office/returns/${latest.slug}/services/${randomUUID()}`).set('Cookie', asAdmin.cookies).expect(404);
    await http(app).get('/office/local-authorities/E99999999').set('Cookie', asAdmin.cookies).expect(404);
    await http(app).get('/office/local-authorities?region=Atlantis').set('Cookie', asAdmin.cookies).expect(400);
  });

  it("refuses a due date before the year has ended and closing a year that has not ended, as errors on the admin's form", async () => {
    const running = reportingYear(latest.startYear + 1);
    const session = await webSession(app, admin.email, `/office/returns/${running.slug}`);
    const early = await http(app)
      .post(`/office/returns/${running.slug}/due-date`)
      .set('Cookie', session.cookies)
      .type('form')
      .send({ _csrf: session.token, dueOn: running.endsOn })
      .expect(400);
    expect(early.text).toContain(`<a href="#dueOn">The due date must be ${running.opensOn} or later</a>`);
    const close = await http(app)
      .post(`/office/returns/${running.slug}/close`)
      .set('Cookie', session.cookies)
      .type('form')
      .send({ _csrf: session.token })
      .expect(409);
    expect(close.text).toContain(`${running.label} has not ended yet`);
    const year = await http(app).get(`/return-years/${running.slug}`).set(admin.auth).expect(200);
    expect(year.body.year).toMatchObject({ closed: false, dueOn: `${running.startYear + 1}-06-30` });
  });
});
