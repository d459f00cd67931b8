import { randomUUID } from 'node:crypto';
import { Api, ok, refused } from './client/contract-client';
import { daysFrom, email, OutsideWorld, outsideWorld, PASSWORD, today, urn } from './outside-world';

/** API.md, Errors: every status it names, body and all, met the way an outside client meets it. */
describe('API.md: the errors, as an outside client', () => {
  let world: OutsideWorld;
  let admin: Api;

  beforeAll(async () => {
    world = await outsideWorld({}, false);
    admin = world.admin;
  }, 120_000);

  afterAll(async () => world?.close());

  const service = { name: 'Errors Portage', localAuthority: 'Dorset', region: 'South West', ageRange: '0-5' as const };

  it('400: invalid input, unknown fields included, with details per field', async () => {
    const unknown = await refused(admin.POST('/services', { body: { ...service, colour: 'blue' } as never }), 400);
    expect(unknown).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.any(String),
      details: [{ field: 'colour', problem: expect.any(String) }],
    });
    const invalid = await refused(admin.POST('/services', { body: { ...service, ageRange: '0-6' } as never }), 400);
    expect(invalid).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.any(String),
      details: [{ field: 'ageRange', problem: expect.any(String) }],
    });
    const person = await ok(admin.POST('/people', { body: { name: 'Fay Fte', email: email('fay') } }), 201);
    const created = await ok(admin.POST('/services', { body: service }), 201);
    const fte = await refused(
      admin.POST('/services/{id}/team', {
        params: { path: { id: created.id } },
        body: { personId: person.id, role: 'practitioner', fte: 1.5, caseload: 3, startDate: '2026-01-05' },
      }),
      400,
    );
    // The project's rules beyond API.md say exactly what to change.
    expect(fte.details).toEqual([{ field: 'fte', problem: 'must be at most 1 (full time)' }]);
    const date = await refused(admin.POST('/people/{id}/induction', { params: { path: { id: person.id } }, body: { completedOn: '05/01/2026' } }), 400);
    expect(date.details).toEqual([{ field: 'completedOn', problem: expect.any(String) }]);
  });

  it('401: not signed in, and a wrong email or password alike', async () => {
    const missing = await refused(world.anonymous.GET('/services/{id}', { params: { path: { id: randomUUID() } } }), 401);
    expect(missing).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
    const wrongPassword = await refused(world.anonymous.POST('/auth/login', { body: { email: 'nobody@example.org', password: 'not-the-password' } }), 401);
    expect(wrongPassword).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
  });

  it('403: signed in but not allowed, and 404: not found or not yours to see', async () => {
    const mine = await ok(admin.POST('/settings', { body: { name: 'Mine Nursery', ofstedUrn: urn(), kind: 'nursery', staffCount: 3 } }), 201);
    const theirs = await ok(admin.POST('/settings', { body: { name: 'Theirs Nursery', ofstedUrn: urn(), kind: 'preschool', staffCount: 3 } }), 201);
    const contactEmail = email('contact');
    await ok(
      admin.POST('/users', { body: { email: contactEmail, name: 'Connie Contact', password: PASSWORD, role: 'setting_contact', organisationId: mine.id } }),
      201,
    );
    const contact = await world.signIn(contactEmail);

    const forbidden = await refused(contact.POST('/services', { body: service }), 403);
    expect(forbidden).toEqual({ statusCode: 403, error: 'Forbidden', message: expect.any(String) });
    const notFound = await refused(admin.GET('/applications/{id}', { params: { path: { id: randomUUID() } } }), 404);
    expect(notFound).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    const notYours = await refused(contact.GET('/settings/{id}/award', { params: { path: { id: theirs.id } } }), 404);
    expect(notYours).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    const unknownCertificate = await refused(world.anonymous.GET('/certificates/{code}', { params: { path: { code: 'NPA-00000-00000' } } }), 404);
    expect(unknownCertificate).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('409: a duplicate email, an overlapping membership, and a second withdrawal', async () => {
    const address = email('dup');
    await ok(admin.POST('/people', { body: { name: 'Dee Duplicate', email: address } }), 201);
    const duplicate = await refused(admin.POST('/people', { body: { name: 'Dee Again', email: address } }), 409);
    expect(duplicate).toEqual({ statusCode: 409, error: 'Conflict', message: expect.any(String) });

    const member = await ok(admin.POST('/people', { body: { name: 'Mo Member', email: email('mo') } }), 201);
    const membership = (startDate: string, endDate: string) =>
      admin.POST('/people/{id}/memberships', { params: { path: { id: member.id } }, body: { number: 'NPA-4410', startDate, endDate } });
    await ok(membership('2026-01-01', '2026-12-31'), 201);
    const overlapping = await refused(membership('2026-06-01', '2027-05-31'), 409);
    expect(overlapping).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message:
        'This person already has membership NPA-4410 from 2026-01-01 to 2026-12-31, which covers some of those dates: start the new one after 2026-12-31, or end that one first.',
    });

    const setting = await ok(admin.POST('/settings', { body: { name: 'Twice Nursery', ofstedUrn: urn(), kind: 'nursery', staffCount: 3 } }), 201);
    const draft = await ok(admin.POST('/settings/{id}/applications', { params: { path: { id: setting.id } } }), 201);
    await ok(admin.POST('/applications/{id}/withdraw', { params: { path: { id: draft.id } } }), 200);
    const again = await refused(admin.POST('/applications/{id}/withdraw', { params: { path: { id: draft.id } } }), 409);
    // A conflict may say which state it found; the schema check holds it to API.md's body.
    expect(again).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.any(String) });
  });

  it("409: an outcome before the workshop's last day", async () => {
    const tess = await ok(admin.POST('/people', { body: { name: 'Tess Early', email: email('tess') } }), 201);
    const trainer = await ok(
      admin.POST('/trainers', { body: { personId: tess.id, accreditedFrom: daysFrom(today(), -100), accreditedTo: daysFrom(today(), 400) } }),
      201,
    );
    const workshop = await ok(
      admin.POST('/workshops', {
        body: { trainerId: trainer.id, startDate: daysFrom(today(), 5), endDate: daysFrom(today(), 6), venue: 'Exeter Library', capacity: 6 },
      }),
      201,
    );
    const attendee = await ok(admin.POST('/people', { body: { name: 'Ava Attendee', email: email('ava') } }), 201);
    await ok(admin.POST('/workshops/{id}/attendees', { params: { path: { id: workshop.id } }, body: { personId: attendee.id } }), 201);
    const early = await refused(
      admin.POST('/workshops/{id}/outcomes', { params: { path: { id: workshop.id } }, body: { personId: attendee.id, outcome: 'completed' } }),
      409,
    );
    expect(early).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.any(String) });
  });

  it('413: evidence over 10 MB', async () => {
    const setting = await ok(admin.POST('/settings', { body: { name: 'Big File Nursery', ofstedUrn: urn(), kind: 'nursery', staffCount: 3 } }), 201);
    const draft = await ok(admin.POST('/settings/{id}/applications', { params: { path: { id: setting.id } } }), 201);
    const form = new FormData();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.4\n');
    form.append('file', new Blob([big], { type: 'application/pdf' }), 'too-big.pdf');
    const tooLarge = await refused(
      admin.POST('/applications/{id}/evidence', {
        params: { path: { id: draft.id } },
        body: form as never,
        bodySerializer: (body: unknown) => body as FormData,
      }),
      413,
    );
    expect(tooLarge).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String) });
  });

  it('429: too many requests', async () => {
    const limited = await outsideWorld({ LOGIN_RATE_LIMIT: '2', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-contract-${randomUUID().slice(0, 8)}` }, false);
    try {
      const attempt = () => limited.anonymous.POST('/auth/login', { body: { email: 'nobody@example.org', password: 'not-the-password' } });
      // The first admin's own sign-in counted once already.
      let answer = await attempt();
      while (answer.response.status === 401) answer = await attempt();
      const tooMany = await refused(Promise.resolve(answer), 429);
      expect(tooMany).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String) });
    } finally {
      await limited.close();
    }
  });
});
