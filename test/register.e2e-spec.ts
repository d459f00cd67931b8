import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { todayIn } from '@npa/platform';
import { bootApi } from './support/boot';
import { http, signedIn, SignedIn, uniqueEmail } from './support/people';
import { daysAgo, registerBuilder } from './support/register';

describe('The register', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let build: ReturnType<typeof registerBuilder>;
  const today = todayIn('Europe/London', new Date());

  beforeAll(async () => {
    app = await bootApi();
    admin = await signedIn(app, 'npa_admin');
    build = registerBuilder(app, admin);
  });

  afterAll(async () => app?.close());

  describe('services and teams', () => {
    it('registers a service with a registration number, and audits it', async () => {
      const service = await build.service({ name: 'Portsmouth Portage' });
      expect(service).toMatchObject({
        id: expect.any(String),
        name: 'Portsmouth Portage',
        ageRange: '0-5',
        registrationNumber: expect.stringMatching(/^NPA-S-\d{5}$/),
      });
      const audit = await http(app).get(`/audit?entity=service&id=${service.id}`).set(admin.auth).expect(200);
      expect(audit.body.items[0].action).toBe('service.registered');
    });

    it('reads a service back by id as it was registered, and 404 for an id that names none', async () => {
      const service = await build.service({ name: 'Read Back Portage' });
      const read = await http(app).get(`/services/${service.id}`).set(admin.auth).expect(200);
      expect(read.body).toEqual(service);
      expect(read.body.registeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const none = await http(app).get('/services/00000000-0000-4000-8000-000000000000').set(admin.auth).expect(404);
      expect(none.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    });

    it('refuses a bad age range and unknown fields with details', async () => {
      const response = await http(app)
        .post('/services')
        .set(admin.auth)
        .send({ name: 'X', localAuthority: 'Y', region: 'Z', ageRange: '0-7', id: 'mine' })
        .expect(400);
      expect(response.body.details).toEqual(
        expect.arrayContaining([
          { field: 'id', problem: 'is not a field this request accepts' },
          { field: 'ageRange', problem: expect.stringContaining('one of the following values') },
        ]),
      );
    });

    it('adds team members, records a leaver by end date, and lists the team as of a date', async () => {
      const service = await build.service();
      const alex = await build.person('Alex Practitioner');
      const sam = await build.person('Sam Supervisor');
      const member = await build.member(service.id, alex.id, { fte: 0.6, caseload: 9 });
      await build.member(service.id, sam.id, { role: 'supervisor', fte: 1, caseload: 0 });
      expect(member).toMatchObject({ personId: alex.id, role: 'practitioner', fte: 0.6, caseload: 9, endDate: null, name: 'Alex Practitioner' });

      const left = await http(app)
        .patch(`/services/${service.id}/team/${member.id}`)
        .set(admin.auth)
        .send({ endDate: daysAgo(today, 5) })
        .expect(200);
      expect(left.body.endDate).toBe(daysAgo(today, 5));

      const now = await http(app).get(`/services/${service.id}/team?asOf=${today}`).set(admin.auth).expect(200);
      expect(now.body.items.map((m: { name: string }) => m.name)).toEqual(['Sam Supervisor']);
      const before = await http(app)
        .get(`/services/${service.id}/team?asOf=${daysAgo(today, 10)}`)
        .set(admin.auth)
        .expect(200);
      expect(before.body.total).toBe(2);
    });

    it('refuses an FTE out of (0, 1], a negative caseload, and a second overlapping post', async () => {
      const service = await build.service();
      const person = await build.person();
      for (const bad of [{ fte: 0 }, { fte: 1.5 }, { caseload: -1 }]) {
        await http(app)
          .post(`/services/${service.id}/team`)
          .set(admin.auth)
          .send({ personId: person.id, role: 'practitioner', fte: 1, caseload: 1, startDate: '2024-01-01', ...bad })
          .expect(400);
      }
      await build.member(service.id, person.id);
      const again = await http(app)
        .post(`/services/${service.id}/team`)
        .set(admin.auth)
        .send({ personId: person.id, role: 'practitioner', fte: 1, caseload: 1, startDate: '2024-06-01' })
        .expect(409);
      expect(again.body.message).toMatch(/already has a post/);
    });

    it("lets a service manager work on their own team, and answers 404 for another service's", async () => {
      const own = await build.service();
      const other = await build.service();
      const manager = await signedIn(app, 'service_manager', own.id);
      const person = (
        await http(app)
          .post('/people')
          .set(manager.auth)
          .send({ name: 'New Starter', email: uniqueEmail('starter') })
          .expect(201)
      ).body;
      await http(app)
        .post(`/services/${own.id}/team`)
        .set(manager.auth)
        .send({ personId: person.id, role: 'practitioner', fte: 1, caseload: 3, startDate: today })
        .expect(201);
      await http(app).get(`/services/${own.id}/team`).set(manager.auth).expect(200);

      await http(app).get(`/services/${other.id}/team`).set(manager.auth).expect(404);
      await http(app)
        .post(`/services/${other.id}/team`)
        .set(manager.auth)
        .send({ personId: person.id, role: 'practitioner', fte: 1, caseload: 3, startDate: today })
        .expect(404);
      await http(app).get(`/services/${other.id}`).set(manager.auth).expect(404);
      const list = await http(app).get('/services').set(manager.auth).expect(200);
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([own.id]);
      await http(app).post('/services').set(manager.auth).send({ name: 'X', localAuthority: 'Y', region: 'Z', ageRange: '0-3' }).expect(403);
    });

    it('records networking attendance', async () => {
      const service = await build.service();
      await build.post(`/services/${service.id}/networking-attendance`, { date: daysAgo(today, 30), event: 'Development Day' });
      const list = await http(app).get(`/services/${service.id}/networking-attendance`).set(admin.auth).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ event: 'Development Day' })]);
    });
  });

  describe('people, memberships, qualifications, induction', () => {
    it('refuses a duplicate email with 409, whatever its case', async () => {
      const email = uniqueEmail('twin');
      await http(app).post('/people').set(admin.auth).send({ name: 'One', email }).expect(201);
      const again = await http(app).post('/people').set(admin.auth).send({ name: 'Two', email: email.toUpperCase() }).expect(409);
      expect(again.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'A person with this email is already on the register.' });
    });

    it('adds and end-dates a membership, refusing overlaps and backwards dates', async () => {
      const person = await build.person();
      const membership = await build.membership(person.id, '2025-01-01', '2025-12-31');
      await http(app)
        .post(`/people/${person.id}/memberships`)
        .set(admin.auth)
        .send({ number: 'N1', startDate: '2025-06-01', endDate: '2026-05-31' })
        .expect(409);
      await http(app)
        .post(`/people/${person.id}/memberships`)
        .set(admin.auth)
        .send({ number: 'N1', startDate: '2026-06-01', endDate: '2026-01-01' })
        .expect(400);
      const ended = await http(app).patch(`/people/${person.id}/memberships/${membership.id}`).set(admin.auth).send({ endDate: '2025-09-30' }).expect(200);
      expect(ended.body.endDate).toBe('2025-09-30');
      const detail = await http(app).get(`/people/${person.id}`).set(admin.auth).expect(200);
      expect(detail.body.memberships).toEqual([expect.objectContaining({ startDate: '2025-01-01', endDate: '2025-09-30' })]);
    });

    it('records qualifications and the induction checklist, refusing a future completion', async () => {
      const person = await build.person();
      await build.post(`/people/${person.id}/qualifications`, { kind: 'level3', status: 'working_towards' });
      await build.post(`/people/${person.id}/induction`, { completedOn: daysAgo(today, 1) });
      await http(app).post(`/people/${person.id}/induction`).set(admin.auth).send({ completedOn: '2999-01-01' }).expect(400);
      await http(app).post(`/people/${person.id}/qualifications`).set(admin.auth).send({ kind: 'phd', status: 'achieved' }).expect(400);
      const detail = await http(app).get(`/people/${person.id}`).set(admin.auth).expect(200);
      expect(detail.body).toMatchObject({ qualifications: [{ kind: 'level3', status: 'working_towards' }], inductionCompletedOn: daysAgo(today, 1) });
    });

    it("answers 404 for a person outside a manager's team", async () => {
      const service = await build.service();
      const manager = await signedIn(app, 'service_manager', service.id);
      const stranger = await build.person('Stranger');
      await http(app).get(`/people/${stranger.id}`).set(manager.auth).expect(404);
      await http(app)
        .post(`/people/${stranger.id}/memberships`)
        .set(manager.auth)
        .send({ number: 'X', startDate: '2025-01-01', endDate: '2025-12-31' })
        .expect(404);
    });

    it('pages through 10,000 people correctly', async () => {
      const domain = `page-${Date.now()}.example.org`;
      await app
        .get(DataSource)
        .query(`INSERT INTO people (name, email) SELECT 'Person ' || lpad(n::text, 5, '0'), 'p' || n || '@${domain}' FROM generate_series(1, 10000) n`);
      const seen = new Set<string>();
      let total = 0;
      for (let page = 1; page <= 20; page++) {
        const response = await http(app).get(`/people?q=${domain}&page=${page}&pageSize=500&sort=email`).set(admin.auth).expect(200);
        total = response.body.total;
        expect(response.body.items).toHaveLength(500);
        for (const p of response.body.items) seen.add(p.id);
      }
      expect(total).toBe(10000);
      expect(seen.size).toBe(10000);
      const past = await http(app).get(`/people?q=${domain}&page=21&pageSize=500`).set(admin.auth).expect(200);
      expect(past.body.items).toHaveLength(0);
      await http(app).get('/people?sort=password').set(admin.auth).expect(400);
    });
  });

  describe('settings, inspections and staff', () => {
    it('refuses a duplicate Ofsted URN with 409', async () => {
      const setting = await build.setting();
      const again = await http(app)
        .post('/settings')
        .set(admin.auth)
        .send({ name: 'Copy', ofstedUrn: setting.ofstedUrn, kind: 'preschool', staffCount: 3 })
        .expect(409);
      expect(again.body.message).toContain(setting.ofstedUrn);
      await http(app).post('/settings').set(admin.auth).send({ name: 'Bad', ofstedUrn: 'not-a-urn', kind: 'nursery', staffCount: 3 }).expect(400);
    });

    it('lets a setting contact propose inspections and record staff for their own setting only', async () => {
      const own = await build.setting();
      const other = await build.setting();
      const contact = await signedIn(app, 'setting_contact', own.id);
      const person = (
        await http(app)
          .post('/people')
          .set(contact.auth)
          .send({ name: 'Nursery Nurse', email: uniqueEmail('nn') })
          .expect(201)
      ).body;
      const proposal = await http(app)
        .post(`/settings/${own.id}/inspections`)
        .set(contact.auth)
        .send({ date: '2024-03-01', grade: 'good', reportUrl: 'https://reports.ofsted.gov.uk/provider/16/EY200001' })
        .expect(202);
      expect(proposal.body).toMatchObject({ status: 'proposed', date: '2024-03-01', grade: 'good' });
      const staff = (await http(app).post(`/settings/${own.id}/staff`).set(contact.auth).send({ personId: person.id, startDate: '2024-01-01' }).expect(201))
        .body;
      await http(app)
        .patch(`/settings/${own.id}/staff/${staff.id}`)
        .set(contact.auth)
        .send({ endDate: daysAgo(today, 1) })
        .expect(200);
      const current = await http(app).get(`/settings/${own.id}/staff?asOf=${today}`).set(contact.auth).expect(200);
      expect(current.body.total).toBe(0);

      await http(app).get(`/settings/${other.id}/staff`).set(contact.auth).expect(404);
      await http(app).post(`/settings/${other.id}/inspections`).set(contact.auth).send({ date: '2024-03-01', grade: 'good' }).expect(404);
      await http(app)
        .patch(`/settings/${own.id}/staff/${staff.id}`)
        .set(contact.auth)
        .send({ endDate: daysAgo(today, 1), settingId: other.id })
        .expect(400);
    });
  });

  describe('supervision log', () => {
    it('records individual and group sessions; a group counts for each practitioner', async () => {
      const service = await build.service();
      const [p1, p2, sup] = [await build.person('P One'), await build.person('P Two'), await build.person('Sup')];
      await build.member(service.id, p1.id);
      await build.member(service.id, p2.id);
      await build.member(service.id, sup.id, { role: 'supervisor', caseload: 0 });
      const group = await build.post(`/services/${service.id}/supervision-sessions`, {
        date: daysAgo(today, 3),
        supervisorId: sup.id,
        practitionerIds: [p1.id, p2.id],
      });
      expect(group).toMatchObject({ kind: 'group', practitionerIds: [p1.id, p2.id] });
      const list = await http(app).get(`/services/${service.id}/supervision-sessions`).set(admin.auth).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: group.id, practitionerIds: expect.arrayContaining([p1.id, p2.id]) })]);
    });

    it('refuses a future date, and a supervisor who is not on the team', async () => {
      const service = await build.service();
      const [p1, outsider] = [await build.person('P'), await build.person('Outsider')];
      await build.member(service.id, p1.id);
      const future = await http(app)
        .post(`/services/${service.id}/supervision-sessions`)
        .set(admin.auth)
        .send({ date: '2999-01-01', supervisorId: p1.id, practitionerIds: [p1.id] })
        .expect(400);
      expect(future.body.details).toEqual([{ field: 'date', problem: 'must be today or earlier' }]);
      const stranger = await http(app)
        .post(`/services/${service.id}/supervision-sessions`)
        .set(admin.auth)
        .send({ date: today, supervisorId: outsider.id, practitionerIds: [p1.id] })
        .expect(400);
      expect(stranger.body.details).toEqual([{ field: 'supervisorId', problem: `is not on this service's team on ${today}` }]);
      const rows = await app.get(DataSource).query('SELECT 1 FROM supervision_sessions WHERE service_id = $1', [service.id]);
      expect(rows).toHaveLength(0);
    });
  });
});
