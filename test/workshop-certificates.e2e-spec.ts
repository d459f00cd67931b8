import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { formatDate } from '@npa/letters';
import { pdfWords } from '@npa/letters/testing';
import { JobQueue } from '@npa/platform';
import { bootApi, bootWorker, eventually } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';
import { startSmtp, TestSmtp, withSubject } from './support/smtp';
import { day, makePerson, makeTrainer, makeWorkshop, TestTrainer } from './support/training';

interface ListedLetter {
  id: string;
  kind: string;
  verificationCode: string;
  format: string;
  ready: boolean;
  sentAt: string | null;
}

// Recording `completed` makes that person's certificate letter, once, through the real worker and a
// real SMTP server; a correction withdraws it, and says since when.
describe('Workshop certificates: one letter per completion, emailed, verifiable, withdrawn by a correction', () => {
  let smtp: TestSmtp;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  let trainer: TestTrainer;
  let trainerUser: SignedIn;

  const certificatesOf = async (personId: string) =>
    ((await http(app).get(`/people/${personId}/letters`).set(admin.auth).expect(200)).body as ListedLetter[]).filter((l) => l.kind === 'workshop-certificate');
  const mailsTo = (name: string) => withSubject(smtp, `Portage Workshop certificate: ${name}`);
  const pdfOf = async (letterId: string) => {
    const pdf = await http(app)
      .get(`/letters/${letterId}.pdf`)
      .set(admin.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return pdfWords(pdf.body as Buffer);
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await bootApi({ SMTP_URL: smtp.url });
    worker = await bootWorker({ SMTP_URL: smtp.url });
    admin = await signedIn(app, 'npa_admin');
    trainer = await makeTrainer(app, admin, -400, 400);
    trainerUser = await trainer.signIn();
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await smtp?.close();
  });

  it('gives each attendee of a whole workshop one certificate letter, on their record, emailed with its PDF, and never a second', async () => {
    const workshopId = await makeWorkshop(app, trainerUser, trainer.id, -3, -1);
    const people = [await makePerson(app, 'ada'), await makePerson(app, 'ben'), await makePerson(app, 'cal')];
    const codes = new Map<string, string>();
    for (const person of people) {
      await http(app).post(`/workshops/${workshopId}/attendees`).set(trainerUser.auth).send({ personId: person.id }).expect(201);
      const recorded = await http(app)
        .post(`/workshops/${workshopId}/outcomes`)
        .set(trainerUser.auth)
        .send({ personId: person.id, outcome: 'completed' })
        .expect(201);
      codes.set(person.id, recorded.body.certificateCode as string);
    }
    // The same completion again is refused, and asks for no second letter.
    await http(app).post(`/workshops/${workshopId}/outcomes`).set(trainerUser.auth).send({ personId: people[0].id, outcome: 'completed' }).expect(409);

    for (const person of people) {
      const [mail] = await eventually(async () => (mailsTo(person.name).length ? mailsTo(person.name) : null), 60_000);
      expect(mail.to).toMatchObject({ value: [{ address: person.email }] });
      expect(mail.text).toContain(codes.get(person.id));
      expect(mail.attachments).toHaveLength(1);
      const printed = pdfWords(mail.attachments[0].content);
      expect(printed).toContain(person.name);
      expect(printed).toContain(`from ${formatDate(day(app, -3))} to ${formatDate(day(app, -1))}`);
      expect(printed).toContain(`delivered by ${trainer.person.name}, NPA-Accredited Trainer`);
      expect(printed).toContain(`Certificate code ${codes.get(person.id)}`);

      const [kept, ...others] = await eventually(async () => {
        const listed = await certificatesOf(person.id);
        return listed.every((l) => l.sentAt) && listed.length ? listed : null;
      });
      expect(others).toEqual([]);
      expect(kept).toMatchObject({ format: 'pdf', ready: true });
      expect(await pdfOf(kept.id)).toContain(`Certificate code ${codes.get(person.id)}`);
      const verified = await http(app).get(`/letters/verify/${kept.verificationCode}`).expect(200);
      expect(verified.body).toMatchObject({ kind: 'workshop-certificate', issuedTo: person.name, stands: true });
    }

    // Asked for again (a relay replaying its row, a second worker): still one letter per completion.
    const outcomeIds = await app
      .get(DataSource)
      .query<{ id: string }[]>(`SELECT id FROM workshop_outcomes WHERE workshop_id = $1 AND outcome = 'completed'`, [workshopId]);
    for (const { id } of outcomeIds) await app.get(JobQueue).enqueue('certificate.issue', { outcomeId: id }, { jobId: `certificate-again-${id}` });
    await new Promise((r) => setTimeout(r, 2000));
    for (const person of people) {
      expect(await certificatesOf(person.id)).toHaveLength(1);
      expect(mailsTo(person.name)).toHaveLength(1);
    }
  }, 180_000);

  it('withdraws the certificate when a correction supersedes the completion: both verifications say so, and since when', async () => {
    const workshopId = await makeWorkshop(app, trainerUser, trainer.id, -5, -4);
    const person = await makePerson(app, 'dee');
    await http(app).post(`/workshops/${workshopId}/attendees`).set(trainerUser.auth).send({ personId: person.id }).expect(201);
    const recorded = await http(app).post(`/workshops/${workshopId}/outcomes`).set(trainerUser.auth).send({ personId: person.id, outcome: 'completed' });
    const code = recorded.body.certificateCode as string;
    const [kept] = await eventually(async () => {
      const listed = await certificatesOf(person.id);
      return listed[0]?.sentAt ? listed : null;
    }, 60_000);

    const correction = await http(app)
      .post(`/workshops/${workshopId}/outcomes`)
      .set(admin.auth)
      .send({ personId: person.id, outcome: 'not_completed' })
      .expect(201);
    const since = correction.body.recordedAt as string;
    const certificate = await http(app).get(`/certificates/${code}`).expect(200);
    expect(certificate.body).toEqual({ name: person.name, workshopEndDate: day(app, -4), trainerName: trainer.person.name, valid: false, withdrawnAt: since });
    const letter = await http(app).get(`/letters/verify/${kept.verificationCode}`).expect(200);
    expect(letter.body).toMatchObject({ kind: 'workshop-certificate', stands: false });
    expect(letter.body.why).toBe(`Withdrawn since ${since}: the completion it records was corrected.`);
    expect(mailsTo(person.name)).toHaveLength(1);
  }, 120_000);

  it('issues no certificate for a backdated workshop until NPA staff confirm it, then one', async () => {
    const workshopId = await makeWorkshop(app, trainerUser, trainer.id, -90, -89);
    const person = await makePerson(app, 'eve');
    await http(app).post(`/workshops/${workshopId}/attendees`).set(trainerUser.auth).send({ personId: person.id }).expect(201);
    await http(app).post(`/workshops/${workshopId}/outcomes`).set(trainerUser.auth).send({ personId: person.id, outcome: 'completed' }).expect(201);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await certificatesOf(person.id)).toEqual([]);

    await http(app).post(`/workshops/${workshopId}/confirm`).set(admin.auth).expect(200);
    await eventually(async () => mailsTo(person.name).length === 1, 60_000);
    expect(await certificatesOf(person.id)).toHaveLength(1);
  }, 120_000);

  it('gives each completion of an imported file its certificate letter, once, and none for a non-completion', async () => {
    const workshopId = await makeWorkshop(app, admin, trainer.id, -20, -19);
    const [fay, gus] = [await makePerson(app, 'fay'), await makePerson(app, 'gus')];
    const file = ['workshop_id,email,outcome', `${workshopId},${fay.email},completed`, `${workshopId},${gus.email},not_completed`].join('\n') + '\n';
    const imported = await http(app).post('/imports/workshop-completions').set(admin.auth).set('Content-Type', 'text/csv').send(file).expect(201);
    expect(imported.body).toMatchObject({ created: 2 });
    await eventually(async () => mailsTo(fay.name).length === 1, 60_000);
    await eventually(async () => (await certificatesOf(fay.id))[0]?.sentAt);
    await new Promise((r) => setTimeout(r, 1000));
    expect(mailsTo(fay.name)).toHaveLength(1);
    expect(await certificatesOf(gus.id)).toEqual([]);
  }, 120_000);
});
