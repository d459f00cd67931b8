import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, Clock } from '@npa/platform';
import { approveThrough, readySetting, travel } from '../support/approval';
import { bootApi } from '../support/boot';
import { http, SignedIn, signedIn } from '../support/people';
import { formSession, webSession } from '../support/web-session';

describe("Renewal pages: the setting confirms last year's statements, the reviewer reads both years side by side", () => {
  let app: NestFastifyApplication;
  let reviewer: SignedIn;
  let ready: Awaited<ReturnType<typeof readySetting>>;
  let clock: ReturnType<typeof travel>;
  let renewalId: string;

  beforeAll(async () => {
    app = await bootApi();
    const admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    ready = await readySetting(app, admin, { today: app.get(Clock).today() });
    await approveThrough(app, ready, reviewer);
    const award = await http(app).get(`/settings/${ready.setting.id}/award`).set(ready.contact.auth).expect(200);
    clock = travel(app);
    clock.to(addDays(award.body.expiresOn as string, -20));
  }, 90_000);

  afterAll(async () => {
    clock?.restore();
    await app?.close();
  });

  it("opens a renewal from the setting's page, pre-filled, and confirms a statement through its form", async () => {
    const cookies = await webSession(app, ready.contact.email);
    const start = await formSession(app, '/setting/application', cookies);
    const opened = await http(app).post('/setting/application').set('Cookie', start.cookies).type('form').send({ _csrf: start.token }).expect(303);
    expect(decodeURIComponent(String(opened.headers.location)).replace(/\+/g, ' ')).toContain("last year's statements");
    const page = await formSession(app, '/setting/application', start.cookies);
    expect(page.html).toContain('Carried over from last year');
    expect(page.html).toContain('How we meet SA-PRINCIPLES.');
    expect(page.html).toContain('On file from last year');
    renewalId = /action="\/setting\/application\/([0-9a-f-]{36})\/criteria\/SA-PRINCIPLES\/confirm"/.exec(page.html)![1];
    await http(app)
      .post(`/setting/application/${renewalId}/criteria/SA-PRINCIPLES/confirm`)
      .set('Cookie', page.cookies)
      .type('form')
      .send({ _csrf: page.token })
      .expect(303);
    const after = await http(app).get(`/applications/${renewalId}`).set(ready.contact.auth).expect(200);
    const principles = (after.body.criteria as { id: string; carriedOver: boolean }[]).find((c) => c.id === 'SA-PRINCIPLES')!;
    expect(principles.carriedOver).toBe(false);
    expect(page.html).not.toContain(`/setting/application/${renewalId}/criteria/SA-OFSTED/confirm`);
  });

  it("shows the reviewer last year's statement beside this year's, and the declared staff count's changes", async () => {
    await http(app).patch(`/settings/${ready.setting.id}`).set(ready.contact.auth).send({ staffCount: 2 }).expect(200);
    const cookies = await webSession(app, reviewer.email);
    const page = await http(app).get(`/office/applications/${renewalId}`).set('Cookie', cookies).expect(200);
    expect(page.text).toContain('Statement, this year and last');
    expect(page.text).toContain('carried over, not yet confirmed');
    expect(page.text).toContain('Declared staff count changes');
    expect(page.text).toContain('On file from last year');
  });

  it('lets the reviewer confirm or reject a proposed inspection from the application page', async () => {
    const report = 'https://reports.ofsted.gov.uk/provider/16/EY400001';
    const propose = async (date: string) =>
      (await http(app).post(`/settings/${ready.setting.id}/inspections`).set(ready.contact.auth).send({ date, grade: 'good', reportUrl: report }).expect(202))
        .body.id as string;
    const today = app.get(Clock).today();
    const [first, second] = [await propose(addDays(today, -3)), await propose(addDays(today, -2))];
    const cookies = await webSession(app, reviewer.email);
    const form = await formSession(app, `/office/applications/${renewalId}`, cookies);
    expect(form.html).toContain(`/office/applications/${renewalId}/inspections/${first}/confirm`);
    expect(form.html).toContain(report);
    const post = (path: string, body: object = {}) =>
      http(app)
        .post(`/office/applications/${renewalId}/inspections/${path}`)
        .set('Cookie', form.cookies)
        .type('form')
        .send({ _csrf: form.token, ...body });
    await post(`${first}/confirm`).expect(303);
    const empty = await post(`${second}/reject`, { reason: ' ' }).expect(400);
    expect(empty.text).toContain('Why the inspection is rejected');
    await post(`${second}/reject`, { reason: 'Not on the Ofsted report.' }).expect(303);
    const listed = (await http(app).get(`/settings/${ready.setting.id}/inspections`).set(ready.contact.auth).expect(200)).body as {
      id: string;
      status: string;
    }[];
    expect(listed.filter((i) => [first, second].includes(i.id)).map((i) => [i.id, i.status])).toEqual(
      expect.arrayContaining([
        [first, 'recorded'],
        [second, 'rejected'],
      ]),
    );
  });
});
