import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addDays, Clock } from '@npa/platform';
import { readySetting } from './support/approval';
import { bootApi } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';

const REPORT = 'https://reports.ofsted.gov.uk/provider/16/EY300001';

describe('No self-certification: inspections proposed by a setting, recorded by NPA staff', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;
  let ready: Awaited<ReturnType<typeof readySetting>>;
  let otherContact: SignedIn;

  const rule = async (id: string) => {
    const { body } = await http(app).get(`/settings/${ready.setting.id}/compliance`).set(reviewer.auth).expect(200);
    return (body.rules as { id: string; outcome: string; facts: Record<string, unknown> }[]).find((r) => r.id === id)!;
  };
  const propose = (body: object, as = ready.contact) => http(app).post(`/settings/${ready.setting.id}/inspections`).set(as.auth).send(body);

  beforeAll(async () => {
    app = await bootApi();
    today = app.get(Clock).today();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    ready = await readySetting(app, admin, { today, inspection: false });
    const other = await readySetting(app, admin, { today });
    otherContact = other.contact;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it("answers a setting contact's inspection with 202 and a proposal that does not count for SA-OFSTED", async () => {
    const proposal = await propose({ date: addDays(today, -60), grade: 'outstanding', reportUrl: REPORT }).expect(202);
    expect(proposal.body).toMatchObject({ status: 'proposed', grade: 'outstanding', reportUrl: REPORT, proposed: true, decidedAt: null });
    expect(await rule('SA-OFSTED')).toMatchObject({ outcome: 'fail', facts: { latest: null } });
    const listed = await http(app).get(`/settings/${ready.setting.id}/inspections`).set(ready.contact.auth).expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: proposal.body.id, status: 'proposed' })]);
  });

  it("asks a setting contact for the report's address, and refuses one that is not an address", async () => {
    const missing = await propose({ date: addDays(today, -30), grade: 'good' }).expect(400);
    expect(missing.body.details).toEqual([{ field: 'reportUrl', problem: expect.stringContaining('required') }]);
    const bad = await propose({ date: addDays(today, -30), grade: 'good', reportUrl: 'javascript:alert(1)' }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'reportUrl' })]);
  });

  it('lets NPA staff confirm a proposal once; from then on it counts', async () => {
    const proposal = await propose({ date: addDays(today, -45), grade: 'good', reportUrl: REPORT }).expect(202);
    const url = `/settings/${ready.setting.id}/inspections/${proposal.body.id}`;
    await http(app).post(`${url}/confirm`).set(ready.contact.auth).expect(403);
    await http(app).post(`${url}/confirm`).set(otherContact.auth).expect(403);
    const confirmed = await http(app).post(`${url}/confirm`).set(reviewer.auth).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'recorded', decidedAt: expect.any(String) });
    expect(confirmed.body).not.toHaveProperty('decidedBy');
    expect(await rule('SA-OFSTED')).toMatchObject({ outcome: 'pass', facts: { latest: { date: addDays(today, -45), grade: 'good' } } });
    const again = await http(app).post(`${url}/confirm`).set(admin.auth).expect(409);
    expect(again.body.message).toContain('recorded already');
    const audit = await app
      .get(DataSource)
      .query<{ action: string }[]>(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'inspection.%' ORDER BY at`, [ready.setting.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['inspection.proposed', 'inspection.confirmed']));
  });

  it('lets NPA staff reject a proposal with a reason the setting sees; a rejected one never counts', async () => {
    const proposal = await propose({ date: addDays(today, -5), grade: 'inadequate', reportUrl: REPORT }).expect(202);
    const url = `/settings/${ready.setting.id}/inspections/${proposal.body.id}`;
    await http(app).post(`${url}/reject`).set(reviewer.auth).send({}).expect(400);
    const rejected = await http(app).post(`${url}/reject`).set(reviewer.auth).send({ reason: 'Ofsted has no inspection on that date.' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Ofsted has no inspection on that date.' });
    expect(await rule('SA-OFSTED')).toMatchObject({ outcome: 'pass' });
    await http(app).post(`${url}/confirm`).set(reviewer.auth).expect(409);
    const seen = await http(app).get(`/settings/${ready.setting.id}/inspections`).set(ready.contact.auth).expect(200);
    expect(seen.body.find((i: { id: string }) => i.id === proposal.body.id)).toMatchObject({ status: 'rejected', rejectionReason: expect.any(String) });
  });

  it('lets NPA staff record an inspection outright (201), counted at once', async () => {
    const recorded = await http(app)
      .post(`/settings/${ready.setting.id}/inspections`)
      .set(admin.auth)
      .send({ date: addDays(today, -2), grade: 'requires_improvement' })
      .expect(201);
    expect(recorded.body).toMatchObject({ status: 'recorded', proposed: false, reportUrl: null });
    expect(await rule('SA-OFSTED')).toMatchObject({ outcome: 'fail', facts: { latest: { grade: 'requires_improvement' } } });
  });

  it("keeps another setting's contact away from this setting's inspections", async () => {
    const proposal = await propose({ date: addDays(today, -3), grade: 'good', reportUrl: REPORT }).expect(202);
    await http(app)
      .post(`/settings/${ready.setting.id}/inspections`)
      .set(otherContact.auth)
      .send({ date: addDays(today, -3), grade: 'good', reportUrl: REPORT })
      .expect(404);
    await http(app).get(`/settings/${ready.setting.id}/inspections`).set(otherContact.auth).expect(404);
    await http(app).post(`/settings/${ready.setting.id}/inspections/${proposal.body.id}/reject`).set(otherContact.auth).send({ reason: 'no' }).expect(403);
    // Staff naming the proposal under another setting find nothing.
    const elsewhere = (await http(app).get('/auth/me').set(otherContact.auth).expect(200)).body.organisationId as string;
    await http(app).post(`/settings/${elsewhere}/inspections/${proposal.body.id}/confirm`).set(reviewer.auth).expect(404);
  });
});

describe('SA-TRAINED counts the staff on the register, and a change to the declared count is audited', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;
  let ready: Awaited<ReturnType<typeof readySetting>>;

  const trained = async () => {
    const { body } = await http(app).get(`/settings/${ready.setting.id}/compliance`).set(ready.contact.auth).expect(200);
    return (body.rules as { id: string; outcome: string; facts: Record<string, unknown> }[]).find((r) => r.id === 'SA-TRAINED')!;
  };

  beforeAll(async () => {
    app = await bootApi();
    today = app.get(Clock).today();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    ready = await readySetting(app, admin, { today });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('does not let a lowered staff count make a setting of four on the register "small"', async () => {
    // Eve (untrained) and Dan (trained) join, Bob (trained) leaves, and the setting declares one member of staff.
    const eve = await ready.build.person('Eve Staff');
    await ready.build.post(`/settings/${ready.setting.id}/staff`, { personId: eve.id, startDate: addDays(today, -10) });
    const dan = ready.staff.Dan.personId;
    await ready.build.post(`/settings/${ready.setting.id}/staff`, { personId: dan, startDate: addDays(today, -10) });
    await http(app)
      .patch(`/settings/${ready.setting.id}/staff/${ready.staff.Bob.staffId}`)
      .set(ready.contact.auth)
      .send({ endDate: addDays(today, -1) })
      .expect(200);
    await http(app).patch(`/settings/${ready.setting.id}`).set(ready.contact.auth).send({ staffCount: 1 }).expect(200);
    // Ann and Dan trained, Cat and Eve not: four on the register, so two are needed whatever is declared.
    expect(await trained()).toMatchObject({ outcome: 'pass', facts: { staffCount: 1, staffOnRegister: 4, headcount: 4, required: 2 } });
    await http(app)
      .patch(`/settings/${ready.setting.id}/staff/${await staffIdOf(dan)}`)
      .set(ready.contact.auth)
      .send({ endDate: addDays(today, -1) })
      .expect(200);
    // Three on the register: small by the register's own count, so one trained is enough.
    expect(await trained()).toMatchObject({ outcome: 'pass', facts: { staffOnRegister: 3, headcount: 3, required: 1 } });
    await ready.build.post(`/settings/${ready.setting.id}/staff`, { personId: (await ready.build.person('Fay Staff')).id, startDate: addDays(today, -1) });
    expect(await trained()).toMatchObject({ outcome: 'fail', facts: { staffCount: 1, staffOnRegister: 4, headcount: 4, required: 2 } });
  });

  it('keeps every change of the declared count, who made it and when, for reviewers', async () => {
    await http(app).patch(`/settings/${ready.setting.id}`).set(admin.auth).send({ staffCount: 6 }).expect(200);
    await http(app).patch(`/settings/${ready.setting.id}`).set(ready.contact.auth).send({ name: 'Renamed Acorns' }).expect(200);
    const changes = await http(app).get(`/settings/${ready.setting.id}/staff-count-changes`).set(reviewer.auth).expect(200);
    expect(changes.body).toEqual([
      { fromCount: 1, toCount: 6, changedAt: expect.any(String), changedBy: { name: expect.any(String), role: 'npa_admin' } },
      { fromCount: 8, toCount: 1, changedAt: expect.any(String), changedBy: { name: expect.any(String), role: 'setting_contact' } },
    ]);
    const audit = await app
      .get(DataSource)
      .query<{ before: unknown; after: unknown }[]>(
        `SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'setting.staff_count_changed' ORDER BY at`,
        [ready.setting.id],
      );
    expect(audit).toEqual([
      { before: { staffCount: 8 }, after: { staffCount: 1 } },
      { before: { staffCount: 1 }, after: { staffCount: 6 } },
    ]);
  });

  async function staffIdOf(personId: string): Promise<string> {
    const { body } = await http(app).get(`/settings/${ready.setting.id}/staff?pageSize=100`).set(admin.auth).expect(200);
    return (body.items as { id: string; personId: string; endDate: string | null }[]).find((s) => s.personId === personId && !s.endDate)!.id;
  }
});
