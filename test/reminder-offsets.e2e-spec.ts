import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addDays, addMonths } from '@npa/platform';
import { approveThrough, completeJudged, readySetting } from './support/approval';
import { AutomationWorld } from './support/automation-world';
import { eventually } from './support/boot';
import { http, SignedIn } from './support/people';
import { formSession, webSession } from './support/web-session';
import { registerBuilder } from './support/register';
import { ReminderFinder } from '@npa/reminders';

interface Listed {
  kind: string;
  dueOn: string;
  state: string;
  parameterVersion: number | null;
  letterId: string | null;
}

// Reminder offsets and the periods letters give are rule parameters: an NPA admin moves one, the sweep
// finds the reminder on the new day, and the reminder and its letter name the version that moved it.
// The parameters are shared by every suite of the run, so each change here is put back at once.
describe('Reminder offsets and periods as versioned rule parameters', () => {
  let world: AutomationWorld;
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;
  let clock: AutomationWorld['clock'];

  const parameters = () => http(app).put('/compliance/parameters').set(admin.auth);
  const sweep = (asOf: string) => world.sweep(asOf);
  const reminders = async (settingId: string) => (await http(app).get(`/settings/${settingId}/reminders`).set(admin.auth).expect(200)).body as Listed[];

  beforeAll(async () => {
    world = await AutomationWorld.start();
    ({ app, admin, reviewer, today, clock } = world);
  }, 60_000);

  afterAll(() => world?.close());

  it('lists the offsets and periods beside the thresholds, each described', async () => {
    const now = await http(app).get('/compliance/parameters').set(reviewer.auth).expect(200);
    expect(now.body.params).toMatchObject({ renewalSecondReminderDaysBefore: expect.any(Number), putRightDays: expect.any(Number) });
    const groups = Object.fromEntries((now.body.schema as { name: string; group: string }[]).map((s) => [s.name, s.group]));
    expect(groups).toMatchObject({ membershipMinimum: 'rules', renewalSecondReminderDaysBefore: 'reminders', answerWithinDays: 'periods' });
  });

  it('finds the second renewal reminder on the day an admin moved it to, and records the version on the reminder and its letter', async () => {
    const ready = await readySetting(app, admin, { today });
    await approveThrough(app, ready, reviewer);
    const expiresOn = addDays(addMonths(today, 12), -1);

    const changed = await parameters().send({ renewalSecondReminderDaysBefore: 21 }).expect(200);
    const version = changed.body.version as number;
    try {
      // Thirty days out is no longer the second reminder's day.
      await sweep(addDays(expiresOn, -30));
      expect((await reminders(ready.setting.id)).map((r) => r.kind)).not.toContain('award-renewal-30');

      const dueOn = addDays(expiresOn, -21);
      clock.to(dueOn);
      const summary = await sweep(dueOn);
      expect(summary.body.newByKind['award-renewal-30']).toBeGreaterThanOrEqual(1);
      const sent = await eventually(async () =>
        (await reminders(ready.setting.id)).find((r) => r.kind === 'award-renewal-30' && r.state === 'sent' && r.letterId !== null),
      );
      expect(sent).toMatchObject({ dueOn, parameterVersion: version });
      const [row] = await app
        .get(DataSource)
        .query<{ parameter_version: number }[]>(`SELECT parameter_version FROM reminders WHERE kind = 'award-renewal-30' AND organisation_id = $1`, [
          ready.setting.id,
        ]);
      expect(row.parameter_version).toBe(version);
      const letters = (await http(app).get(`/settings/${ready.setting.id}/letters`).set(admin.auth).expect(200)).body as {
        id: string;
        parameterVersion: number | null;
      }[];
      expect(letters.find((l) => l.id === sent.letterId)).toMatchObject({ parameterVersion: version });
    } finally {
      clock.to(today);
      await parameters().send({ renewalSecondReminderDaysBefore: 30 }).expect(200);
    }
    const audit = await http(app).get(`/audit?entity=rule_parameters&id=${version}`).set(admin.auth).expect(200);
    expect(audit.body.items[0]).toMatchObject({ before: { renewalSecondReminderDaysBefore: 30 }, after: { renewalSecondReminderDaysBefore: 21 } });
  }, 120_000);

  it('checks a reminder again before sending under the offsets that found it, not ones changed since', async () => {
    const build = registerBuilder(app, admin);
    const finder = app.get(ReminderFinder);
    const service = await build.service();
    const member = await build.person('Omar Offset');
    await build.member(service.id, member.id, { startDate: addDays(today, -200) });
    const membership = await build.membership(member.id, addDays(today, -300), addDays(today, 60));
    const dueOn = addDays(today, 15);

    const changed = await parameters().send({ membershipExpiringDaysBefore: 45 }).expect(200);
    let found;
    try {
      found = (await finder.due(dueOn)).find((r) => r.subjectId === membership.id);
    } finally {
      await parameters().send({ membershipExpiringDaysBefore: 30 }).expect(200);
    }
    expect(found).toMatchObject({ kind: 'membership-expiring', dueOn, parameterVersion: changed.body.version });
    const identity = { kind: 'membership-expiring', subjectKind: 'membership', subjectId: membership.id, dueOn } as const;
    expect(await finder.stillDue({ ...identity, parameterVersion: changed.body.version as number }, dueOn)).toEqual({ due: true });
    // Under today's offsets the same reminder would not have fallen due on that day.
    expect(await finder.stillDue(identity, dueOn)).toMatchObject({ due: false });
  });

  it('gives the information request letter the answer period in force, and records its version', async () => {
    const ready = await readySetting(app, admin, { today });
    const opened = await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201);
    await completeJudged(app, opened.body.id, ready.contact);
    await http(app).post(`/applications/${opened.body.id}/submit`).set(ready.contact.auth).send({}).expect(200);
    await http(app).post(`/applications/${opened.body.id}/start-review`).set(reviewer.auth).expect(200);
    const changed = await parameters().send({ answerWithinDays: 21 }).expect(200);
    try {
      await http(app)
        .post(`/applications/${opened.body.id}/request-information`)
        .set(reviewer.auth)
        .send({ message: 'Please send the review log.' })
        .expect(200);
    } finally {
      await parameters().send({ answerWithinDays: 14 }).expect(200);
    }
    const [letter] = await app
      .get(DataSource)
      .query<{ parameter_version: number; data: { body: { respondBy: string } } }[]>(
        `SELECT parameter_version, data FROM letters WHERE kind = 'information-request' AND subject_id = $1`,
        [ready.setting.id],
      );
    expect(letter).toMatchObject({ parameter_version: changed.body.version, data: { body: { respondBy: addDays(today, 21) } } });
  }, 120_000);

  it('lets only NPA admins change them', async () => {
    const before = await http(app).get('/compliance/parameters').set(admin.auth).expect(200);
    const refused = await http(app).put('/compliance/parameters').set(reviewer.auth).send({ supervisionDueDays: 7 }).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    const after = await http(app).get('/compliance/parameters').set(admin.auth).expect(200);
    expect(after.body.version).toBe(before.body.version);
  });

  it.each([
    ['zero days', { supervisionDueDays: 0 }, 'supervisionDueDays', 'must be between 1 and 60'],
    ['a fraction of a day', { informationRequestedDays: 10.5 }, 'informationRequestedDays', 'must be a whole number'],
    ['words', { putRightDays: 'four weeks' }, 'putRightDays', 'must be a number'],
    ['more than a year', { renewalFirstReminderDaysBefore: 400 }, 'renewalFirstReminderDaysBefore', 'must be between 1 and 365'],
    [
      'renewal reminders out of order',
      { renewalLastReminderDaysBefore: 45 },
      'renewalLastReminderDaysBefore',
      'must be fewer days than the second renewal reminder (30)',
    ],
    [
      'supervision due once already overdue',
      { supervisionDueDays: 20 },
      'supervisionDueDays',
      'must be at most the longest gap between supervision sessions (14), the day before it is overdue',
    ],
  ])('refuses %s with 400 naming the field, and writes no version', async (_case, body, field, problem) => {
    const before = await http(app).get('/compliance/parameters').set(admin.auth).expect(200);
    const refused = await parameters().send(body).expect(400);
    expect(refused.body).toMatchObject({ statusCode: 400, error: 'Bad Request', details: [{ field, problem }] });
    const after = await http(app).get('/compliance/parameters').set(admin.auth).expect(200);
    expect(after.body.version).toBe(before.body.version);
  });

  it('shows them on the rule parameters page, where an admin changes one and a reviewer only reads', async () => {
    const before = await http(app).get('/compliance/parameters').set(admin.auth).expect(200);
    const asReviewer = await formSession(app, '/office/parameters', await webSession(app, reviewer.email));
    expect(asReviewer.html).toContain('When reminders fall due');
    expect(asReviewer.html).not.toContain('Save as a new version');
    await http(app)
      .post('/office/parameters')
      .set('Cookie', asReviewer.cookies)
      .type('form')
      .send({ _csrf: asReviewer.token, membershipExpiringDaysBefore: '45' })
      .expect(403);

    const asAdmin = await formSession(app, '/office/parameters', await webSession(app, admin.email));
    expect(asAdmin.html).toContain('Periods the letters give');
    const form = { _csrf: asAdmin.token, ...before.body.params };
    const refused = await http(app)
      .post('/office/parameters')
      .set('Cookie', asAdmin.cookies)
      .type('form')
      .send({ ...form, membershipExpiringDaysBefore: '0' })
      .expect(400);
    expect(refused.text).toContain('Membership expiring reminder (days before it ends) must be between 1 and 365');
    await http(app)
      .post('/office/parameters')
      .set('Cookie', asAdmin.cookies)
      .type('form')
      .send({ ...form, membershipExpiringDaysBefore: '45' })
      .expect(303);
    try {
      const after = await http(app).get('/compliance/parameters').set(admin.auth).expect(200);
      expect(after.body).toMatchObject({ version: before.body.version + 1, params: { ...before.body.params, membershipExpiringDaysBefore: 45 } });
      const shown = await http(app).get('/office/parameters').set('Cookie', asAdmin.cookies).expect(200);
      expect(shown.text).toContain('Membership expiring reminder (days before it ends): 30 to 45');
    } finally {
      await parameters().send({ membershipExpiringDaysBefore: 30 }).expect(200);
    }
  }, 60_000);
});
