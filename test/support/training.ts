import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, Clock } from '@npa/platform';
import { Person, Setting } from '@npa/registry';
import { http, SignedIn, signedIn, uniqueEmail } from './people';

/** A day counted from the app's own today, so the suite means the same whatever day it runs. */
export const day = (app: NestFastifyApplication, offset: number) => addDays(app.get(Clock).today(), offset);

/** People straight into the table: the training suite must not wait on POST /people. */
export async function makePerson(app: NestFastifyApplication, label = 'person'): Promise<Person> {
  return app
    .get(DataSource)
    .getRepository(Person)
    .save({ name: `${label} ${randomUUID().slice(0, 6)}`, email: uniqueEmail(label) });
}

export async function makeSetting(app: NestFastifyApplication): Promise<Setting> {
  return app
    .get(DataSource)
    .getRepository(Setting)
    .save({ name: 'Little Acorns', ofstedUrn: `EY${randomUUID().slice(0, 8)}`, kind: 'nursery', staffCount: 6 });
}

export interface TestTrainer {
  id: string;
  person: Person;
  /** The trainer's own sign-in, linked by the person's email. */
  signIn: () => Promise<SignedIn>;
}

/** A trainer made by NPA staff through HTTP, accredited over the given days (relative to today). */
export async function makeTrainer(app: NestFastifyApplication, staff: SignedIn, from = -365, to = 365): Promise<TestTrainer> {
  const person = await makePerson(app, 'trainer');
  const response = await http(app)
    .post('/trainers')
    .set(staff.auth)
    .send({ personId: person.id, accreditedFrom: day(app, from), accreditedTo: day(app, to) })
    .expect(201);
  return { id: (response.body as { id: string }).id, person, signIn: () => signedIn(app, 'trainer', undefined, person.email) };
}

/** A workshop over the given days (relative to today). */
export async function makeWorkshop(app: NestFastifyApplication, by: SignedIn, trainerId: string, start: number, end: number, capacity = 12): Promise<string> {
  const response = await http(app)
    .post('/workshops')
    .set(by.auth)
    .send({ trainerId, startDate: day(app, start), endDate: day(app, end), venue: 'Taunton Library', capacity })
    .expect(201);
  return (response.body as { id: string }).id;
}
