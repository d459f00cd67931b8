import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { BACKFILL_TRAINER_ACCOUNTS } from '../migrations/1795463000000-LinkTrainerToUser';
import { bootApi } from './support/boot';
import { http, SignedIn, signedIn, uniqueEmail } from './support/people';
import { day, makePerson, makeSetting, makeTrainer, makeWorkshop, TestTrainer } from './support/training';

const CODE = /^NPA-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/;

describe('Training records: trainers, workshops, attendees, outcomes and certificates', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let trainer: TestTrainer;
  let trainerUser: SignedIn;
  let otherTrainer: TestTrainer;
  let otherTrainerUser: SignedIn;

  const auditActions = async (entityId: string): Promise<{ action: string; actor_id: string }[]> =>
    app.get(DataSource).query('SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY id', [entityId]);

  beforeAll(async () => {
    app = await bootApi();
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    trainer = await makeTrainer(app, admin);
    trainerUser = await trainer.signIn();
    otherTrainer = await makeTrainer(app, admin);
    otherTrainerUser = await otherTrainer.signIn();
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('trainers', () => {
    it('lets NPA staff make a person a trainer with a first accreditation period, audited', async () => {
      const person = await makePerson(app, 'new-trainer');
      const response = await http(app)
        .post('/trainers')
        .set(reviewer.auth)
        .send({ personId: person.id, accreditedFrom: day(app, -30), accreditedTo: day(app, 335) })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        personId: person.id,
        userId: null,
        name: person.name,
        email: person.email,
        accreditations: [{ id: expect.any(String), accreditedFrom: day(app, -30), accreditedTo: day(app, 335) }],
        accreditedNow: true,
      });
      expect(await auditActions(response.body.id)).toEqual([{ action: 'trainer.created', actor_id: reviewer.id }]);
    });

    it('refuses a setting contact with 403', async () => {
      const contact = await signedIn(app, 'setting_contact', (await makeSetting(app)).id);
      const person = await makePerson(app);
      const response = await http(app)
        .post('/trainers')
        .set(contact.auth)
        .send({ personId: person.id, accreditedFrom: day(app, 0), accreditedTo: day(app, 1) })
        .expect(403);
      expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Your role may not do this.' });
    });

    it('answers 404 for an unknown person, 409 for a second trainer record and 400 for a period ending before it starts', async () => {
      const period = { accreditedFrom: day(app, 0), accreditedTo: day(app, 10) };
      await http(app)
        .post('/trainers')
        .set(admin.auth)
        .send({ personId: '00000000-0000-4000-8000-000000000000', ...period })
        .expect(404);
      const again = await http(app)
        .post('/trainers')
        .set(admin.auth)
        .send({ personId: trainer.person.id, ...period })
        .expect(409);
      expect(again.body.message).toBe('This person is already a trainer; add an accreditation period to their trainer record instead.');
      const person = await makePerson(app);
      const backwards = await http(app)
        .post('/trainers')
        .set(admin.auth)
        .send({ personId: person.id, accreditedFrom: day(app, 10), accreditedTo: day(app, 9) })
        .expect(400);
      expect(backwards.body.details).toEqual([{ field: 'accreditedTo', problem: 'must not be before accreditedFrom' }]);
      const notADate = await http(app)
        .post('/trainers')
        .set(admin.auth)
        .send({ personId: person.id, accreditedFrom: '2025-02-30', accreditedTo: day(app, 9) })
        .expect(400);
      expect(notADate.body.details).toEqual([{ field: 'accreditedFrom', problem: 'must be a date written YYYY-MM-DD' }]);
    });

    it('renews a lapsed trainer with a new period, and lists trainers accredited today', async () => {
      const lapsed = await makeTrainer(app, admin, -400, -10);
      const currentIds = async () => {
        const list = await http(app).get('/trainers?current=true&pageSize=500').set(reviewer.auth).expect(200);
        return list.body.items.map((t: { id: string }) => t.id);
      };
      expect(await currentIds()).not.toContain(lapsed.id);

      const renewal = await http(app)
        .post(`/trainers/${lapsed.id}/accreditations`)
        .set(reviewer.auth)
        .send({ accreditedFrom: day(app, -9), accreditedTo: day(app, 356) })
        .expect(201);
      expect(renewal.body).toEqual({ id: expect.any(String), trainerId: lapsed.id, accreditedFrom: day(app, -9), accreditedTo: day(app, 356) });
      await http(app)
        .post(`/trainers/${lapsed.id}/accreditations`)
        .set(reviewer.auth)
        .send({ accreditedFrom: day(app, -9), accreditedTo: day(app, 356) })
        .expect(409);

      const record = await http(app).get(`/trainers/${lapsed.id}`).set(admin.auth).expect(200);
      expect(record.body.accreditations.map((a: { accreditedTo: string }) => a.accreditedTo)).toEqual([day(app, -10), day(app, 356)]);
      expect(record.body.accreditedNow).toBe(true);
      expect(await currentIds()).toContain(lapsed.id);
      expect((await auditActions(lapsed.id)).map((r) => r.action)).toEqual(['trainer.created', 'accreditation.added']);
    });

    it('shows a trainer their own record and answers 404 for anyone else’s', async () => {
      await http(app).get(`/trainers/${trainer.id}`).set(trainerUser.auth).expect(200);
      await http(app).get(`/trainers/${otherTrainer.id}`).set(trainerUser.auth).expect(404);
      await http(app).get('/trainers').set(trainerUser.auth).expect(403);
    });
  });

  describe("a trainer's account", () => {
    const workshopsOf = async (user: SignedIn) => ((await http(app).get('/workshops').set(user.auth).expect(200)).body as { items: { id: string }[] }).items.map((w) => w.id);

    it("is linked by id: changing the person's email moves no workshop, and only an NPA admin re-links it", async () => {
      const mine = await makeTrainer(app, admin);
      const owner = await mine.signIn();
      const workshopId = await makeWorkshop(app, admin, mine.id, 20, 21);
      expect((await http(app).get(`/trainers/${mine.id}`).set(admin.auth).expect(200)).body.userId).toBe(owner.id);

      // The person's email is re-pointed at an address someone else has a trainer account for.
      const newEmail = uniqueEmail('repointed');
      await http(app).patch(`/people/${mine.person.id}`).set(admin.auth).send({ email: newEmail }).expect(200);
      const newcomer = await signedIn(app, 'trainer', undefined, newEmail);
      await http(app).get(`/trainers/${mine.id}`).set(newcomer.auth).expect(404);
      await http(app).get(`/workshops/${workshopId}`).set(newcomer.auth).expect(404);
      expect(await workshopsOf(newcomer)).toEqual([]);
      await http(app).get(`/trainers/${mine.id}`).set(owner.auth).expect(200);
      expect(await workshopsOf(owner)).toContain(workshopId);

      await http(app).put(`/trainers/${mine.id}/user`).set(reviewer.auth).send({ userId: newcomer.id }).expect(403);
      await http(app).put(`/trainers/${mine.id}/user`).set(admin.auth).send({ userId: admin.id }).expect(400);
      await http(app).put(`/trainers/${mine.id}/user`).set(admin.auth).send({ userId: trainerUser.id }).expect(409);
      const moved = await http(app).put(`/trainers/${mine.id}/user`).set(admin.auth).send({ userId: newcomer.id }).expect(200);
      expect(moved.body.userId).toBe(newcomer.id);
      expect(await workshopsOf(newcomer)).toContain(workshopId);
      await http(app).get(`/trainers/${mine.id}`).set(owner.auth).expect(404);
      expect(await auditActions(mine.id)).toContainEqual({ action: 'trainer.account_linked', actor_id: admin.id });
    });

    it('links an account made before its trainer record, and the migration links existing trainers by their email once', async () => {
      const person = await makePerson(app, 'early');
      const early = await signedIn(app, 'trainer', undefined, person.email);
      const made = await http(app).post('/trainers').set(admin.auth).send({ personId: person.id, accreditedFrom: day(app, -1), accreditedTo: day(app, 300) }).expect(201);
      expect(made.body.userId).toBe(early.id);

      const db = app.get(DataSource);
      await db.query('UPDATE trainers SET user_id = NULL WHERE id = $1', [made.body.id]);
      await http(app).get(`/trainers/${made.body.id}`).set(early.auth).expect(404);
      await db.query(BACKFILL_TRAINER_ACCOUNTS);
      await http(app).get(`/trainers/${made.body.id}`).set(early.auth).expect(200);
    });
  });

  describe('workshops', () => {
    it('is scheduled by NPA staff, or by a trainer for themself only (another trainer answers 404)', async () => {
      const byStaff = await http(app)
        .post('/workshops')
        .set(admin.auth)
        .send({ trainerId: trainer.id, startDate: day(app, 20), endDate: day(app, 21), venue: 'Online', capacity: 10, online: true })
        .expect(201);
      expect(byStaff.body).toEqual({
        id: expect.any(String),
        trainerId: trainer.id,
        trainerName: trainer.person.name,
        startDate: day(app, 20),
        endDate: day(app, 21),
        venue: 'Online',
        online: true,
        capacity: 10,
        attendeeCount: 0,
        trainerAccredited: true,
        awaitingConfirmation: false,
      });
      const own = await http(app)
        .post('/workshops')
        .set(trainerUser.auth)
        .send({ trainerId: trainer.id, startDate: day(app, 30), endDate: day(app, 30), venue: 'Yeovil', capacity: 8 })
        .expect(201);
      expect(own.body.online).toBe(false);
      expect(await auditActions(own.body.id)).toEqual([{ action: 'workshop.created', actor_id: trainerUser.id }]);

      const forOther = await http(app)
        .post('/workshops')
        .set(trainerUser.auth)
        .send({ trainerId: otherTrainer.id, startDate: day(app, 30), endDate: day(app, 30), venue: 'Yeovil', capacity: 8 })
        .expect(404);
      expect(forOther.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'The trainer was not found.' });
    });

    it('refuses an end before the start, no places, a blank venue and unknown fields with 400', async () => {
      const valid = { trainerId: trainer.id, startDate: day(app, 5), endDate: day(app, 6), venue: 'Bath', capacity: 5 };
      const backwards = await http(app)
        .post('/workshops')
        .set(admin.auth)
        .send({ ...valid, endDate: day(app, 4) })
        .expect(400);
      expect(backwards.body.details).toEqual([{ field: 'endDate', problem: 'must not be before startDate' }]);
      const empty = await http(app)
        .post('/workshops')
        .set(admin.auth)
        .send({ ...valid, capacity: 0 })
        .expect(400);
      expect(empty.body.details).toEqual([{ field: 'capacity', problem: 'must not be less than 1' }]);
      const blank = await http(app)
        .post('/workshops')
        .set(admin.auth)
        .send({ ...valid, venue: '   ' })
        .expect(400);
      expect(blank.body.details).toEqual([{ field: 'venue', problem: 'must not be blank' }]);
      const unknown = await http(app)
        .post('/workshops')
        .set(admin.auth)
        .send({ ...valid, price: 100 })
        .expect(400);
      expect(unknown.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The request has invalid fields.',
        details: [{ field: 'price', problem: 'is not a field this request accepts' }],
      });
    });

    it('lists a trainer only their own workshops, by start date, within from/to', async () => {
      const lister = await makeTrainer(app, admin);
      const listerUser = await lister.signIn();
      const later = await makeWorkshop(app, admin, lister.id, 40, 41);
      const sooner = await makeWorkshop(app, admin, lister.id, 10, 11);
      await makeWorkshop(app, admin, otherTrainer.id, 10, 11);

      const mine = await http(app).get('/workshops?sort=startDate').set(listerUser.auth).expect(200);
      expect(mine.body).toMatchObject({ page: 1, total: 2 });
      expect(mine.body.items.map((w: { id: string }) => w.id)).toEqual([sooner, later]);
      const window = await http(app)
        .get(`/workshops?from=${day(app, 35)}&to=${day(app, 45)}`)
        .set(listerUser.auth)
        .expect(200);
      expect(window.body.items.map((w: { id: string }) => w.id)).toEqual([later]);
      const all = await http(app).get('/workshops?pageSize=500&sort=startDate&order=desc').set(reviewer.auth).expect(200);
      expect(all.body.total).toBeGreaterThan(2);
      await http(app).get('/workshops?sort=venue').set(reviewer.auth).expect(400);
      await http(app).get(`/workshops/${later}`).set(otherTrainerUser.auth).expect(404);
    });
  });

  describe('attendees', () => {
    let workshopId: string;

    beforeAll(async () => {
      workshopId = await makeWorkshop(app, trainerUser, trainer.id, 7, 8);
    });

    it('adds an existing person by id', async () => {
      const person = await makePerson(app, 'attendee');
      const response = await http(app).post(`/workshops/${workshopId}/attendees`).set(trainerUser.auth).send({ personId: person.id }).expect(201);
      expect(response.body).toEqual({ id: expect.any(String), workshopId, personId: person.id, name: person.name, email: person.email });
      expect(await auditActions(response.body.id)).toEqual([{ action: 'attendee.added', actor_id: trainerUser.id }]);
    });

    it('adds a new person by name and email, and matches an existing email whatever its case', async () => {
      const email = uniqueEmail('newcomer');
      const created = await http(app).post(`/workshops/${workshopId}/attendees`).set(admin.auth).send({ name: 'Nia Newcomer', email }).expect(201);
      expect(created.body).toMatchObject({ workshopId, name: 'Nia Newcomer', email });
      const [row] = await app.get(DataSource).query('SELECT name FROM people WHERE id = $1', [created.body.personId]);
      expect(row).toEqual({ name: 'Nia Newcomer' });
      expect(await auditActions(created.body.personId)).toEqual([{ action: 'person.created', actor_id: admin.id }]);

      const existing = await makePerson(app, 'known');
      const matched = await http(app)
        .post(`/workshops/${workshopId}/attendees`)
        .set(admin.auth)
        .send({ name: 'Another Spelling', email: existing.email.toUpperCase() })
        .expect(201);
      expect(matched.body).toEqual({ id: expect.any(String), workshopId, personId: existing.id, name: existing.name, email: existing.email });
    });

    it("links a trainer's attendee by email only with the person's name too, and otherwise names nobody", async () => {
      const existing = await makePerson(app, 'known');
      const refused = await http(app).post(`/workshops/${workshopId}/attendees`).set(trainerUser.auth).send({ name: 'Another Spelling', email: existing.email }).expect(400);
      expect(refused.text).not.toContain(existing.name);
      expect(refused.body.message).toContain('ask the NPA office');
      const matched = await http(app).post(`/workshops/${workshopId}/attendees`).set(trainerUser.auth).send({ name: existing.name.toUpperCase(), email: existing.email }).expect(201);
      expect(matched.body).toMatchObject({ personId: existing.id });
    });

    it('answers 409 for someone already attending', async () => {
      const person = await makePerson(app);
      await http(app).post(`/workshops/${workshopId}/attendees`).set(admin.auth).send({ personId: person.id }).expect(201);
      const again = await http(app)
        .post(`/workshops/${workshopId}/attendees`)
        .set(admin.auth)
        .send({ name: 'X', email: person.email.toUpperCase() })
        .expect(409);
      expect(again.body).toEqual({ statusCode: 409, error: 'Conflict', message: `${person.name} already attends this workshop.` });
    });

    it('takes exactly one form of the body (400 otherwise), and 404 for an unknown person', async () => {
      const person = await makePerson(app);
      const both = await http(app)
        .post(`/workshops/${workshopId}/attendees`)
        .set(admin.auth)
        .send({ personId: person.id, name: 'X', email: person.email })
        .expect(400);
      expect(both.body.details).toEqual([
        { field: 'name', problem: 'must be absent when personId is given' },
        { field: 'email', problem: 'must be absent when personId is given' },
      ]);
      const neither = await http(app).post(`/workshops/${workshopId}/attendees`).set(admin.auth).send({}).expect(400);
      expect(neither.body.details).toEqual([{ field: 'personId', problem: 'must be the id of a person (or send name and email instead)' }]);
      const nameOnly = await http(app).post(`/workshops/${workshopId}/attendees`).set(admin.auth).send({ name: 'X' }).expect(400);
      expect(new Set(nameOnly.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['email']));
      await http(app).post(`/workshops/${workshopId}/attendees`).set(admin.auth).send({ personId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    });

    it('answers 409 once the workshop is full', async () => {
      const small = await makeWorkshop(app, admin, trainer.id, 7, 7, 2);
      for (let i = 0; i < 2; i++)
        await http(app)
          .post(`/workshops/${small}/attendees`)
          .set(admin.auth)
          .send({ personId: (await makePerson(app)).id })
          .expect(201);
      const full = await http(app)
        .post(`/workshops/${small}/attendees`)
        .set(admin.auth)
        .send({ personId: (await makePerson(app)).id })
        .expect(409);
      expect(full.body.message).toBe('This workshop is full: all 2 places are taken.');
    });

    it('never goes over capacity when adds arrive at once', async () => {
      const small = await makeWorkshop(app, admin, trainer.id, 7, 7, 3);
      const people = await Promise.all(Array.from({ length: 8 }, () => makePerson(app)));
      const responses = await Promise.all(people.map((p) => http(app).post(`/workshops/${small}/attendees`).set(admin.auth).send({ personId: p.id })));
      expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
      const [{ count }] = await app.get(DataSource).query('SELECT count(*)::int AS count FROM workshop_attendees WHERE workshop_id = $1', [small]);
      expect(count).toBe(3);
    });

    it('answers 404 to a trainer adding to someone else’s workshop', async () => {
      const person = await makePerson(app);
      await http(app).post(`/workshops/${workshopId}/attendees`).set(otherTrainerUser.auth).send({ personId: person.id }).expect(404);
    });
  });

  describe('outcomes and certificates', () => {
    const attend = async (workshopId: string) => {
      const person = await makePerson(app, 'learner');
      await http(app).post(`/workshops/${workshopId}/attendees`).set(admin.auth).send({ personId: person.id }).expect(201);
      return person;
    };

    it('answers 409 before the workshop’s last day, and allows the last day itself', async () => {
      const running = await makeWorkshop(app, trainerUser, trainer.id, -1, 1);
      const early = await http(app)
        .post(`/workshops/${running}/outcomes`)
        .set(trainerUser.auth)
        .send({ personId: (await attend(running)).id, outcome: 'completed' })
        .expect(409);
      expect(early.body.message).toBe(`Outcomes can be recorded from the workshop's last day, ${day(app, 1)}; it has not come yet.`);

      const endsToday = await makeWorkshop(app, trainerUser, trainer.id, -2, 0);
      await http(app)
        .post(`/workshops/${endsToday}/outcomes`)
        .set(trainerUser.auth)
        .send({ personId: (await attend(endsToday)).id, outcome: 'completed' })
        .expect(201);
    });

    it('answers 409 when the trainer was not accredited on the workshop', async () => {
      // The accreditation ended the day before the workshop began.
      const lapsed = await makeTrainer(app, admin, -400, -21);
      const workshop = await makeWorkshop(app, admin, lapsed.id, -20, -18);
      const response = await http(app)
        .post(`/workshops/${workshop}/outcomes`)
        .set(admin.auth)
        .send({ personId: (await attend(workshop)).id, outcome: 'completed' })
        .expect(409);
      expect(response.body.message).toContain('The trainer was not accredited on this workshop');
    });

    it('answers 404 for a person who does not attend, and to another trainer', async () => {
      const workshop = await makeWorkshop(app, admin, trainer.id, -12, -10);
      const stranger = await makePerson(app);
      const response = await http(app)
        .post(`/workshops/${workshop}/outcomes`)
        .set(trainerUser.auth)
        .send({ personId: stranger.id, outcome: 'completed' })
        .expect(404);
      expect(response.body.message).toBe('This person is not an attendee of this workshop.');
      const learner = await attend(workshop);
      await http(app).post(`/workshops/${workshop}/outcomes`).set(otherTrainerUser.auth).send({ personId: learner.id, outcome: 'completed' }).expect(404);
      await http(app).get(`/workshops/${workshop}/outcomes`).set(otherTrainerUser.auth).expect(404);
    });

    it('issues a certificate for a completion, and a correction makes it invalid while keeping the history', async () => {
      const workshop = await makeWorkshop(app, admin, trainer.id, -12, -10);
      const learner = await attend(workshop);

      const completed = await http(app)
        .post(`/workshops/${workshop}/outcomes`)
        .set(trainerUser.auth)
        .send({ personId: learner.id, outcome: 'completed' })
        .expect(201);
      expect(completed.body).toEqual({
        id: expect.any(String),
        workshopId: workshop,
        personId: learner.id,
        outcome: 'completed',
        certificateCode: expect.stringMatching(CODE),
        supersedesId: null,
        recordedAt: expect.any(String),
        current: true,
      });
      const code: string = completed.body.certificateCode;
      const certificate = await http(app).get(`/certificates/${code}`).expect(200);
      expect(certificate.body).toEqual({ name: learner.name, workshopEndDate: day(app, -10), trainerName: trainer.person.name, valid: true });
      await http(app).get(`/certificates/${code.toLowerCase()}`).expect(200);
      await http(app).post(`/workshops/${workshop}/outcomes`).set(trainerUser.auth).send({ personId: learner.id, outcome: 'completed' }).expect(409);

      const corrected = await http(app)
        .post(`/workshops/${workshop}/outcomes`)
        .set(reviewer.auth)
        .send({ personId: learner.id, outcome: 'not_completed' })
        .expect(201);
      expect(corrected.body).toMatchObject({ outcome: 'not_completed', certificateCode: null, supersedesId: completed.body.id, current: true });
      expect((await http(app).get(`/certificates/${code}`).expect(200)).body.valid).toBe(false);

      const history = await http(app).get(`/workshops/${workshop}/outcomes`).set(trainerUser.auth).expect(200);
      expect(history.body.map((o: { id: string; current: boolean }) => [o.id, o.current])).toEqual([
        [completed.body.id, false],
        [corrected.body.id, true],
      ]);
      const detail = await http(app).get(`/workshops/${workshop}`).set(trainerUser.auth).expect(200);
      expect(detail.body.attendees).toEqual([
        { id: expect.any(String), personId: learner.id, name: learner.name, email: learner.email, outcome: 'not_completed', certificateCode: null },
      ]);
      expect(detail.body.attendeeCount).toBe(1);

      expect(await auditActions(completed.body.id)).toEqual([{ action: 'outcome.recorded', actor_id: trainerUser.id }]);
      const [audit] = await app.get(DataSource).query('SELECT action, before, after FROM audit_log WHERE entity_id = $1', [corrected.body.id]);
      expect(audit).toMatchObject({
        action: 'outcome.corrected',
        before: { id: completed.body.id, outcome: 'completed' },
        after: { outcome: 'not_completed' },
      });
    });

    it('documents the training routes on the OpenAPI page', async () => {
      const docs = await http(app).get('/api/docs-json').expect(200);
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/trainers', '/workshops/{id}/outcomes', '/certificates/{code}']));
    });

    it('answers the same 404 for an unknown and a malformed certificate code', async () => {
      const unknown = await http(app).get('/certificates/NPA-ABCDE-FGHJK').expect(404);
      const malformed = await http(app)
        .get(`/certificates/${encodeURIComponent("x' OR 1=1")}`)
        .expect(404);
      expect(unknown.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'The certificate was not found.' });
      expect(malformed.body).toEqual(unknown.body);
    });

    it('refuses an unknown field or outcome with 400', async () => {
      const workshop = await makeWorkshop(app, admin, trainer.id, -12, -10);
      const learner = await attend(workshop);
      const unknown = await http(app)
        .post(`/workshops/${workshop}/outcomes`)
        .set(admin.auth)
        .send({ personId: learner.id, outcome: 'completed', certificateCode: 'NPA-AAAAA-AAAAA' })
        .expect(400);
      expect(unknown.body.details).toEqual([{ field: 'certificateCode', problem: 'is not a field this request accepts' }]);
      await http(app).post(`/workshops/${workshop}/outcomes`).set(admin.auth).send({ personId: learner.id, outcome: 'passed' }).expect(400);
      const rows = await app.get(DataSource).query('SELECT 1 FROM workshop_outcomes WHERE workshop_id = $1', [workshop]);
      expect(rows).toHaveLength(0);
    });
  });
});
