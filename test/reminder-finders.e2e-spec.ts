import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addDays, addMonths, Clock } from '@npa/platform';
import { workingDaysAfter, ReminderFinder } from '@npa/reminders';
import type { DueReminder, ReminderIdentity } from '@npa/reminders';
import { completeJudged, passAll, readySetting, travel } from './support/approval';
import { bootApi } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';
import { registerBuilder } from './support/register';

describe(ReminderFinder.name, () => {
  let app: NestFastifyApplication;
  let finder: ReminderFinder;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;
  let build: ReturnType<typeof registerBuilder>;
  const after = (n: number) => addDays(today, n);
  const ago = (n: number) => addDays(today, -n);

  /** What the sweep would find on asOf about one subject (other suites' data shares the database). */
  const about = async (asOf: string, subjectId: string): Promise<DueReminder[]> => (await finder.due(asOf)).filter((r) => r.subjectId === subjectId);

  /** A setting with an award approved today, and its contact. */
  async function approvedSetting() {
    const ready = await readySetting(app, admin, { today });
    const opened = await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201);
    await completeJudged(app, opened.body.id, ready.contact);
    await http(app).post(`/applications/${opened.body.id}/submit`).set(ready.contact.auth).send({}).expect(200);
    await http(app).post(`/applications/${opened.body.id}/start-review`).set(reviewer.auth).expect(200);
    const decided = await http(app)
      .post(`/applications/${opened.body.id}/decision`)
      .set(reviewer.auth)
      .send({ decision: 'approved', criteria: passAll() })
      .expect(200);
    return { ...ready, awardId: decided.body.awardId as string, expiresOn: addDays(addMonths(today, 12), -1) };
  }

  /** A service with its manager's sign-in and a supervisor on the team. */
  async function serviceWithManager() {
    const service = await build.service();
    const manager = await signedIn(app, 'service_manager', service.id);
    const supervisor = await build.person('Sue Supervisor');
    await build.member(service.id, supervisor.id, { role: 'supervisor', caseload: 0, startDate: ago(400) });
    return { service: service as { id: string; name: string }, manager, supervisor: supervisor as { id: string; name: string; email: string } };
  }

  beforeAll(async () => {
    app = await bootApi();
    finder = app.get(ReminderFinder);
    today = app.get(Clock).today();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    build = registerBuilder(app, admin);
  }, 60_000);

  afterAll(async () => app?.close());

  describe('award renewals', () => {
    let approved: Awaited<ReturnType<typeof approvedSetting>>;
    let dueOn: string;
    const renewal30 = (): ReminderIdentity => ({ kind: 'award-renewal-30', subjectKind: 'award', subjectId: approved.awardId, dueOn });

    beforeAll(async () => {
      approved = await approvedSetting();
      dueOn = addDays(approved.expiresOn, -30);
    }, 60_000);

    it('finds the 30-day renewal reminder once, for the setting, addressed to its contact', async () => {
      expect(await about(dueOn, approved.awardId)).toEqual([
        {
          kind: 'award-renewal-30',
          parameterVersion: expect.any(Number),
          subjectKind: 'award',
          subjectId: approved.awardId,
          dueOn,
          organisation: { kind: 'setting', id: approved.setting.id },
          recipients: [{ email: approved.contact.email, name: 'Test setting_contact' }],
          facts: expect.objectContaining({ settingName: approved.setting.name, awardExpiresOn: approved.expiresOn, daysLeft: 30 }),
        },
      ]);
      // A sweep that missed days still sends it, under the same due date; the day before, the 90-day one.
      expect(await about(addDays(dueOn, 3), approved.awardId)).toMatchObject([{ kind: 'award-renewal-30', dueOn }]);
      expect(await about(addDays(dueOn, -1), approved.awardId)).toMatchObject([{ kind: 'award-renewal-90', dueOn: addDays(approved.expiresOn, -90) }]);
      expect(await finder.stillDue(renewal30(), dueOn)).toEqual({ due: true });
      const unknown = { ...renewal30(), subjectId: '00000000-0000-4000-8000-000000000000' };
      expect(await finder.stillDueAll([unknown, renewal30(), { ...renewal30(), kind: 'award-renewal-7' }], dueOn)).toEqual([
        { due: false, reason: 'The award no longer exists.' },
        { due: true },
        { due: true },
      ]);
    });

    it('finds nothing once a renewal is approved, and says why at send time', async () => {
      const clock = travel(app);
      try {
        clock.to(dueOn);
        const opened = await http(app).post(`/settings/${approved.setting.id}/applications`).set(approved.contact.auth).expect(201);
        expect(opened.body.kind).toBe('renewal');
        await completeJudged(app, opened.body.id, approved.contact);
        await http(app).post(`/applications/${opened.body.id}/submit`).set(approved.contact.auth).send({}).expect(200);
        await http(app).post(`/applications/${opened.body.id}/start-review`).set(reviewer.auth).expect(200);
        await http(app).post(`/applications/${opened.body.id}/decision`).set(reviewer.auth).send({ decision: 'approved', criteria: passAll() }).expect(200);
      } finally {
        clock.restore();
      }
      expect(await about(dueOn, approved.awardId)).toEqual([]);
      const renewedTo = addDays(addMonths(addDays(approved.expiresOn, 1), 12), -1);
      expect(await finder.stillDue(renewal30(), addDays(dueOn, 1))).toEqual({ due: false, reason: `The award was renewed on ${dueOn} until ${renewedTo}.` });
      // The renewal continues the award, so it never counts as expired.
      expect(await about(addDays(approved.expiresOn, 1), approved.awardId)).toEqual([]);
    });
  });

  describe('awards at risk and expired', () => {
    let approved: Awaited<ReturnType<typeof approvedSetting>>;
    beforeAll(async () => {
      approved = await approvedSetting();
    }, 60_000);

    it('finds the award at risk on the day a trained member of staff has left, for the contact and NPA reviewers', async () => {
      await http(app)
        .patch(`/settings/${approved.setting.id}/staff/${approved.staff.Bob.staffId}`)
        .set(approved.contact.auth)
        .send({ endDate: after(10) })
        .expect(200);
      expect(await about(after(10), approved.awardId)).toEqual([]);
      const [atRisk, ...others] = await about(after(11), approved.awardId);
      expect(others).toEqual([]);
      expect(atRisk).toMatchObject({
        kind: 'award-at-risk',
        subjectKind: 'award',
        dueOn: after(11),
        organisation: { kind: 'setting', id: approved.setting.id },
      });
      expect(atRisk.facts).toMatchObject({ atRiskSince: after(11), mustPutRightBy: after(101), failing: [{ id: 'SA-TRAINED' }] });
      expect(atRisk.recipients).toEqual(
        expect.arrayContaining([
          { email: approved.contact.email, name: 'Test setting_contact' },
          { email: reviewer.email, name: 'Test npa_reviewer' },
        ]),
      );
      expect(await finder.stillDue(atRisk, after(12))).toEqual({ due: true });

      await http(app)
        .post(`/settings/${approved.setting.id}/staff`)
        .set(approved.contact.auth)
        .send({ personId: approved.staff.Dan.personId, startDate: after(30) })
        .expect(201);
      expect(await finder.stillDue(atRisk, after(30))).toEqual({
        due: false,
        reason: `The award is no longer at risk: the setting meets SA-TRAINED and SA-MEMBER again on ${after(30)}.`,
      });
    });

    it('finds the award expired the day after its end, within the catch-up window and not 40 days on', async () => {
      const expired = addDays(approved.expiresOn, 1);
      expect(await about(expired, approved.awardId)).toMatchObject([{ kind: 'award-expired', dueOn: expired }]);
      expect(await about(addDays(expired, 14), approved.awardId)).toMatchObject([{ kind: 'award-expired', dueOn: expired }]);
      expect(await about(addDays(expired, 40), approved.awardId)).toEqual([]);
    });
  });

  it('finds a membership expiring in 30 days, for the member and their service manager', async () => {
    const { service, manager } = await serviceWithManager();
    const member = await build.person('Mia Member');
    await build.member(service.id, member.id, { startDate: ago(200) });
    const membership = await build.membership(member.id, ago(300), after(40));
    expect(await about(after(9), membership.id)).toEqual([]);
    expect(await about(after(10), membership.id)).toEqual([
      {
        kind: 'membership-expiring',
        parameterVersion: expect.any(Number),
        subjectKind: 'membership',
        subjectId: membership.id,
        dueOn: after(10),
        organisation: { kind: 'service', id: service.id },
        recipients: [
          { email: member.email, name: member.name },
          { email: manager.email, name: 'Test service_manager' },
        ],
        facts: expect.objectContaining({ memberName: member.name, membershipEndsOn: after(40) }),
      },
    ]);

    await build.membership(member.id, after(41), after(406));
    expect(await about(after(10), membership.id)).toEqual([]);
    expect(
      await finder.stillDue({ kind: 'membership-expiring', subjectKind: 'membership', subjectId: membership.id, dueOn: after(10) }, after(10)),
    ).toMatchObject({
      due: false,
      reason: expect.stringMatching(new RegExp(`renewed: membership NPA-\\w+ runs from ${after(41)} until ${after(406)}`)),
    });
  });

  describe('supervision and induction', () => {
    let team: Awaited<ReturnType<typeof serviceWithManager>>;
    beforeAll(async () => {
      team = await serviceWithManager();
    }, 60_000);

    it('finds supervision due at 10 days since the last session and overdue at 15, for the supervisor and the manager', async () => {
      const practitioner = await build.person('Pat Practitioner');
      await build.member(team.service.id, practitioner.id, { startDate: ago(100) });
      await build.post(`/services/${team.service.id}/supervision-sessions`, {
        date: today,
        supervisorId: team.supervisor.id,
        practitionerIds: [practitioner.id],
      });
      const recipients = [
        { email: team.supervisor.email, name: team.supervisor.name },
        { email: team.manager.email, name: 'Test service_manager' },
      ];

      expect(await about(after(9), practitioner.id)).toEqual([]);
      expect(await about(after(10), practitioner.id)).toMatchObject([
        {
          kind: 'supervision-due',
          subjectKind: 'person',
          dueOn: after(10),
          organisation: { kind: 'service', id: team.service.id },
          recipients,
          facts: { lastSession: today },
        },
      ]);
      // Overdue takes the place of "due" from day 15.
      expect(await about(after(15), practitioner.id)).toMatchObject([{ kind: 'supervision-overdue', dueOn: after(15), recipients }]);
      expect(await about(after(50), practitioner.id)).toEqual([]);

      const overdue: ReminderIdentity = { kind: 'supervision-overdue', subjectKind: 'person', subjectId: practitioner.id, dueOn: after(15) };
      expect(await finder.stillDue(overdue, after(15))).toEqual({ due: true });
      const clock = travel(app);
      try {
        clock.to(after(12));
        await build.post(`/services/${team.service.id}/supervision-sessions`, {
          date: after(12),
          supervisorId: team.supervisor.id,
          practitionerIds: [practitioner.id],
        });
      } finally {
        clock.restore();
      }
      expect(await finder.stillDue(overdue, after(15))).toEqual({
        due: false,
        reason: `A supervision session with ${practitioner.name} on ${after(12)} has been logged since.`,
      });
      expect(await about(after(15), practitioner.id)).toEqual([]);
    });

    it('reads each practitioner’s latest session whichever was logged first, and follows a session’s date corrected in the log', async () => {
      const practitioner = await build.person('Lee Latest');
      await build.member(team.service.id, practitioner.id, { startDate: ago(100) });
      const log = (date: string) =>
        build.post(`/services/${team.service.id}/supervision-sessions`, { date, supervisorId: team.supervisor.id, practitionerIds: [practitioner.id] });
      const latest = (await log(ago(3))) as { id: string };
      await log(ago(30));
      const overdue = (last: string): ReminderIdentity => ({
        kind: 'supervision-overdue',
        subjectKind: 'person',
        subjectId: practitioner.id,
        dueOn: addDays(last, 15),
      });
      const supervision = async (asOf: string) => (await about(asOf, practitioner.id)).filter((r) => r.kind.startsWith('supervision'));

      expect(await supervision(addDays(ago(3), 15))).toMatchObject([{ kind: 'supervision-overdue', facts: { lastSession: ago(3) } }]);

      // Each participant keeps its session's date beside it; the foreign key on (session, date) carries a
      // correction made in the log to it, so the finder and the check before sending read the corrected day.
      await app.get(DataSource).query('UPDATE supervision_sessions SET date = $2 WHERE id = $1', [latest.id, ago(20)]);
      expect(await supervision(addDays(ago(20), 15))).toMatchObject([{ kind: 'supervision-overdue', facts: { lastSession: ago(20) } }]);
      expect(await supervision(addDays(ago(3), 15))).toEqual([]);
      expect(await finder.stillDue(overdue(ago(30)), addDays(ago(30), 15))).toEqual({
        due: false,
        reason: `A supervision session with ${practitioner.name} on ${ago(20)} has been logged since.`,
      });
      // A participant's copy cannot say another day than its session's.
      await expect(
        app.get(DataSource).query('UPDATE supervision_participants SET session_date = $2 WHERE session_id = $1', [latest.id, ago(3)]),
      ).rejects.toThrow(/foreign key/);
    });

    it('checks a mail job’s reminders together: the supervision ones in one query, each answered for itself, in the order asked', async () => {
      const [due, met, left] = [await build.person('Dee Due'), await build.person('Mel Met'), await build.person('Len Left')];
      for (const person of [due, met]) await build.member(team.service.id, person.id, { startDate: ago(100) });
      await build.member(team.service.id, left.id, { startDate: ago(100), endDate: ago(1) });
      await build.post(`/services/${team.service.id}/supervision-sessions`, { date: ago(2), supervisorId: team.supervisor.id, practitionerIds: [met.id] });
      const overdue = (subjectId: string): ReminderIdentity => ({ kind: 'supervision-overdue', subjectKind: 'person', subjectId, dueOn: ago(5) });
      const nobody = '00000000-0000-4000-8000-000000000000';
      const asked = [overdue(met.id), { ...overdue(nobody), kind: 'induction-overdue' }, overdue(due.id), overdue(nobody), overdue(left.id)];

      const answers = await finder.stillDueAll(asked, today);
      expect(answers).toEqual([
        { due: false, reason: `A supervision session with ${met.name} on ${ago(2)} has been logged since.` },
        await finder.stillDue(asked[1], today),
        { due: true },
        { due: false, reason: 'The practitioner is no longer on the register.' },
        { due: false, reason: `${left.name} is no longer a practitioner in any team on ${today}.` },
      ]);
      for (const [i, reminder] of asked.entries()) expect(await finder.stillDue(reminder, today)).toEqual(answers[i]);
    });

    it('finds the induction overdue the day the induction period ends without the checklist, for the manager', async () => {
      const starter = await build.person('Nia Newstarter');
      await build.member(team.service.id, starter.id, { startDate: ago(84) });
      const found = (await about(today, starter.id)).filter((r) => r.kind === 'induction-overdue');
      expect(found).toEqual([
        {
          kind: 'induction-overdue',
          parameterVersion: expect.any(Number),
          subjectKind: 'person',
          subjectId: starter.id,
          dueOn: today,
          organisation: { kind: 'service', id: team.service.id },
          recipients: [{ email: team.manager.email, name: 'Test service_manager' }],
          facts: expect.objectContaining({ practitionerName: starter.name, startDate: ago(84), inductionEnded: ago(1) }),
        },
      ]);
      expect((await about(ago(1), starter.id)).filter((r) => r.kind === 'induction-overdue')).toEqual([]);

      await build.post(`/people/${starter.id}/induction`, { completedOn: today });
      expect(await finder.stillDue(found[0], today)).toEqual({ due: false, reason: `${starter.name} completed the NPA induction checklist on ${today}.` });
      expect((await about(today, starter.id)).filter((r) => r.kind === 'induction-overdue')).toEqual([]);
    });

    it('never returns a reminder whose due date is 40 days old, but catches up one 10 days old', async () => {
      const starter = await build.person('Ola Oldstarter');
      await build.member(team.service.id, starter.id, { startDate: ago(124) });
      expect((await about(today, starter.id)).filter((r) => r.kind === 'induction-overdue')).toEqual([]);
      expect((await about(ago(30), starter.id)).filter((r) => r.kind === 'induction-overdue')).toMatchObject([{ dueOn: ago(40) }]);
    });
  });

  describe('applications', () => {
    let ready: Awaited<ReturnType<typeof readySetting>>;
    let applicationId: string;
    let first: string;

    beforeAll(async () => {
      ready = await readySetting(app, admin, { today });
      const opened = await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201);
      applicationId = opened.body.id;
      await completeJudged(app, applicationId, ready.contact);
      await http(app).post(`/applications/${applicationId}/submit`).set(ready.contact.auth).send({}).expect(200);
      first = workingDaysAfter(today, 10);
    }, 60_000);

    it('finds an application awaiting review 10 working days after submission, then weekly, for NPA reviewers', async () => {
      expect(await about(addDays(first, -1), applicationId)).toEqual([]);
      const [found, ...others] = await about(first, applicationId);
      expect(others).toEqual([]);
      expect(found).toMatchObject({
        kind: 'application-awaiting-review',
        subjectKind: 'application',
        dueOn: first,
        organisation: { kind: 'setting', id: ready.setting.id },
        facts: { submittedOn: today },
      });
      expect(found.recipients).toContainEqual({ email: reviewer.email, name: 'Test npa_reviewer' });
      expect(found.recipients.every((r) => r.email !== ready.contact.email)).toBe(true);
      expect(await about(addDays(first, 8), applicationId)).toMatchObject([{ kind: 'application-awaiting-review', dueOn: addDays(first, 7) }]);

      // Checked together as a mail job checks its ten: each answered for itself, in the order asked.
      const waiting = (subjectId: string, dueOn: string): ReminderIdentity => ({
        kind: 'application-awaiting-review',
        subjectKind: 'application',
        subjectId,
        dueOn,
      });
      expect(
        await finder.stillDueAll(
          [waiting(applicationId, addDays(first, 1)), waiting('00000000-0000-4000-8000-000000000000', first), waiting(applicationId, first)],
          first,
        ),
      ).toEqual([
        { due: false, reason: `The application was submitted again on ${today}; its reminders count from then.` },
        { due: false, reason: 'The application no longer exists.' },
        { due: true },
      ]);
    });

    it('finds information requested with no answer 14 days after the request, for the setting contact', async () => {
      await http(app).post(`/applications/${applicationId}/start-review`).set(reviewer.auth).expect(200);
      await http(app)
        .post(`/applications/${applicationId}/request-information`)
        .set(reviewer.auth)
        .send({ message: 'Please send an example of a shared record.' })
        .expect(200);
      expect(await finder.stillDue({ kind: 'application-awaiting-review', subjectKind: 'application', subjectId: applicationId, dueOn: first }, first)).toEqual(
        {
          due: false,
          reason: 'The application is no longer waiting for review: it is waiting for information from the setting.',
        },
      );

      expect(await about(after(13), applicationId)).toEqual([]);
      expect(await about(after(14), applicationId)).toEqual([
        {
          kind: 'information-requested-no-answer',
          parameterVersion: expect.any(Number),
          subjectKind: 'application',
          subjectId: applicationId,
          dueOn: after(14),
          organisation: { kind: 'setting', id: ready.setting.id },
          recipients: [{ email: ready.contact.email, name: 'Test setting_contact' }],
          facts: expect.objectContaining({ requestedOn: today, request: 'Please send an example of a shared record.' }),
        },
      ]);
    });
  });

  it('asks the database a fixed number of queries, however many subjects are due', async () => {
    const query = jest.spyOn(app.get(DataSource), 'query');
    try {
      const found = await finder.due(after(15));
      expect(found.length).toBeGreaterThan(0);
      // One per kind or family of kinds, the setting facts for awards at risk (one per kind of fact), the
      // users, and the names of the settings whose awards expire (asked of the registry, which owns them).
      expect(query.mock.calls.length).toBeLessThanOrEqual(17);
    } finally {
      query.mockRestore();
    }
  });
});
