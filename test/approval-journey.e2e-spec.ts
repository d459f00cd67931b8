import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addDays, addMonths, Clock } from '@npa/platform';
import { completeJudged, passAll, PDF, readySetting, travel } from './support/approval';
import { bootApi } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';

describe('Stamp of Approval: the whole journey through HTTP', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;
  let ready: Awaited<ReturnType<typeof readySetting>>;
  let applicationId: string;
  let expiresOn: string;
  let clock: ReturnType<typeof travel>;

  const award = (asOf: string) => http(app).get(`/settings/${ready.setting.id}/award?asOf=${asOf}`).set(ready.contact.auth).expect(200);

  beforeAll(async () => {
    app = await bootApi();
    today = app.get(Clock).today();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    ready = await readySetting(app, admin, { today });
    clock = travel(app);
  }, 60_000);

  afterAll(async () => {
    clock.restore();
    await app?.close();
  });

  it('lets the setting contact open a draft, write statements, upload evidence and submit', async () => {
    const opened = await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201);
    expect(opened.body).toMatchObject({ id: expect.any(String), settingId: ready.setting.id, state: 'draft', kind: 'new' });
    applicationId = opened.body.id;
    expect(opened.body.criteria.map((c: { id: string }) => c.id)).toEqual([
      'SA-PRINCIPLES',
      'SA-OFSTED',
      'SA-ASSESSMENT',
      'SA-REVIEWS',
      'SA-RECORDS',
      'SA-TRAINED',
      'SA-MEMBER',
      'SA-LEVEL3',
    ]);
    const trained = opened.body.criteria.find((c: { id: string }) => c.id === 'SA-TRAINED');
    expect(trained).toMatchObject({ kind: 'computed', outcome: 'pass' });
    expect(trained.explanation).toMatch(/2 current members of staff have completed/);

    await completeJudged(app, applicationId, ready.contact);
    const evidence = await http(app).get(`/applications/${applicationId}/evidence`).set(ready.contact.auth).expect(200);
    expect(evidence.body).toHaveLength(4);
    expect(evidence.body[0]).toMatchObject({
      contentType: 'application/pdf',
      fileName: 'SA-PRINCIPLES.pdf',
      criterionId: 'SA-PRINCIPLES',
      sizeBytes: PDF.length,
    });
    const file = await http(app).get(`/applications/${applicationId}/evidence/${evidence.body[0].id}`).set(admin.auth).expect(200);
    expect(file.headers['content-disposition']).toBe("attachment; filename*=UTF-8''SA-PRINCIPLES.pdf");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(file.body as Buffer).equals(PDF)).toBe(true);

    const submitted = await http(app).post(`/applications/${applicationId}/submit`).set(ready.contact.auth).send({}).expect(200);
    expect(submitted.body.state).toBe('submitted');
  });

  it('puts it in the review queue, where a reviewer takes it and asks for more information', async () => {
    const queue = await http(app).get('/review-queue').set(reviewer.auth).expect(200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ id: applicationId, settingName: ready.setting.name, state: 'submitted', daysWaiting: 0, reviewer: null }),
    );
    // The total is what waits, whichever page is asked for: one item a page, the last page, and past the end.
    const waiting = queue.body.total as number;
    expect(waiting).toBeGreaterThanOrEqual(1);
    for (const page of [1, waiting, waiting + 1]) {
      const paged = await http(app).get(`/review-queue?page=${page}&pageSize=1`).set(reviewer.auth).expect(200);
      expect(paged.body).toMatchObject({ page, pageSize: 1, total: waiting, items: page > waiting ? [] : [expect.any(Object)] });
    }

    const started = await http(app).post(`/applications/${applicationId}/start-review`).set(reviewer.auth).expect(200);
    expect(started.body).toMatchObject({ state: 'under_review', reviewer: { id: reviewer.id } });
    await http(app)
      .put(`/applications/${applicationId}/criteria/SA-RECORDS/recommendation`)
      .set(reviewer.auth)
      .send({ outcome: 'fail', note: 'No example of a shared record' })
      .expect(200);
    const asked = await http(app)
      .post(`/applications/${applicationId}/request-information`)
      .set(reviewer.auth)
      .send({ message: 'Please send an example of a shared record, with names removed.' })
      .expect(200);
    expect(asked.body.state).toBe('information_requested');
  });

  it('shows the setting the request, not the reviewer’s working notes, and takes its answer', async () => {
    const seen = await http(app).get(`/applications/${applicationId}`).set(ready.contact.auth).expect(200);
    expect(seen.body.history.at(-1)).toMatchObject({
      action: 'request-information',
      fromState: 'under_review',
      toState: 'information_requested',
      message: 'Please send an example of a shared record, with names removed.',
      by: { name: expect.any(String), role: 'npa_reviewer' },
    });
    // Staff names and roles, never their user ids (what a forged token would need): not in the history, not as the reviewer.
    expect(seen.body.reviewer).toEqual({ name: expect.any(String), role: 'npa_reviewer' });
    expect(seen.text).not.toContain(reviewer.id);
    expect(seen.body.criteria.every((c: { recommendation: unknown }) => c.recommendation === null)).toBe(true);
    const staffView = await http(app).get(`/applications/${applicationId}`).set(reviewer.auth).expect(200);
    expect(staffView.body.history.at(-1).by).toMatchObject({ id: reviewer.id, role: 'npa_reviewer' });
    expect(staffView.body.criteria.find((c: { id: string }) => c.id === 'SA-RECORDS').recommendation).toEqual({
      outcome: 'fail',
      note: 'No example of a shared record',
    });

    await http(app)
      .put(`/applications/${applicationId}/criteria/SA-RECORDS`)
      .set(ready.contact.auth)
      .send({ statement: 'Each family keeps a shared record book; an example is attached.' })
      .expect(200);
    await http(app)
      .post(`/applications/${applicationId}/evidence`)
      .set(ready.contact.auth)
      .field('criterionId', 'SA-RECORDS')
      .attach('file', PDF, 'shared-record.pdf')
      .expect(201);
    const resubmitted = await http(app)
      .post(`/applications/${applicationId}/submit`)
      .set(ready.contact.auth)
      .send({ message: 'An example shared record is attached.' })
      .expect(200);
    expect(resubmitted.body.state).toBe('submitted');
  });

  it('is approved by the reviewer, and the award is active for a year from the decision', async () => {
    await http(app).post(`/applications/${applicationId}/start-review`).set(reviewer.auth).expect(200);
    const decided = await http(app)
      .post(`/applications/${applicationId}/decision`)
      .set(reviewer.auth)
      .send({ decision: 'approved', criteria: passAll() })
      .expect(200);
    expect(decided.body).toMatchObject({ state: 'approved', awardId: expect.any(String), decidedAt: expect.any(String) });
    expect(decided.body.criteria.find((c: { id: string }) => c.id === 'SA-PRINCIPLES')).toMatchObject({ outcome: 'pass', reason: 'Seen and met.' });
    expect(decided.body.history.map((h: { action: string }) => h.action)).toEqual([
      'opened',
      ...Array(4).fill(['statement_saved', 'evidence_added']).flat(),
      'submit',
      'start-review',
      'recommendation_recorded',
      'request-information',
      'statement_saved',
      'evidence_added',
      'submit',
      'start-review',
      'approve',
    ]);

    expiresOn = addDays(addMonths(today, 12), -1);
    expect((await award(today)).body).toMatchObject({ state: 'active', awardedOn: today, startsOn: today, expiresOn, atRisk: null });
    const audit = await app
      .get(DataSource)
      .query<{ action: string }[]>(`SELECT action FROM audit_log WHERE entity = 'application' AND entity_id = $1 ORDER BY id`, [applicationId]);
    expect(audit.map((a) => a.action)).toContain('application.approve');
    expect(audit).toHaveLength(decided.body.history.length);
  });

  it('lists the setting on the public register without sign-in, with nothing but its name, kind, area and dates', async () => {
    const register = await http(app)
      .get(`/public/approved-settings?q=${encodeURIComponent(ready.setting.name)}`)
      .expect(200);
    expect(register.body.items).toEqual([{ name: ready.setting.name, kind: 'nursery', localArea: 'Taunton', awardedOn: today, expiresOn }]);
    const check = await http(app).get(`/public/approved-settings/${ready.setting.ofstedUrn}`).expect(200);
    expect(check.body).toMatchObject({ approved: true, name: ready.setting.name, expiresOn });
  });

  it('is at risk when a trained member of staff leaves, and active again when a trained member joins', async () => {
    await http(app)
      .patch(`/settings/${ready.setting.id}/staff/${ready.staff.Bob.staffId}`)
      .set(ready.contact.auth)
      .send({ endDate: addDays(today, 10) })
      .expect(200);
    expect((await award(addDays(today, 10))).body.state).toBe('active');
    const atRisk = await award(addDays(today, 11));
    expect(atRisk.body).toMatchObject({ state: 'at_risk', atRisk: { since: addDays(today, 11), mustPutRightBy: addDays(today, 101), overdue: false } });
    expect(atRisk.body.atRisk.failing).toEqual([{ id: 'SA-TRAINED', explanation: expect.stringMatching(/Book 1 more practitioner/) }]);

    await http(app)
      .post(`/settings/${ready.setting.id}/staff`)
      .set(ready.contact.auth)
      .send({ personId: ready.staff.Dan.personId, startDate: addDays(today, 30) })
      .expect(201);
    expect((await award(addDays(today, 30))).body).toMatchObject({ state: 'active', atRisk: null });
    // Asking about the past still gives the past.
    expect((await award(addDays(today, 20))).body).toMatchObject({ state: 'at_risk', atRisk: { since: addDays(today, 11) } });
  });

  it('is expired the day after its end', async () => {
    expect((await award(expiresOn)).body.state).toBe('active');
    expect((await award(addDays(expiresOn, 1))).body).toMatchObject({ state: 'expired', awardedOn: today, expiresOn });
    // The public check describes a setting only while its award is current: once lapsed, it is an unknown URN.
    clock.to(addDays(expiresOn, 1));
    try {
      const lapsed = await http(app).get(`/public/approved-settings/${ready.setting.ofstedUrn}`).expect(404);
      expect(lapsed.body).toEqual((await http(app).get('/public/approved-settings/EY0000000').expect(404)).body);
    } finally {
      clock.to(today);
    }
  });

  it('opens a renewal only within 90 days of expiry, and the renewed award continues without a gap', async () => {
    clock.to(addDays(expiresOn, -91));
    const early = await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(409);
    expect(early.body.message).toContain(`a renewal can be opened from ${addDays(expiresOn, -90)}`);

    clock.to(addDays(expiresOn, -30));
    const renewal = await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201);
    expect(renewal.body).toMatchObject({ kind: 'renewal', state: 'draft' });
    await completeJudged(app, renewal.body.id, ready.contact);
    await http(app).post(`/applications/${renewal.body.id}/submit`).set(ready.contact.auth).send({}).expect(200);
    await http(app).post(`/applications/${renewal.body.id}/start-review`).set(reviewer.auth).expect(200);
    await http(app).post(`/applications/${renewal.body.id}/decision`).set(reviewer.auth).send({ decision: 'approved', criteria: passAll() }).expect(200);

    const renewedFrom = addDays(expiresOn, 1);
    const renewedTo = addDays(addMonths(renewedFrom, 12), -1);
    expect((await award(addDays(expiresOn, -30))).body).toMatchObject({
      state: 'active',
      expiresOn,
      renewal: { awardedOn: addDays(expiresOn, -30), startsOn: renewedFrom, expiresOn: renewedTo },
    });
    expect((await award(expiresOn)).body).toMatchObject({ state: 'active', expiresOn });
    expect((await award(renewedFrom)).body).toMatchObject({ state: 'active', awardedOn: addDays(expiresOn, -30), startsOn: renewedFrom, expiresOn: renewedTo });
    expect((await award(addDays(renewedTo, 1))).body.state).toBe('expired');
  });
});
