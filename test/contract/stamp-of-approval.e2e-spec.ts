import { Api, ok, refused } from './client/contract-client';
import { daysFrom, daysOf, email, OutsideWorld, outsideWorld, PASSWORD, today, urn } from './outside-world';

const JUDGED = ['SA-PRINCIPLES', 'SA-ASSESSMENT', 'SA-REVIEWS', 'SA-RECORDS'];
const PDF = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

/** Waits for what the worker does after a change (letters, reminders), asking the API only. */
async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('the worker did not get there in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** API.md's Stamp of Approval, letters and reminders, walked with the generated client only. */
describe('API.md: the Stamp of Approval, letters and reminders, as an outside client', () => {
  let world: OutsideWorld;
  let admin: Api;
  let reviewer: Api;
  const day = today();
  const ago = (n: number) => daysFrom(day, -n);

  beforeAll(async () => {
    world = await outsideWorld();
    admin = world.admin;
    const reviewerEmail = email('reviewer');
    await ok(admin.POST('/users', { body: { email: reviewerEmail, name: 'Rita Reviewer', password: PASSWORD, role: 'npa_reviewer' } }), 201);
    reviewer = await world.signIn(reviewerEmail);
  }, 120_000);

  afterAll(async () => world?.close());

  /** A setting rated as given, with four staff of whom two are trained and one a member; and its contact. */
  async function setting(name: string, grade: 'good' | 'requires_improvement') {
    const created = await ok(admin.POST('/settings', { body: { name, ofstedUrn: urn(), kind: 'nursery', staffCount: 4 } }), 201);
    expect(created).toMatchObject({ id: expect.any(String), name, kind: 'nursery', staffCount: 4 });
    const inspection = await ok(admin.POST('/settings/{id}/inspections', { params: { path: { id: created.id } }, body: { date: ago(400), grade } }), 201);
    expect(inspection).toMatchObject({ date: ago(400), grade });
    const person = (label: string) => ok(admin.POST('/people', { body: { name: `${label} Staff`, email: email(label) } }), 201);
    const trainerPerson = await person('Tess');
    const trainer = await ok(
      admin.POST('/trainers', { body: { personId: trainerPerson.id, accreditedFrom: ago(1000), accreditedTo: daysFrom(day, 1000) } }),
      201,
    );
    const workshop = await ok(
      admin.POST('/workshops', { body: { trainerId: trainer.id, startDate: ago(300), endDate: ago(299), venue: 'Online', capacity: 10 } }),
      201,
    );
    const staff: { personId: string; staffId: string; trained: boolean }[] = [];
    for (const [label, trained] of [
      ['Ann', true],
      ['Bob', true],
      ['Cat', false],
      ['Dee', false],
    ] as const) {
      const who = await person(label);
      const added = await ok(
        admin.POST('/settings/{id}/staff', { params: { path: { id: created.id } }, body: { personId: who.id, startDate: ago(500) } }),
        201,
      );
      expect(added).toMatchObject({ id: expect.any(String), personId: who.id, startDate: ago(500) });
      staff.push({ personId: who.id, staffId: added.id, trained });
      if (!trained) continue;
      await ok(admin.POST('/workshops/{id}/attendees', { params: { path: { id: workshop.id } }, body: { personId: who.id } }), 201);
      await ok(admin.POST('/workshops/{id}/outcomes', { params: { path: { id: workshop.id } }, body: { personId: who.id, outcome: 'completed' } }), 201);
    }
    await ok(
      admin.POST('/people/{id}/memberships', {
        params: { path: { id: staff[2].personId } },
        body: { number: `NPA-${created.id.slice(0, 6)}`, startDate: ago(50), endDate: daysFrom(day, 300) },
      }),
      201,
    );
    const contactEmail = email('contact');
    await ok(
      admin.POST('/users', { body: { email: contactEmail, name: `${name} contact`, password: PASSWORD, role: 'setting_contact', organisationId: created.id } }),
      201,
    );
    return { id: created.id, staff, contact: await world.signIn(contactEmail) };
  }

  /** A draft with a statement for each judged criterion and one untagged file (multipart with only `file`). */
  async function submitted(contact: Api, settingId: string) {
    const draft = await ok(contact.POST('/settings/{id}/applications', { params: { path: { id: settingId } } }), 201);
    expect(draft).toMatchObject({ id: expect.any(String), state: 'draft', kind: 'new' });
    for (const criterionId of JUDGED) {
      await ok(
        contact.PUT('/applications/{id}/criteria/{criterionId}', {
          params: { path: { id: draft.id, criterionId } },
          body: { statement: `How we meet ${criterionId}.` },
        }),
        200,
      );
    }
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'our-portage-practice.pdf');
    // The document types the multipart body as fields (file: binary); openapi-fetch sends a FormData as it is.
    await ok(
      contact.POST('/applications/{id}/evidence', {
        params: { path: { id: draft.id } },
        body: form as never,
        bodySerializer: (body: unknown) => body as FormData,
      }),
      201,
    );
    await ok(contact.POST('/applications/{id}/submit', { params: { path: { id: draft.id } } }), 200);
    return draft.id;
  }

  const application = (as: Api, id: string) => ok(as.GET('/applications/{id}', { params: { path: { id } } }), 200);
  const path = (id: string) => ({ params: { path: { id } } });

  it('takes an application from draft to approved with untagged evidence, through an information request, and the award follows', async () => {
    const acorns = await setting('Acorns Day Nursery', 'good');
    const id = await submitted(acorns.contact, acorns.id);
    await ok(reviewer.POST('/applications/{id}/start-review', path(id)), 200);
    await ok(reviewer.POST('/applications/{id}/request-information', { ...path(id), body: { message: 'Please say how you review plans with parents.' } }), 200);
    expect(await application(acorns.contact, id)).toMatchObject({ state: 'information_requested' });
    await ok(
      acorns.contact.PUT('/applications/{id}/criteria/{criterionId}', {
        params: { path: { id, criterionId: 'SA-REVIEWS' } },
        body: { statement: 'Three reviews a year, with the family.' },
      }),
      200,
    );
    await ok(acorns.contact.POST('/applications/{id}/submit', { ...path(id) }), 200);
    expect(await application(acorns.contact, id)).toMatchObject({ state: 'submitted' });
    await ok(reviewer.POST('/applications/{id}/start-review', path(id)), 200);

    // A decision lists the judged criteria; the register's own criteria are computed.
    const criteria = JUDGED.map((criterionId) => ({
      id: criterionId,
      outcome: 'pass' as const,
      reason: 'Statement and evidence meet it.',
    }));
    const decision = await daysOf(() => ok(reviewer.POST('/applications/{id}/decision', { ...path(id), body: { decision: 'approved', criteria } }), 200));

    const second = await refused(reviewer.POST('/applications/{id}/decision', { ...path(id), body: { decision: 'rejected', criteria } }), 409);
    expect(second).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.any(String) });

    const decided = await application(reviewer, id);
    expect(decided).toMatchObject({ id, settingId: acorns.id, state: 'approved', kind: 'new' });
    expect(decided.history).toEqual(expect.any(Array));
    for (const criterion of decided.criteria)
      expect(criterion).toMatchObject({ id: expect.any(String), outcome: expect.any(String), explanation: expect.any(String) });
    expect(decided.criteria.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([...JUDGED, 'SA-OFSTED', 'SA-TRAINED', 'SA-MEMBER']));

    const award = await ok(acorns.contact.GET('/settings/{id}/award', path(acorns.id)), 200);
    expect(award).toMatchObject({ state: 'active', expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(decision.days).toContain(award.awardedOn);

    // The award letter is kept, listed on the setting and readable as PDF and HTML.
    const letters = await eventually(async () => {
      const listed = await ok(acorns.contact.GET('/settings/{id}/letters', path(acorns.id)), 200);
      return listed.length && listed.every((l: { sentAt: string | null }) => l.sentAt) ? listed : null;
    });
    for (const letter of letters)
      expect(letter).toMatchObject({
        id: expect.any(String),
        kind: expect.any(String),
        createdAt: expect.any(String),
        sentAt: expect.any(String),
        templateVersion: expect.any(Number),
      });
    const pdf = await acorns.contact.GET('/letters/{id}.pdf', { ...path(letters[0].id), parseAs: 'arrayBuffer' });
    expect(pdf.response.status).toBe(200);
    expect(pdf.response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(pdf.data as unknown as ArrayBuffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const html = await acorns.contact.GET('/letters/{id}.html', { ...path(letters[0].id), parseAs: 'text' });
    expect(html.response.status).toBe(200);
    expect(html.response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(String(html.data)).toContain('Acorns Day Nursery');

    // A trained member of staff leaves: one trained of four is below two, so the award is at risk.
    const leaver = acorns.staff.find((s) => s.trained)!;
    const left = await ok(
      admin.PATCH('/settings/{id}/staff/{staffId}', { params: { path: { id: acorns.id, staffId: leaver.staffId } }, body: { endDate: ago(1) } }),
      200,
    );
    expect(left).toMatchObject({ id: leaver.staffId, endDate: ago(1) });
    expect(await ok(acorns.contact.GET('/settings/{id}/award', path(acorns.id)), 200)).toMatchObject({ state: 'at_risk', awardedOn: award.awardedOn });

    // The daily sweep (the OpenAPI page's POST /sweeps, run now rather than waiting for tomorrow) finds the reminder.
    // It sweeps the award's own day: a day before it (the suite's first, if midnight passed since) has no award to watch.
    await ok(admin.POST('/sweeps', { body: { asOf: award.awardedOn as string } }), 200);
    const reminder = await eventually(async () => {
      const listed = await ok(acorns.contact.GET('/settings/{id}/reminders', path(acorns.id)), 200);
      return listed.find((r: { kind: string; sentAt: string | null }) => r.kind === 'award-at-risk' && r.sentAt);
    });
    expect(reminder).toMatchObject({
      kind: 'award-at-risk',
      dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      sentAt: expect.any(String),
      recipients: expect.arrayContaining([expect.any(String)]),
    });
  });

  it('rejects an application with a reason per criterion, and the rejection letter is listed', async () => {
    const oaks = await setting('Oaks Pre-school', 'good');
    const id = await submitted(oaks.contact, oaks.id);
    await ok(reviewer.POST('/applications/{id}/start-review', path(id)), 200);
    const criteria = JUDGED.map((criterionId) => ({
      id: criterionId,
      outcome: 'fail' as const,
      reason: `The statement for ${criterionId} gives no example from practice.`,
    }));
    await ok(reviewer.POST('/applications/{id}/decision', { ...path(id), body: { decision: 'rejected', criteria } }), 200);
    const decided = await application(oaks.contact, id);
    expect(decided).toMatchObject({ state: 'rejected' });
    expect(decided.criteria.find((c: { id: string }) => c.id === 'SA-RECORDS')).toMatchObject({ outcome: 'fail' });
    expect(await ok(oaks.contact.GET('/settings/{id}/award', path(oaks.id)), 200)).toMatchObject({ state: 'none' });
    const letters = await eventually(async () => {
      const listed = await ok(oaks.contact.GET('/settings/{id}/letters', path(oaks.id)), 200);
      return listed.length ? listed : null;
    });
    expect(letters.map((l: { kind: string }) => l.kind)).toEqual(expect.arrayContaining([expect.stringMatching(/reject/)]));
  });

  it('withdraws an open application', async () => {
    const elms = await setting('Elms Childminding', 'good');
    const draft = await ok(elms.contact.POST('/settings/{id}/applications', path(elms.id)), 201);
    await ok(elms.contact.POST('/applications/{id}/withdraw', { ...path(draft.id) }), 200);
    expect(await application(elms.contact, draft.id)).toMatchObject({ state: 'withdrawn' });
  });

  it('lists the letters and reminders of a service and of a person', async () => {
    const service = await ok(
      admin.POST('/services', { body: { name: 'Letters Portage', localAuthority: 'Devon', region: 'South West', ageRange: '0-5' } }),
      201,
    );
    expect(await ok(admin.GET('/services/{id}/letters', path(service.id)), 200)).toEqual(expect.any(Array));
    expect(await ok(admin.GET('/services/{id}/reminders', path(service.id)), 200)).toEqual(expect.any(Array));
    const person = await ok(admin.POST('/people', { body: { name: 'Pat Person', email: email('pat') } }), 201);
    expect(await ok(admin.GET('/people/{id}/letters', path(person.id)), 200)).toEqual(expect.any(Array));
  });
});
