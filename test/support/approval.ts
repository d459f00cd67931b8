import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { addDays, Clock } from '@npa/platform';
import { http, SignedIn, signedIn } from './people';
import { registerBuilder } from './register';

export const JUDGED = ['SA-PRINCIPLES', 'SA-ASSESSMENT', 'SA-REVIEWS', 'SA-RECORDS'];
export const COMPUTED = ['SA-OFSTED', 'SA-TRAINED', 'SA-MEMBER'];

/** The smallest file every reader takes for a PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Moves the clocks of the given apps (the API and the worker each have one) to a day (noon, London)
 * until `restore()`; the register, awards and reminders follow them.
 */
export function travel(...apps: INestApplicationContext[]) {
  const spies = apps.map((app) => jest.spyOn(app.get(Clock), 'now'));
  return {
    to: (date: string) => spies.forEach((spy) => spy.mockReturnValue(new Date(`${date}T12:00:00Z`))),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

/** An application for the setting taken all the way to approval; answers the decision's body. */
export async function approveThrough(app: NestFastifyApplication, ready: { setting: { id: string }; contact: SignedIn }, reviewer: SignedIn) {
  const opened = await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201);
  const id = opened.body.id as string;
  await completeJudged(app, id, ready.contact);
  await http(app).post(`/applications/${id}/submit`).set(ready.contact.auth).send({}).expect(200);
  await http(app).post(`/applications/${id}/start-review`).set(reviewer.auth).expect(200);
  const decided = await http(app).post(`/applications/${id}/decision`).set(reviewer.auth).send({ decision: 'approved', criteria: passAll() }).expect(200);
  return decided.body as { id: string; awardId: string };
}

/**
 * A setting that meets every computed criterion today: rated Good, eight staff of whom two are trained
 * by an accredited trainer and one is an NPA member; with its own contact's sign-in.
 */
export async function readySetting(app: NestFastifyApplication, admin: SignedIn, options: { inspection?: boolean; today: string }) {
  const build = registerBuilder(app, admin);
  const ago = (n: number) => addDays(options.today, -n);
  const setting = await build.setting({ name: `Little Acorns ${randomUUID().slice(0, 4)}`, localArea: 'Taunton' });
  if (options.inspection !== false) await build.post(`/settings/${setting.id}/inspections`, { date: ago(400), grade: 'good' });
  const trainerPerson = await build.person('Tess Trainer');
  const trainer = await build.post('/trainers', { personId: trainerPerson.id, accreditedFrom: ago(1000), accreditedTo: addDays(options.today, 1000) });
  const workshop = await build.post('/workshops', { trainerId: trainer.id, startDate: ago(300), endDate: ago(299), venue: 'Taunton Library', capacity: 10 });
  const staff: Record<string, { personId: string; staffId: string }> = {};
  for (const name of ['Ann', 'Bob', 'Cat', 'Dan']) {
    const person = await build.person(`${name} Staff`);
    if (name !== 'Dan')
      staff[name] = { personId: person.id, staffId: (await build.post(`/settings/${setting.id}/staff`, { personId: person.id, startDate: ago(500) })).id };
    else staff[name] = { personId: person.id, staffId: '' };
    if (name !== 'Cat') {
      await build.post(`/workshops/${workshop.id}/attendees`, { personId: person.id });
      await build.post(`/workshops/${workshop.id}/outcomes`, { personId: person.id, outcome: 'completed' });
    }
  }
  await build.membership(staff.Ann.personId, ago(100), addDays(options.today, 1000));
  const contact = await signedIn(app, 'setting_contact', setting.id);
  return { setting: setting as { id: string; name: string; ofstedUrn: string }, staff, contact, build };
}

/** Statements and one PDF for every judged criterion, as the setting's contact. */
export async function completeJudged(app: NestFastifyApplication, applicationId: string, contact: SignedIn) {
  for (const id of JUDGED) {
    await http(app)
      .put(`/applications/${applicationId}/criteria/${id}`)
      .set(contact.auth)
      .send({ statement: `How we meet ${id}.` })
      .expect(200);
    await http(app).post(`/applications/${applicationId}/evidence`).set(contact.auth).field('criterionId', id).attach('file', PDF, `${id}.pdf`).expect(201);
  }
}

export const passAll = (reason = 'Seen and met.') => [...JUDGED, ...COMPUTED].map((id) => ({ id, outcome: 'pass', reason }));
