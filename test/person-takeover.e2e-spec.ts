import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addDays, Clock } from '@npa/platform';
import { bootApi } from './support/boot';
import { http, signedIn, SignedIn, uniqueEmail } from './support/people';
import { registerBuilder } from './support/register';
import { formSession, webSession } from './support/web-session';

/**
 * Finding 1, from the attacker's side: a manager of service B (or a setting's contact) tries to take
 * over a person of service A by email, through the real pages and API.
 */
describe('Taking over a person by email', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let managerA: SignedIn;
  let managerB: SignedIn;
  let contact: SignedIn;
  let serviceB: string;
  let today: string;
  const target = { id: '', name: 'Pat Target', email: '', membershipId: '' };

  beforeAll(async () => {
    app = await bootApi();
    today = app.get(Clock).today();
    admin = await signedIn(app, 'npa_admin');
    const build = registerBuilder(app, admin);
    const serviceA = (await build.service()).id as string;
    serviceB = (await build.service()).id as string;
    const setting = (await build.setting()).id as string;
    const person = await build.post('/people', { name: target.name, email: uniqueEmail('pat') });
    Object.assign(target, { id: person.id, email: person.email });
    await build.member(serviceA, target.id);
    target.membershipId = (await build.membership(target.id, addDays(today, -100), addDays(today, 300))).id;
    await build.post(`/people/${target.id}/qualifications`, { kind: 'level3', status: 'achieved', date: addDays(today, -200) });
    managerA = await signedIn(app, 'service_manager', serviceA);
    managerB = await signedIn(app, 'service_manager', serviceB);
    contact = await signedIn(app, 'setting_contact', setting);
  }, 60_000);

  afterAll(async () => app?.close());

  const record = async () =>
    (await http(app).get(`/people/${target.id}`).set(admin.auth).expect(200)).body as {
      name: string;
      email: string;
      memberships: { endDate: string }[];
      qualifications: unknown[];
    };
  const errorSummary = (html: string) => /govuk-error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';

  async function teamForm(fields: Record<string, string>, status: number) {
    const cookies = await webSession(app, managerB.email);
    const form = await formSession(app, '/service/team', cookies);
    return http(app)
      .post('/service/team')
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token, role: 'practitioner', fte: '1', caseload: '10', startDate: today, ...fields })
      .expect(status);
  }

  it("answers a wrong name with the office, never the owner's name, and links nobody", async () => {
    const wrong = await teamForm({ email: target.email, name: 'Someone Else' }, 400);
    expect(wrong.text).not.toContain(target.name);
    expect(errorSummary(wrong.text)).toContain('ask the NPA office');
    const team = await http(app).get(`/services/${serviceB}/team`).set(managerB.auth).expect(200);
    expect(team.body.items).toEqual([]);
    const refused = await app
      .get(DataSource)
      .query(`SELECT 1 FROM audit_log WHERE action = 'person.link_refused' AND actor_id = $1 AND entity_id = $2`, [managerB.id, target.id]);
    expect(refused).toHaveLength(1);
  });

  it('answers a form without a name the same whether or not the email is on the register', async () => {
    const known = await teamForm({ email: target.email, name: '' }, 400);
    const unknown = await teamForm({ email: uniqueEmail('nobody'), name: '' }, 400);
    expect(known.text).not.toContain(target.name);
    expect(errorSummary(known.text)).not.toBe('');
    expect(errorSummary(known.text)).toBe(errorSummary(unknown.text));
  });

  it("refuses a setting contact's staff form the same way", async () => {
    const cookies = await webSession(app, contact.email);
    const form = await formSession(app, '/setting', cookies);
    const wrong = await http(app)
      .post('/setting/staff')
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token, email: target.email, name: 'Someone Else', startDate: today })
      .expect(400);
    expect(wrong.text).not.toContain(target.name);
    expect(errorSummary(wrong.text)).toContain('ask the NPA office');
    const noName = await http(app)
      .post('/setting/staff')
      .set('Cookie', form.cookies)
      .type('form')
      .send({ _csrf: form.token, email: target.email, name: '', startDate: today })
      .expect(400);
    expect(noName.text).not.toContain(target.name);
  });

  it("gives a backdated one-day post nothing: B cannot read or change the person's record, memberships, qualifications or letters", async () => {
    // The attacker knows the name: the form links, with a post that starts and ends years ago.
    const linked = await teamForm({ email: target.email, name: 'pat target', startDate: '2020-01-01' }, 303);
    expect(decodeURIComponent(linked.headers.location)).not.toContain(target.name);
    const [post] = (await http(app).get(`/services/${serviceB}/team`).set(managerB.auth).expect(200)).body.items as { id: string }[];
    await http(app).patch(`/services/${serviceB}/team/${post.id}`).set(managerB.auth).send({ endDate: '2020-01-01' }).expect(200);
    const before = await record();

    // The team page shows the post, not the person's membership or training today.
    const cookies = await webSession(app, managerB.email);
    const teamPage = await http(app).get('/service/team').set('Cookie', cookies).expect(200);
    const row = /<tr class="govuk-table__row">\s*<th scope="row"[^>]*>pat target[\s\S]*?<\/tr>/i.exec(teamPage.text)?.[0] ?? '';
    expect(row).toContain('left');
    expect(row).not.toMatch(/Yes/);

    const as = (path: string) => `/people/${target.id}${path}`;
    for (const path of ['', '/memberships', '/qualifications', '/letters']) await http(app).get(as(path)).set(managerB.auth).expect(404);
    await http(app)
      .patch(as(''))
      .set(managerB.auth)
      .send({ name: 'Taken Over', email: uniqueEmail('attacker') })
      .expect(404);
    await http(app)
      .patch(as(`/memberships/${target.membershipId}`))
      .set(managerB.auth)
      .send({ endDate: addDays(today, -1) })
      .expect(404);
    await http(app)
      .post(as('/memberships'))
      .set(managerB.auth)
      .send({ number: 'NPA-X', startDate: addDays(today, 400), endDate: addDays(today, 500) })
      .expect(404);
    await http(app).post(as('/qualifications')).set(managerB.auth).send({ kind: 'relevant_degree', status: 'achieved' }).expect(404);
    await http(app).post(as('/induction')).set(managerB.auth).send({ completedOn: today }).expect(404);
    expect(await record()).toEqual(before);
  });

  it('lets B read, not change, someone it employs today who also works for A; A too, until one post ends', async () => {
    const post = (
      await http(app)
        .post(`/services/${serviceB}/team`)
        .set(managerB.auth)
        .send({ personId: target.id, role: 'practitioner', fte: 0.5, caseload: 4, startDate: addDays(today, -1) })
        .expect(201)
    ).body as { id: string };
    const read = await http(app).get(`/people/${target.id}`).set(managerB.auth).expect(200);
    expect(read.body.name).toBe(target.name);
    for (const manager of [managerB, managerA]) {
      await http(app)
        .patch(`/people/${target.id}`)
        .set(manager.auth)
        .send({ email: uniqueEmail('attacker') })
        .expect(404);
      await http(app)
        .patch(`/people/${target.id}/memberships/${target.membershipId}`)
        .set(manager.auth)
        .send({ endDate: addDays(today, -1) })
        .expect(404);
    }
    // B's post ends yesterday: the person is A's alone again, and nothing of B's remains.
    await http(app)
      .patch(`/services/${serviceB}/team/${post.id}`)
      .set(managerB.auth)
      .send({ endDate: addDays(today, -1) })
      .expect(200);
    await http(app).get(`/people/${target.id}`).set(managerB.auth).expect(404);
    await http(app).post(`/people/${target.id}/qualifications`).set(managerA.auth).send({ kind: 'relevant_degree', status: 'working_towards' }).expect(201);
  });

  it('leaves NPA staff able to do all of it', async () => {
    const email = uniqueEmail('pat-new');
    await http(app).patch(`/people/${target.id}`).set(admin.auth).send({ name: 'Pat Target-Jones', email }).expect(200);
    await http(app)
      .patch(`/people/${target.id}/memberships/${target.membershipId}`)
      .set(admin.auth)
      .send({ endDate: addDays(today, 200) })
      .expect(200);
    await http(app).post(`/people/${target.id}/qualifications`).set(admin.auth).send({ kind: 'accredited_trainer', status: 'working_towards' }).expect(201);
    expect(await record()).toMatchObject({ name: 'Pat Target-Jones', email, memberships: [{ endDate: addDays(today, 200) }] });
  });
});
