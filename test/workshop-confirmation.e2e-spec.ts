import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Letter, LetterStanding } from '@npa/letters';
import { bootApi } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';
import { registerBuilder } from './support/register';
import { makeTrainer, makeWorkshop, TestTrainer } from './support/training';
import { formSession, webSession } from './support/web-session';

/**
 * A trainer can schedule a workshop in the past and record completions at once: one that began more
 * than the rule parameter's days (30) before it was scheduled waits for NPA staff before it counts.
 */
describe('Backdated workshops wait for NPA staff to confirm them before their completions count', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let trainer: TestTrainer;
  let trainerUser: SignedIn;

  beforeAll(async () => {
    app = await bootApi();
    admin = await signedIn(app, 'npa_admin');
    trainer = await makeTrainer(app, admin, -400, 400);
    trainerUser = await trainer.signIn();
  }, 60_000);

  afterAll(async () => app?.close());

  /** A practitioner in a new service, who attends the workshop and completes it (recorded by its trainer). */
  const completion = async (workshopId: string) => {
    const build = registerBuilder(app, admin);
    const service = await build.service();
    const person = await build.person('Tia Trained');
    await build.member(service.id, person.id);
    await http(app).post(`/workshops/${workshopId}/attendees`).set(trainerUser.auth).send({ personId: person.id }).expect(201);
    const outcome = await http(app)
      .post(`/workshops/${workshopId}/outcomes`)
      .set(trainerUser.auth)
      .send({ personId: person.id, outcome: 'completed' })
      .expect(201);
    return { serviceId: service.id as string, certificateCode: outcome.body.certificateCode as string };
  };
  const workshopRule = async (serviceId: string) => {
    const answer = await http(app).get(`/services/${serviceId}/compliance`).set(admin.auth).expect(200);
    return (answer.body.rules as { id: string; outcome: string }[]).find((r) => r.id === 'SR-WORKSHOP')!.outcome;
  };
  /** Whether a certificate letter for the completion would stand, as /letters/verify answers. */
  const letterStands = async (certificateCode: string) =>
    (await app.get(LetterStanding).of({ kind: 'workshop-certificate', data: { body: { certificateCode } } } as unknown as Letter, '2026-01-01')).stands;
  const audit = async (workshopId: string) =>
    app
      .get(DataSource)
      .query<{ action: string; actor_id: string }[]>(`SELECT action, actor_id FROM audit_log WHERE entity = 'workshop' AND entity_id = $1 ORDER BY id`, [
        workshopId,
      ]);

  it('counts a trainer’s workshop from within the last 30 days at once, and one staff schedule however far back', async () => {
    const recent = await makeWorkshop(app, trainerUser, trainer.id, -30, -29);
    const byStaff = await makeWorkshop(app, admin, trainer.id, -200, -199);
    for (const id of [recent, byStaff]) {
      expect((await http(app).get(`/workshops/${id}`).set(admin.auth).expect(200)).body.awaitingConfirmation).toBe(false);
      const { serviceId, certificateCode } = await completion(id);
      expect(await workshopRule(serviceId)).toBe('pass');
      expect((await http(app).get(`/certificates/${certificateCode}`).expect(200)).body.valid).toBe(true);
    }
  });

  it('does not count a trainer’s workshop from further back until NPA staff confirm it through the API, audited', async () => {
    const backdated = await makeWorkshop(app, trainerUser, trainer.id, -31, -31);
    expect((await http(app).get(`/workshops/${backdated}`).set(trainerUser.auth).expect(200)).body.awaitingConfirmation).toBe(true);
    const { serviceId, certificateCode } = await completion(backdated);

    // Not for compliance, and the certificate answers as an unknown code does.
    expect(await workshopRule(serviceId)).toBe('fail');
    const unknown = await http(app).get('/certificates/NPA-AAAAA-BBBBB').expect(404);
    expect((await http(app).get(`/certificates/${certificateCode}`).expect(404)).body).toEqual(unknown.body);
    expect(await letterStands(certificateCode)).toBe(false);

    // The trainer cannot confirm their own workshop; NPA staff can, once.
    await http(app).post(`/workshops/${backdated}/confirm`).set(trainerUser.auth).expect(403);
    const confirmed = await http(app).post(`/workshops/${backdated}/confirm`).set(admin.auth).expect(200);
    expect(confirmed.body).toMatchObject({ id: backdated, awaitingConfirmation: false });
    await http(app).post(`/workshops/${backdated}/confirm`).set(admin.auth).expect(409);
    expect(await audit(backdated)).toEqual([
      { action: 'workshop.created', actor_id: trainerUser.id },
      { action: 'workshop.confirmed', actor_id: admin.id },
    ]);

    expect(await workshopRule(serviceId)).toBe('pass');
    expect((await http(app).get(`/certificates/${certificateCode}`).expect(200)).body.valid).toBe(true);
    expect(await letterStands(certificateCode)).toBe(true);
  });

  it('follows the rule parameter: with 60 days, a workshop 45 days back counts at once', async () => {
    await http(app).put('/compliance/parameters').set(admin.auth).send({ workshopBackdateDays: 60 }).expect(200);
    try {
      const id = await makeWorkshop(app, trainerUser, trainer.id, -45, -45);
      expect((await http(app).get(`/workshops/${id}`).set(admin.auth).expect(200)).body.awaitingConfirmation).toBe(false);
    } finally {
      await http(app).put('/compliance/parameters').set(admin.auth).send({ workshopBackdateDays: 30 }).expect(200);
    }
  });

  it('lists it on the office dashboard, where staff confirm it (audited) and it leaves the list', async () => {
    const backdated = await makeWorkshop(app, trainerUser, trainer.id, -90, -89);
    const { serviceId } = await completion(backdated);
    const form = await formSession(app, '/office', await webSession(app, admin.email));
    expect(form.html).toContain('Workshops waiting for confirmation');
    expect(form.html).toContain(`action="/office/workshops/${backdated}/confirm"`);

    await http(app).post(`/office/workshops/${backdated}/confirm`).set('Cookie', form.cookies).type('form').send({}).expect(403);
    const done = await http(app)
      .post(`/office/workshops/${backdated}/confirm`)
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token })
      .expect(303);
    expect(done.headers.location).toMatch(/^\/office\?notice=.*confirmed/);
    expect((await audit(backdated)).map((a) => a.action)).toEqual(['workshop.created', 'workshop.confirmed']);
    expect(await workshopRule(serviceId)).toBe('pass');
    const after = await http(app).get('/office').set('Cookie', form.cookies).expect(200);
    expect(after.text).not.toContain(`/office/workshops/${backdated}/confirm`);
  });
});
